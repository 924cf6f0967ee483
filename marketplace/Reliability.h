#pragma once

#include "ProtocolParams.h"
#include "Result.h"
#include "SlaEpoch.h"

#include <vector>

namespace icn {

// An HN's reliability score (PROTOCOL.md §7): (compliant + 9) / (observed + 10) over its last
// 90 epochs, as exact ppm truncated toward zero; with nothing observed it is 9/10 = 900,000 ppm.
// The priors (9, 10) and the window come from ProtocolParams.
//
// Mirror rules: the window is the last `window` epochs by epoch number, ending at the epoch the
// score is read at (scorePpmAt) or at the last recorded epoch (scorePpm). Unobserved epochs and
// epochs never recorded take a window slot but count as neither observed nor compliant.
//
// A ring buffer of one outcome per epoch slot (epoch mod window) with running counts: recording
// the next epoch is O(1); a gap of g epochs costs O(min(g, window)).
class Reliability
{
public:
    explicit Reliability(qint32 windowEpochs = ProtocolParams().reliabilityWindowEpochs);

    static qint64 scorePpm(qint64 compliant, qint64 observed, const ProtocolParams &params);

    // Epochs must be strictly increasing ("reliability.epoch_out_of_order"); on error nothing changes.
    Result<void> record(qint64 epoch, EpochOutcome outcome);

    qint32 window() const { return m_window; }
    qint64 lastEpoch() const { return m_last; }
    qint32 observed() const { return m_observed; } // over the window ending at lastEpoch()
    qint32 compliant() const { return m_compliant; }
    qint64 scorePpm(const ProtocolParams &params) const { return scorePpm(m_compliant, m_observed, params); }
    // The score over the window ending at `currentEpoch` (≥ lastEpoch(); earlier reads as lastEpoch()).
    qint64 scorePpmAt(qint64 currentEpoch, const ProtocolParams &params) const;

private:
    EpochOutcome slotOf(qint64 epoch) const { return static_cast<EpochOutcome>(m_ring[static_cast<size_t>(epoch % m_window)]); }

    std::vector<quint8> m_ring; // allocated on the first record
    qint32 m_window = 90;
    qint64 m_last = -1;
    qint32 m_observed = 0;
    qint32 m_compliant = 0;
};

} // namespace icn
