#pragma once

#include "Int128.h"
#include "Result.h"

#include <QList>

namespace icn {

// One point of a series: x an index (epoch, month), y an exact integer (ppm, ms, base units…).
template <typename Y>
struct XYPoint
{
    qint64 x = 0;
    Y y = 0;
    friend bool operator==(const XYPoint &, const XYPoint &) = default;
};
using SeriesPoint = XYPoint<qint64>;
using AmountPoint = XYPoint<Int128>; // e.g. prices in base units

// One bucket of a min/max band: the x span it covers and the extreme values inside it.
template <typename Y>
struct BandBucket
{
    qint64 xFirst = 0;
    qint64 xLast = 0;
    Y min = 0;
    Y max = 0;
    friend bool operator==(const BandBucket &, const BandBucket &) = default;
};

// Reduces long series for charts (PERFORMANCE.md: a chart wants at most ~2× its width in points).
// Every returned point is one of the input points, unchanged and in input order: doubles are
// used only to compare LTTB triangle areas, never for a returned value.
//
// Common rules: x must be non-decreasing ("downsample.unsorted_x", details: index); maxPoints ≤ 0
// gives an empty result; a series with at most maxPoints points is returned as it is; otherwise
// the first and the last point are always kept and the result never has more than maxPoints.
// Buckets split the inner points by index: bucket i of B covers [1 + i·m/B, 1 + (i+1)·m/B), m = n − 2.
class Downsample
{
public:
    // Largest-triangle-three-buckets (Steinarsson 2013): first, last, and one point per bucket of
    // the inner points (maxPoints − 2 buckets), the one forming the largest triangle with the
    // previously kept point and the next bucket's average. maxPoints 1 → first, 2 → first and last.
    static Result<QList<SeriesPoint>> lttb(const QList<SeriesPoint> &points, qsizetype maxPoints);
    static Result<QList<AmountPoint>> lttb(const QList<AmountPoint> &points, qsizetype maxPoints);

    // Min/max per bucket as a line: first, last, and per bucket of the inner points
    // ((maxPoints − 2) / 2 buckets) its lowest and highest point (the earliest on ties), in x
    // order. Every extreme of the series is kept. maxPoints < 4 → first (and last).
    static Result<QList<SeriesPoint>> minMax(const QList<SeriesPoint> &points, qsizetype maxPoints);
    static Result<QList<AmountPoint>> minMax(const QList<AmountPoint> &points, qsizetype maxPoints);

    // Min/max bands: the whole series in at most maxBuckets buckets ([i·n/B, (i+1)·n/B)); one
    // bucket per point when n ≤ maxBuckets.
    static Result<QList<BandBucket<qint64>>> bands(const QList<SeriesPoint> &points, qsizetype maxBuckets);
    static Result<QList<BandBucket<Int128>>> bands(const QList<AmountPoint> &points, qsizetype maxBuckets);
};

} // namespace icn
