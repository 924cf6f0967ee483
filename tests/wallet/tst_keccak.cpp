#include "Hex.h"
#include "Keccak.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace icn;

// wallet/Keccak.cpp is our own Keccak-f[1600]; Qt's QCryptographicHash::Keccak_256 is the
// independent reference it must agree with on every length (tst_address checks the public KATs).
class TestKeccak : public QObject
{
    Q_OBJECT

private slots:
    void matchesEmbeddedKnownAnswers_data();
    void matchesEmbeddedKnownAnswers();
    void matchesQtOnEveryLengthUpToAThousandBytes();
    void matchesQtAroundEveryBlockBoundary_data();
    void matchesQtAroundEveryBlockBoundary();
    void matchesQtOnEveryByteValueAtEveryPosition();
    void rawOverloadWritesTheSameDigest();
    void portablePathMatchesQtToo();
    void changesWhenAnyBitFlips();
};

namespace {

QByteArray qtKeccak(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

QByteArray randomBytes(QRandomGenerator &rng, qsizetype n)
{
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = static_cast<char>(rng.bounded(256));
    return out;
}

} // namespace

void TestKeccak::matchesEmbeddedKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("digest");
    QTest::newRow("the empty message hashes to the well-known empty digest")
        << QByteArray() << QStringLiteral("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    QTest::newRow("abc hashes to the Keccak team's known answer")
        << QByteArrayLiteral("abc") << QStringLiteral("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    QTest::newRow("the ERC-20 transfer signature hashes to the selector a9059cbb")
        << QByteArrayLiteral("transfer(address,uint256)")
        << QStringLiteral("a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b");
}

void TestKeccak::matchesEmbeddedKnownAnswers()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, digest);
    QCOMPARE(toHex(keccak256(message), false), digest);
}

void TestKeccak::matchesQtOnEveryLengthUpToAThousandBytes()
{
    QRandomGenerator rng(20261121);
    for (qsizetype n = 0; n <= 1000; ++n) {
        const QByteArray message = randomBytes(rng, n);
        QVERIFY2(keccak256(message) == qtKeccak(message), qPrintable(QStringLiteral("length %1 differs").arg(n)));
    }
}

void TestKeccak::matchesQtAroundEveryBlockBoundary_data()
{
    // The rate is 136 bytes: the padding byte lands last in the block at 135, a new block starts at 136.
    QTest::addColumn<qsizetype>("length");
    for (qsizetype blocks = 1; blocks <= 8; ++blocks)
        for (qsizetype delta : {-2, -1, 0, 1, 2}) {
            const qsizetype n = blocks * 136 + delta;
            QTest::newRow(qPrintable(QStringLiteral("%1 bytes (%2 blocks %3 %4) match Qt")
                                         .arg(n)
                                         .arg(blocks)
                                         .arg(delta < 0 ? QStringLiteral("minus") : QStringLiteral("plus"))
                                         .arg(qAbs(delta))))
                << n;
        }
    QTest::newRow("a 64 KiB message matches Qt") << qsizetype(65536);
}

void TestKeccak::matchesQtAroundEveryBlockBoundary()
{
    QFETCH(qsizetype, length);
    QRandomGenerator rng(static_cast<quint32>(length));
    for (int trial = 0; trial < 20; ++trial) {
        const QByteArray message = randomBytes(rng, length);
        QCOMPARE(keccak256(message), qtKeccak(message));
    }
}

void TestKeccak::matchesQtOnEveryByteValueAtEveryPosition()
{
    // Every byte value in the position where the 0x01 padding goes and in the last byte of a block.
    for (qsizetype n : {1, 135, 136, 137, 271, 272}) {
        QByteArray message(n, '\0');
        for (int v = 0; v < 256; ++v) {
            message[n - 1] = static_cast<char>(v);
            QCOMPARE(keccak256(message), qtKeccak(message));
        }
    }
}

void TestKeccak::rawOverloadWritesTheSameDigest()
{
    QRandomGenerator rng(7);
    for (qsizetype n : {0, 1, 135, 136, 137, 237, 1000}) {
        const QByteArray message = randomBytes(rng, n);
        unsigned char out[33];
        out[32] = 0xa5; // must stay untouched
        keccak256(message, out);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(out), 32), qtKeccak(message));
        QCOMPARE(out[32], static_cast<unsigned char>(0xa5));
    }
}

void TestKeccak::portablePathMatchesQtToo()
{
    // keccak256() may run a CPU-specific build of the permutation; the portable one must agree too.
    QRandomGenerator rng(13);
    for (qsizetype n = 0; n <= 600; ++n) {
        const QByteArray message = randomBytes(rng, n);
        unsigned char out[32];
        keccak256Portable(message, out);
        QVERIFY2(QByteArray(reinterpret_cast<const char *>(out), 32) == qtKeccak(message),
                 qPrintable(QStringLiteral("length %1 differs").arg(n)));
    }
}

void TestKeccak::changesWhenAnyBitFlips()
{
    QRandomGenerator rng(11);
    const QByteArray message = randomBytes(rng, 300);
    const QByteArray digest = keccak256(message);
    for (qsizetype i = 0; i < message.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray flipped = message;
            flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
            QVERIFY(keccak256(flipped) != digest);
        }
}

QTEST_GUILESS_MAIN(TestKeccak)
#include "tst_keccak.moc"
