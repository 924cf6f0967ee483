#include "Downsample.h"

#include <QCoreApplication>

#include <cmath>

namespace icn {

namespace {

template <typename Y>
Result<void> checkSorted(const QList<XYPoint<Y>> &points)
{
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (points[i].x < points[i - 1].x)
            return Error::make(QStringLiteral("downsample.unsorted_x"),
                               QCoreApplication::translate("Downsample", "Point %1 goes back in x.").arg(i), QStringLiteral("x"),
                               {{QStringLiteral("index"), i}});
    }
    return {};
}

// Bucket boundaries over `count` items starting at `offset`: [offset + i·count/B, offset + (i+1)·count/B).
qsizetype bucketStart(qsizetype offset, qsizetype count, qsizetype buckets, qsizetype i)
{
    return offset + static_cast<qsizetype>(static_cast<qint64>(i) * count / buckets);
}

template <typename Y>
Result<QList<XYPoint<Y>>> lttbImpl(const QList<XYPoint<Y>> &points, qsizetype maxPoints)
{
    if (auto ok = checkSorted(points); !ok)
        return ok.error();
    const qsizetype n = points.size();
    if (maxPoints <= 0)
        return QList<XYPoint<Y>>();
    if (n <= maxPoints)
        return points;
    QList<XYPoint<Y>> out;
    out.reserve(maxPoints);
    out.append(points.first());
    if (maxPoints == 1)
        return out;
    const qsizetype buckets = maxPoints - 2;
    const qsizetype inner = n - 2;
    qsizetype a = 0; // index of the previously kept point
    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype from = bucketStart(1, inner, buckets, b);
        const qsizetype to = bucketStart(1, inner, buckets, b + 1);
        // The next bucket's average (the last point after the last bucket).
        double cx = 0, cy = 0;
        if (b + 1 < buckets) {
            const qsizetype nFrom = to;
            const qsizetype nTo = bucketStart(1, inner, buckets, b + 2);
            for (qsizetype j = nFrom; j < nTo; ++j) {
                cx += static_cast<double>(points[j].x);
                cy += static_cast<double>(points[j].y);
            }
            const double count = static_cast<double>(nTo - nFrom);
            cx /= count;
            cy /= count;
        } else {
            cx = static_cast<double>(points.last().x);
            cy = static_cast<double>(points.last().y);
        }
        const double ax = static_cast<double>(points[a].x);
        const double ay = static_cast<double>(points[a].y);
        double bestArea = -1;
        qsizetype best = from;
        for (qsizetype j = from; j < to; ++j) {
            const double bx = static_cast<double>(points[j].x);
            const double by = static_cast<double>(points[j].y);
            const double area = std::abs((ax - cx) * (by - ay) - (ax - bx) * (cy - ay));
            if (area > bestArea) {
                bestArea = area;
                best = j;
            }
        }
        out.append(points[best]);
        a = best;
    }
    out.append(points.last());
    return out;
}

template <typename Y>
Result<QList<XYPoint<Y>>> minMaxImpl(const QList<XYPoint<Y>> &points, qsizetype maxPoints)
{
    if (auto ok = checkSorted(points); !ok)
        return ok.error();
    const qsizetype n = points.size();
    if (maxPoints <= 0)
        return QList<XYPoint<Y>>();
    if (n <= maxPoints)
        return points;
    QList<XYPoint<Y>> out;
    out.reserve(maxPoints);
    out.append(points.first());
    if (maxPoints == 1)
        return out;
    const qsizetype buckets = (maxPoints - 2) / 2;
    const qsizetype inner = n - 2;
    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype from = bucketStart(1, inner, buckets, b);
        const qsizetype to = bucketStart(1, inner, buckets, b + 1);
        if (from >= to)
            continue;
        qsizetype lo = from, hi = from;
        for (qsizetype j = from + 1; j < to; ++j) {
            if (points[j].y < points[lo].y)
                lo = j;
            if (points[j].y > points[hi].y)
                hi = j;
        }
        out.append(points[std::min(lo, hi)]);
        if (lo != hi)
            out.append(points[std::max(lo, hi)]);
    }
    out.append(points.last());
    return out;
}

template <typename Y>
Result<QList<BandBucket<Y>>> bandsImpl(const QList<XYPoint<Y>> &points, qsizetype maxBuckets)
{
    if (auto ok = checkSorted(points); !ok)
        return ok.error();
    const qsizetype n = points.size();
    QList<BandBucket<Y>> out;
    if (maxBuckets <= 0 || n == 0)
        return out;
    const qsizetype buckets = std::min(n, maxBuckets);
    out.reserve(buckets);
    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype from = bucketStart(0, n, buckets, b);
        const qsizetype to = bucketStart(0, n, buckets, b + 1);
        BandBucket<Y> bucket{points[from].x, points[to - 1].x, points[from].y, points[from].y};
        for (qsizetype j = from + 1; j < to; ++j) {
            bucket.min = std::min(bucket.min, points[j].y);
            bucket.max = std::max(bucket.max, points[j].y);
        }
        out.append(bucket);
    }
    return out;
}

} // namespace

Result<QList<SeriesPoint>> Downsample::lttb(const QList<SeriesPoint> &points, qsizetype maxPoints)
{
    return lttbImpl(points, maxPoints);
}

Result<QList<AmountPoint>> Downsample::lttb(const QList<AmountPoint> &points, qsizetype maxPoints)
{
    return lttbImpl(points, maxPoints);
}

Result<QList<SeriesPoint>> Downsample::minMax(const QList<SeriesPoint> &points, qsizetype maxPoints)
{
    return minMaxImpl(points, maxPoints);
}

Result<QList<AmountPoint>> Downsample::minMax(const QList<AmountPoint> &points, qsizetype maxPoints)
{
    return minMaxImpl(points, maxPoints);
}

Result<QList<BandBucket<qint64>>> Downsample::bands(const QList<SeriesPoint> &points, qsizetype maxBuckets)
{
    return bandsImpl(points, maxBuckets);
}

Result<QList<BandBucket<Int128>>> Downsample::bands(const QList<AmountPoint> &points, qsizetype maxBuckets)
{
    return bandsImpl(points, maxBuckets);
}

} // namespace icn
