#pragma once

#include "Amount.h"
#include "Month.h"
#include "Result.h"

#include <QString>

namespace icn::engine_errors {

// Stable error codes of the engine. Details carry the numbers as strings (amounts in base units
// via Amount::toStorage(), TB and months as integers) so the UI and CLI can show them.
inline const QString kBadSignature = QStringLiteral("booking.bad_signature");
inline const QString kBadNonce = QStringLiteral("booking.bad_nonce");
inline const QString kDeadlinePassed = QStringLiteral("booking.deadline_passed");
inline const QString kUnknownScope = QStringLiteral("booking.unknown_scope");
inline const QString kBadSize = QStringLiteral("booking.bad_size");
inline const QString kDurationTooShort = QStringLiteral("booking.duration_too_short");
inline const QString kDurationTooLong = QStringLiteral("booking.duration_too_long");
inline const QString kStartTooEarly = QStringLiteral("booking.start_too_early");
inline const QString kLeadTooLong = QStringLiteral("booking.lead_too_long");
inline const QString kInsufficientCapacity = QStringLiteral("booking.insufficient_capacity");
inline const QString kPriceChanged = QStringLiteral("booking.price_changed");
inline const QString kInsufficientBalance = QStringLiteral("booking.insufficient_balance");
inline const QString kBookingOverflow = QStringLiteral("booking.overflow");

// Builders; `prefix` is the transaction kind ("booking", "transfer").
Error badSignature(const QString &prefix, const QString &why);
Error badNonce(const QString &prefix, quint64 expected, quint64 got);
Error deadlinePassed(Month deadline, Month current);
Error unknownScope(const QString &scope);
Error scopeIsNode(const QString &nodeId); // "booking.scope_is_hn": an SP never picks an HN (§4)
Error badSize(qint64 sizeTb);
Error durationTooShort(qint32 months, qint32 minimum);
Error durationTooLong(qint32 months, qint32 maximum);
Error startTooEarly(Month start, Month earliest);
Error leadTooLong(Month start, qint32 lead, qint32 maximum);
Error insufficientCapacity(qint64 requestedTb, qint64 availableTb);
Error priceChanged(Amount quoted, Amount actual);
Error insufficientBalance(const QString &prefix, Amount balance, Amount cost);
Error overflow(const QString &prefix, const QString &field);

} // namespace icn::engine_errors
