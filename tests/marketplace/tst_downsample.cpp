// Downsampling of chart series (PERFORMANCE.md): LTTB, min/max lines and min/max bands.
#include "Downsample.h"

#include <QTest>

#include <algorithm>

using namespace icn;

namespace {

QList<SeriesPoint> series(qsizetype n, quint64 seed = 7)
{
    QList<SeriesPoint> out;
    out.reserve(n);
    qint64 y = 0;
    for (qsizetype i = 0; i < n; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        y += static_cast<qint64>(seed >> 54) - 512;
        out.append(SeriesPoint{1'000 + i, y});
    }
    return out;
}

// Every output point is an input point, in input order.
template <typename P>
bool isOrderedSubset(const QList<P> &out, const QList<P> &in)
{
    qsizetype j = 0;
    for (const P &p : out) {
        while (j < in.size() && !(in[j] == p))
            ++j;
        if (j == in.size())
            return false;
        ++j;
    }
    return true;
}

} // namespace

class TestDownsample : public QObject
{
    Q_OBJECT

private slots:
    void neverMoreThanRequested_data();
    void neverMoreThanRequested();
    void identityWhenFewerPointsThanRequested();
    void smallBudgets();
    void minMaxKeepsEveryExtreme();
    void lttbKeepsASpike();
    void lttbPicksTheLargestTriangle();
    void bandsCoverEveryPoint();
    void exactWidePointsAreKeptUnchanged();
    void refusesUnsortedX();
};

void TestDownsample::neverMoreThanRequested_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("maxPoints");
    QTest::newRow("10,000 points to 100") << 10'000 << 100;
    QTest::newRow("10,000 points to 101 (odd budget)") << 10'000 << 101;
    QTest::newRow("1,001 points to 1,000") << 1'001 << 1'000;
    QTest::newRow("5 points to 4") << 5 << 4;
    QTest::newRow("5 points to 3") << 5 << 3;
    QTest::newRow("100,000 points to 2,000") << 100'000 << 2'000;
}

void TestDownsample::neverMoreThanRequested()
{
    QFETCH(int, n);
    QFETCH(int, maxPoints);
    const auto in = series(n);
    for (const auto &out : {Downsample::lttb(in, maxPoints), Downsample::minMax(in, maxPoints)}) {
        QVERIFY(out.ok());
        QVERIFY(out->size() <= maxPoints);
        QVERIFY(out->size() >= std::min(maxPoints, 2));
        QCOMPARE(out->first(), in.first());
        QCOMPARE(out->last(), in.last());
        QVERIFY(isOrderedSubset(*out, in));
    }
    // LTTB fills its budget exactly.
    QCOMPARE(Downsample::lttb(in, maxPoints)->size(), qsizetype(maxPoints));
    const auto bands = Downsample::bands(in, maxPoints);
    QCOMPARE(bands->size(), qsizetype(maxPoints));
}

void TestDownsample::identityWhenFewerPointsThanRequested()
{
    const auto in = series(50);
    QCOMPARE(*Downsample::lttb(in, 50), in);
    QCOMPARE(*Downsample::lttb(in, 2'000), in);
    QCOMPARE(*Downsample::minMax(in, 51), in);
    QCOMPARE(*Downsample::lttb(QList<SeriesPoint>(), 10), QList<SeriesPoint>());
    const auto bands = Downsample::bands(in, 100);
    QCOMPARE(bands->size(), in.size());
    for (qsizetype i = 0; i < in.size(); ++i)
        QCOMPARE(bands->at(i), (BandBucket<qint64>{in[i].x, in[i].x, in[i].y, in[i].y}));
}

void TestDownsample::smallBudgets()
{
    const auto in = series(100);
    QCOMPARE(Downsample::lttb(in, 0)->size(), 0);
    QCOMPARE(Downsample::lttb(in, -5)->size(), 0);
    QCOMPARE(*Downsample::lttb(in, 1), QList<SeriesPoint>{in.first()});
    QCOMPARE(*Downsample::lttb(in, 2), (QList<SeriesPoint>{in.first(), in.last()}));
    QCOMPARE(*Downsample::minMax(in, 1), QList<SeriesPoint>{in.first()});
    QCOMPARE(*Downsample::minMax(in, 3), (QList<SeriesPoint>{in.first(), in.last()}));
    QCOMPARE(Downsample::bands(in, 0)->size(), 0);
}

void TestDownsample::minMaxKeepsEveryExtreme()
{
    for (quint64 seed : {1ULL, 2ULL, 3ULL, 99ULL}) {
        const auto in = series(20'000, seed);
        const auto out = Downsample::minMax(in, 200);
        QVERIFY(out.ok());
        const auto [lo, hi] = std::minmax_element(in.begin(), in.end(), [](const SeriesPoint &a, const SeriesPoint &b) { return a.y < b.y; });
        QVERIFY(out->contains(*lo));
        QVERIFY(out->contains(*hi));
        // Each band bucket's extremes are kept too.
        const auto bands = Downsample::bands(in, 100);
        const auto [bandLo, bandHi] = std::minmax_element(bands->begin(), bands->end(), [](const auto &a, const auto &b) { return a.min < b.min; });
        Q_UNUSED(bandHi);
        QCOMPARE(bandLo->min, lo->y);
        QCOMPARE(std::max_element(bands->begin(), bands->end(), [](const auto &a, const auto &b) { return a.max < b.max; })->max, hi->y);
    }
}

void TestDownsample::lttbKeepsASpike()
{
    QList<SeriesPoint> in;
    for (qint64 i = 0; i < 10'000; ++i)
        in.append(SeriesPoint{i, i == 6'543 ? 1'000'000 : (i == 2'000 ? -1'000'000 : 0)});
    const auto out = Downsample::lttb(in, 50);
    QVERIFY(out->contains(SeriesPoint{6'543, 1'000'000}));
    QVERIFY(out->contains(SeriesPoint{2'000, -1'000'000}));
}

void TestDownsample::lttbPicksTheLargestTriangle()
{
    // 5 points to 3: one bucket (points 1..3); the triangle with (0,0) and the last point (4,0)
    // is largest for the point furthest from the line y = 0.
    const QList<SeriesPoint> in{{0, 0}, {1, 3}, {2, -7}, {3, 5}, {4, 0}};
    QCOMPARE(*Downsample::lttb(in, 3), (QList<SeriesPoint>{{0, 0}, {2, -7}, {4, 0}}));
}

void TestDownsample::bandsCoverEveryPoint()
{
    const auto in = series(1'003);
    const auto bands = Downsample::bands(in, 10);
    QCOMPARE(bands->size(), 10);
    QCOMPARE(bands->first().xFirst, in.first().x);
    QCOMPARE(bands->last().xLast, in.last().x);
    for (qsizetype b = 1; b < bands->size(); ++b)
        QVERIFY(bands->at(b).xFirst > bands->at(b - 1).xLast);
    qsizetype i = 0;
    for (const auto &bucket : *bands) {
        qint64 lo = in[i].y, hi = in[i].y;
        for (; i < in.size() && in[i].x <= bucket.xLast; ++i) {
            lo = std::min(lo, in[i].y);
            hi = std::max(hi, in[i].y);
        }
        QCOMPARE(bucket.min, lo);
        QCOMPARE(bucket.max, hi);
    }
    QCOMPARE(i, in.size());
}

void TestDownsample::exactWidePointsAreKeptUnchanged()
{
    // Prices in base units beyond 2^53: doubles would round them; the kept points must not.
    QList<AmountPoint> in;
    const Int128 base = static_cast<Int128>(3'620'000'000'000'000'001LL) * 1'000;
    for (qint64 i = 0; i < 1'000; ++i)
        in.append(AmountPoint{i, base + i % 7});
    for (const auto &out : {Downsample::lttb(in, 20), Downsample::minMax(in, 20)}) {
        QVERIFY(out.ok());
        QVERIFY(out->size() <= 20);
        QVERIFY(isOrderedSubset(*out, in));
    }
    const auto bands = Downsample::bands(in, 10);
    QCOMPARE(bands->first().min, base);
    QCOMPARE(bands->first().max, base + 6);
}

void TestDownsample::refusesUnsortedX()
{
    const QList<SeriesPoint> in{{0, 1}, {2, 1}, {1, 1}, {3, 1}};
    for (const auto &r : {Downsample::lttb(in, 3), Downsample::minMax(in, 3)}) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("downsample.unsorted_x"));
        QCOMPARE(r.error().details.value(QStringLiteral("index")).toLongLong(), 2);
    }
    QCOMPARE(Downsample::bands(in, 2).error().code, QStringLiteral("downsample.unsorted_x"));
    // Equal x (several values at one epoch) is allowed.
    QVERIFY(Downsample::lttb(QList<SeriesPoint>{{0, 1}, {0, 2}, {1, 1}}, 2).ok());
}

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
