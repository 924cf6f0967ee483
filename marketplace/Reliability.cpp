#include "Reliability.h"

#include "Amount.h"

#include <QCoreApplication>

#include <algorithm>

namespace icn {

Reliability::Reliability(qint32 windowEpochs)
    : m_window(std::max(windowEpochs, 1))
{
}

qint64 Reliability::scorePpm(qint64 compliant, qint64 observed, const ProtocolParams &params)
{
    const qint64 den = observed + params.reliabilityPriorObserved;
    if (den <= 0)
        return 0;
    return (compliant + params.reliabilityPriorCompliant) * Amount::kPpm / den;
}

Result<void> Reliability::record(qint64 epoch, EpochOutcome outcome)
{
    if (epoch <= m_last || epoch < 0)
        return Error::make(QStringLiteral("reliability.epoch_out_of_order"),
                           QCoreApplication::translate("Reliability", "Epoch %1 is not after the last recorded epoch %2.")
                               .arg(epoch)
                               .arg(m_last),
                           QStringLiteral("epoch"));
    if (m_ring.empty())
        m_ring.assign(static_cast<size_t>(m_window), 0);
    if (m_last < 0 || epoch - m_last >= m_window) {
        std::fill(m_ring.begin(), m_ring.end(), quint8(0));
        m_observed = 0;
        m_compliant = 0;
    } else {
        // Epochs last+1..epoch enter the window; the ones a window earlier leave their slots.
        for (qint64 j = m_last + 1; j <= epoch; ++j) {
            quint8 &slot = m_ring[static_cast<size_t>(j % m_window)];
            m_observed -= slot != 0;
            m_compliant -= slot == quint8(EpochOutcome::Compliant);
            slot = 0;
        }
    }
    m_ring[static_cast<size_t>(epoch % m_window)] = static_cast<quint8>(outcome);
    m_observed += outcome != EpochOutcome::Unobserved;
    m_compliant += outcome == EpochOutcome::Compliant;
    m_last = epoch;
    return {};
}

qint64 Reliability::scorePpmAt(qint64 currentEpoch, const ProtocolParams &params) const
{
    if (m_last < 0 || currentEpoch <= m_last)
        return scorePpm(params);
    if (currentEpoch - m_last >= m_window)
        return scorePpm(0, 0, params);
    qint32 observed = m_observed;
    qint32 compliant = m_compliant;
    for (qint64 j = m_last - m_window + 1; j <= currentEpoch - m_window; ++j) {
        if (j < 0)
            continue;
        const EpochOutcome o = slotOf(j);
        observed -= o != EpochOutcome::Unobserved;
        compliant -= o == EpochOutcome::Compliant;
    }
    return scorePpm(compliant, observed, params);
}

} // namespace icn
