#include "Bip32.h"
#include "Bip39.h"
#include "Hex.h"
#include "TestVectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using icn::Bip39;
using icn::SecureBytes;

namespace {

SecureBytes secret(const QString &text)
{
    return SecureBytes(text.toUtf8());
}

SecureBytes secretHex(const QString &hex)
{
    return SecureBytes(icn::fromHex(hex).value());
}

QString hexOf(const SecureBytes &bytes)
{
    return icn::toHex(bytes.view(), false);
}

const QString kTwelveAbandons = QStringLiteral("abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                                               "abandon abandon abandon");

} // namespace

class TestBip39 : public QObject
{
    Q_OBJECT

private slots:
    void wordListIsTheOfficialEnglishList();
    void embeddedVectorsPass_data();
    void embeddedVectorsPass();
    void publicVectorsPass();
    void seedWithoutPassphraseMatchesTheGoldenVector();
    void generatesValidMnemonics_data();
    void generatesValidMnemonics();
    void generateRefusesOtherWordCounts_data();
    void generateRefusesOtherWordCounts();
    void refusesBadMnemonics_data();
    void refusesBadMnemonics();
    void unknownWordIsNamedWithItsPosition();
    void spacingCaseAndWidthDoNotMatter();
    void passphraseIsNfkdNormalized();
    void fromEntropyRefusesBadLengths_data();
    void fromEntropyRefusesBadLengths();
};

void TestBip39::wordListIsTheOfficialEnglishList()
{
    const auto &words = Bip39::wordList();
    QCOMPARE(words.size(), 2048);
    QCOMPARE(words.front(), QByteArray("abandon"));
    QCOMPARE(words.back(), QByteArray("zoo"));
    QCOMPARE(Bip39::indexOf("about"), 3);
    QCOMPARE(Bip39::indexOf("zoo"), 2047);
    QCOMPARE(Bip39::indexOf("abandonx"), -1);
    QCOMPARE(Bip39::indexOf(""), -1);
}

void TestBip39::embeddedVectorsPass_data()
{
    // From trezor/python-mnemonic vectors.json (passphrase "TREZOR"); the root xprv is BIP-32 of the seed.
    QTest::addColumn<QString>("entropy");
    QTest::addColumn<QString>("mnemonic");
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("xprv");

    QTest::newRow("all-zero entropy gives abandon ... about")
        << "00000000000000000000000000000000"
        << "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        << "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04"
        << "xprv9s21ZrQH143K3h3fDYiay8mocZ3afhfULfb5GX8kCBdno77K4HiA15Tg23wpbeF1pLfs1c5SPmYHrEpTuuRhxMwvKDwqdKiGJS9XFKzUsAF";
    QTest::newRow("all-one entropy gives zoo ... wrong")
        << "ffffffffffffffffffffffffffffffff"
        << "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong"
        << "ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069"
        << "xprv9s21ZrQH143K2V4oox4M8Zmhi2Fjx5XK4Lf7GKRvPSgydU3mjZuKGCTg7UPiBUD7ydVPvSLtg9hjp7MQTYsW67rZHAXeccqYqrsx8LcXnyd";
    QTest::newRow("a random 24-word phrase")
        << "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f"
        << "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group "
           "space point ten exist slush involve unfold"
        << "01f5bced59dec48e362f2c45b5de68b9fd6c92c6634f44d6d40aab69056506f0e35524a518034ddc1192e1dacd32c1ed3eaa3c3b131c88ed8e7e54c49a5d0998"
        << "xprv9s21ZrQH143K39rnQJknpH1WEPFJrzmAqqasiDcVrNuk926oizzJDDQkdiTvNPr2FYDYzWgiMiC63YmfPAa2oPyNB23r2g7d1yiK6WpqaQS";
}

void TestBip39::embeddedVectorsPass()
{
    QFETCH(QString, entropy);
    QFETCH(QString, mnemonic);
    QFETCH(QString, seed);
    QFETCH(QString, xprv);

    const auto words = Bip39::fromEntropy(secretHex(entropy));
    QVERIFY(words.ok());
    QCOMPARE(QString::fromUtf8(words->view()), mnemonic);
    QVERIFY(Bip39::validate(*words).ok());
    QCOMPARE(hexOf(Bip39::toEntropy(*words).value()), entropy);

    const auto derived = Bip39::mnemonicToSeed(secret(mnemonic), secret(QStringLiteral("TREZOR")));
    QVERIFY2(derived.ok(), qPrintable(derived.ok() ? QString() : derived.error().message));
    QCOMPARE(hexOf(*derived), seed);

    const auto root = icn::Bip32::ExtendedKey::fromSeed(*derived);
    QVERIFY(root.ok());
    QCOMPARE(QString::fromLatin1(root->toXprv()->view()), xprv);
}

void TestBip39::publicVectorsPass()
{
    ICN_REQUIRE_VECTORS(doc, "vectors.json");
    const QJsonArray english = doc.object().value(QStringLiteral("english")).toArray();
    QCOMPARE(english.size(), 24);
    for (const auto &row : english) {
        const QJsonArray v = row.toArray();
        const QString entropy = v.at(0).toString();
        const QString mnemonic = v.at(1).toString();
        const QString context = QStringLiteral("vector with entropy %1").arg(entropy);

        const auto words = Bip39::fromEntropy(secretHex(entropy));
        QVERIFY2(words.ok(), qPrintable(context));
        QCOMPARE(QString::fromUtf8(words->view()), mnemonic);
        QVERIFY2(Bip39::validate(secret(mnemonic)).ok(), qPrintable(context));
        QCOMPARE(hexOf(Bip39::toEntropy(secret(mnemonic)).value()), entropy);

        const auto seed = Bip39::mnemonicToSeed(secret(mnemonic), secret(QStringLiteral("TREZOR")));
        QVERIFY2(seed.ok(), qPrintable(context));
        QCOMPARE(hexOf(*seed), v.at(2).toString());

        const auto root = icn::Bip32::ExtendedKey::fromSeed(*seed);
        QVERIFY2(root.ok(), qPrintable(context));
        QCOMPARE(QString::fromLatin1(root->toXprv()->view()), v.at(3).toString());
    }
}

void TestBip39::seedWithoutPassphraseMatchesTheGoldenVector()
{
    // known_answers "bip44_ethereum_golden": abandon x11 about, empty passphrase.
    const auto seed = Bip39::mnemonicToSeed(secret(QStringLiteral("abandon abandon abandon abandon abandon abandon abandon "
                                                                  "abandon abandon abandon abandon about")));
    QVERIFY(seed.ok());
    QCOMPARE(hexOf(*seed), QStringLiteral("5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                                          "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4"));
}

void TestBip39::generatesValidMnemonics_data()
{
    QTest::addColumn<int>("words");
    QTest::newRow("twelve words") << 12;
    QTest::newRow("twenty-four words") << 24;
}

void TestBip39::generatesValidMnemonics()
{
    QFETCH(int, words);
    QSet<QByteArray> seen;
    for (int i = 0; i < 20; ++i) {
        const auto mnemonic = Bip39::generate(words);
        QVERIFY(mnemonic.ok());
        QCOMPARE(mnemonic->view().toByteArray().split(' ').size(), words);
        QVERIFY(Bip39::validate(*mnemonic).ok());
        QCOMPARE(static_cast<int>(Bip39::toEntropy(*mnemonic)->size()), words / 3 * 4);
        seen.insert(mnemonic->view().toByteArray());
    }
    QCOMPARE(seen.size(), 20); // fresh randomness every time
}

void TestBip39::generateRefusesOtherWordCounts_data()
{
    QTest::addColumn<int>("words");
    QTest::newRow("zero words") << 0;
    QTest::newRow("eleven words") << 11;
    QTest::newRow("thirteen words") << 13;
    QTest::newRow("twenty-seven words") << 27;
    QTest::newRow("a negative count") << -12;
}

void TestBip39::generateRefusesOtherWordCounts()
{
    QFETCH(int, words);
    const auto mnemonic = Bip39::generate(words);
    QVERIFY(!mnemonic.ok());
    QCOMPARE(mnemonic.error().code, QStringLiteral("bip39.wrong_word_count"));
}

void TestBip39::refusesBadMnemonics_data()
{
    QTest::addColumn<QByteArray>("mnemonic");
    QTest::addColumn<QString>("code");

    const QByteArray abandons = kTwelveAbandons.toUtf8();
    QTest::newRow("nothing at all") << QByteArray() << "bip39.empty";
    QTest::newRow("only white space") << QByteArray(" \t\n ") << "bip39.empty";
    QTest::newRow("eleven words") << QByteArray("abandon abandon abandon abandon abandon abandon abandon abandon abandon "
                                                "abandon about")
                                  << "bip39.wrong_word_count";
    QTest::newRow("thirteen words") << abandons + " about" << "bip39.wrong_word_count";
    QTest::newRow("a single word") << QByteArray("abandon") << "bip39.wrong_word_count";
    QTest::newRow("twelve abandons fail the checksum") << abandons << "bip39.bad_checksum";
    QTest::newRow("two words swapped fail the checksum")
        << QByteArray("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about abandon")
        << "bip39.bad_checksum";
    QTest::newRow("the last word of another phrase")
        << QByteArray("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote") << "bip39.bad_checksum";
    QTest::newRow("a misspelt word") << QByteArray("abandon abandon abandon abandom abandon abandon abandon abandon "
                                                   "abandon abandon abandon about")
                                     << "bip39.unknown_word";
    QTest::newRow("a word of another language")
        << QByteArray("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \xc3\xa1" "baco")
        << "bip39.unknown_word";
    QTest::newRow("bytes that are not UTF-8")
        << QByteArray("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \xff\xfe")
        << "bip39.unknown_word";
    QTest::newRow("words glued with commas")
        << QByteArray("abandon,abandon,abandon,abandon,abandon,abandon,abandon,abandon,abandon,abandon,abandon,about")
        << "bip39.wrong_word_count";
}

void TestBip39::refusesBadMnemonics()
{
    QFETCH(QByteArray, mnemonic);
    QFETCH(QString, code);
    const SecureBytes input(mnemonic);

    const auto validated = Bip39::validate(input);
    QVERIFY(!validated.ok());
    QCOMPARE(validated.error().code, code);
    QCOMPARE(validated.error().field, QStringLiteral("mnemonic"));
    QVERIFY(!validated.error().message.isEmpty());

    const auto seed = Bip39::mnemonicToSeed(input, secret(QStringLiteral("TREZOR")));
    QVERIFY(!seed.ok());
    QCOMPARE(seed.error().code, code);
    QCOMPARE(Bip39::toEntropy(input).error().code, code);
    QCOMPARE(input.view().toByteArray(), mnemonic); // the input is left untouched
}

void TestBip39::unknownWordIsNamedWithItsPosition()
{
    const auto result = Bip39::validate(secret(QStringLiteral(
        "abandon abandon abandon abandon abandon bitcoin abandon abandon abandon abandon abandon about")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("bip39.unknown_word"));
    QCOMPARE(result.error().details.value(QStringLiteral("word")).toString(), QStringLiteral("bitcoin"));
    QCOMPARE(result.error().details.value(QStringLiteral("position")).toInt(), 6);
    QVERIFY(result.error().message.contains(QStringLiteral("bitcoin")));
    QVERIFY(result.error().message.contains(QStringLiteral("6")));
}

void TestBip39::spacingCaseAndWidthDoNotMatter()
{
    const SecureBytes canonical = secret(QStringLiteral("abandon abandon abandon abandon abandon abandon abandon abandon "
                                                        "abandon abandon abandon about"));
    // Upper case, tabs, newlines, and full-width letters (NFKD maps them to ASCII).
    const SecureBytes messy = secret(QStringLiteral("  ABANDON abandon\tabandon\n abandon Abandon abandon abandon "
                                                    "abandon abandon abandon abandon \uFF41\uFF42\uFF4F\uFF55\uFF54\n"));
    QVERIFY(Bip39::validate(messy).ok());
    QCOMPARE(QString::fromUtf8(Bip39::canonical(messy)->view()), QString::fromUtf8(canonical.view()));
    QCOMPARE(hexOf(Bip39::mnemonicToSeed(messy, secret(QStringLiteral("TREZOR"))).value()),
             hexOf(Bip39::mnemonicToSeed(canonical, secret(QStringLiteral("TREZOR"))).value()));
}

void TestBip39::passphraseIsNfkdNormalized()
{
    const SecureBytes mnemonic = secret(QStringLiteral("abandon abandon abandon abandon abandon abandon abandon abandon "
                                                       "abandon abandon abandon about"));
    const auto composed = Bip39::mnemonicToSeed(mnemonic, secret(QStringLiteral("caf\u00e9")));
    const auto decomposed = Bip39::mnemonicToSeed(mnemonic, secret(QStringLiteral("cafe\u0301")));
    const auto plain = Bip39::mnemonicToSeed(mnemonic, secret(QStringLiteral("cafe")));
    QVERIFY(composed.ok() && decomposed.ok() && plain.ok());
    QCOMPARE(composed->size(), std::size_t(64));
    QCOMPARE(hexOf(*composed), hexOf(*decomposed));
    QVERIFY(hexOf(*composed) != hexOf(*plain));
}

void TestBip39::fromEntropyRefusesBadLengths_data()
{
    QTest::addColumn<int>("bytes");
    QTest::newRow("no entropy") << 0;
    QTest::newRow("twelve bytes") << 12;
    QTest::newRow("seventeen bytes") << 17;
    QTest::newRow("thirty-six bytes") << 36;
}

void TestBip39::fromEntropyRefusesBadLengths()
{
    QFETCH(int, bytes);
    const auto mnemonic = Bip39::fromEntropy(SecureBytes(static_cast<std::size_t>(bytes)));
    QVERIFY(!mnemonic.ok());
    QCOMPARE(mnemonic.error().code, QStringLiteral("bip39.bad_entropy_length"));
}

QTEST_GUILESS_MAIN(TestBip39)
#include "tst_bip39.moc"
