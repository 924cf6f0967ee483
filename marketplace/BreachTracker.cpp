#include "BreachTracker.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace icn {

BreachTracker BreachTracker::restore(qint64 lastEpoch, qint32 streak)
{
    BreachTracker t;
    t.m_lastEpoch = lastEpoch < -1 ? -1 : lastEpoch;
    t.m_streak = streak < 0 ? 0 : streak;
    return t;
}

qint64 BreachTracker::slashPpmFor(qint32 k, const ProtocolParams &params)
{
    if (k <= 0)
        return 0;
    const qint64 cap = std::min<qint64>(std::max<qint64>(params.slashCapPpm, 0), Amount::kPpm);
    qint64 ppm = std::max<qint64>(params.slashBasePpm, 0);
    // Doubling stops at the cap, so large k cannot overflow.
    for (qint32 i = 1; i < k && ppm < cap; ++i)
        ppm *= 2;
    return std::min(ppm, cap);
}

qint32 BreachTracker::k(const ProtocolParams &params) const
{
    const qint32 grace = std::max(params.graceEpochs, 0);
    return m_streak > grace ? m_streak - grace : 0;
}

Result<BreachStep> BreachTracker::record(qint64 epoch, EpochOutcome outcome, Amount collateral, const ProtocolParams &params)
{
    if (epoch <= m_lastEpoch || epoch < 0)
        return Error::make(QStringLiteral("breach.epoch_out_of_order"),
                           QCoreApplication::translate("BreachTracker", "Epoch %1 is not after the last recorded epoch %2.")
                               .arg(epoch)
                               .arg(m_lastEpoch),
                           QStringLiteral("epoch"), {{QStringLiteral("epoch"), epoch}, {QStringLiteral("last"), m_lastEpoch}});
    if (collateral.isNegative())
        collateral = Amount();

    BreachStep step;
    step.epoch = epoch;
    step.outcome = outcome;
    step.collateralAfter = collateral;
    switch (outcome) {
    case EpochOutcome::Unobserved:
        break;
    case EpochOutcome::Compliant:
        step.breachEnded = m_streak > 0;
        m_streak = 0;
        break;
    case EpochOutcome::Breach:
        if (m_streak < std::numeric_limits<qint32>::max())
            ++m_streak;
        step.breachDay = true;
        step.k = k(params);
        step.slashPpm = slashPpmFor(step.k, params);
        if (step.slashPpm > 0) {
            // floor(c × ppm / 10^6) as q × ppm + floor(r × ppm / 10^6): exact, cannot overflow,
            // and never more than c because ppm ≤ 10^6.
            const Int128 c = collateral.baseUnits();
            const Int128 slashed = (c / Amount::kPpm) * step.slashPpm + (c % Amount::kPpm) * step.slashPpm / Amount::kPpm;
            step.slashed = Amount::fromBaseUnits(slashed);
            step.collateralAfter = Amount::fromBaseUnits(c - slashed);
        }
        break;
    }
    m_lastEpoch = epoch;
    step.streak = m_streak;
    step.inBreach = m_streak > 0;
    if (outcome != EpochOutcome::Breach)
        step.k = k(params);
    return step;
}

} // namespace icn
