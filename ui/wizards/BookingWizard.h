#pragma once

#include "Address.h"
#include "SecureBytes.h"
#include "service/MarketService.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWizard>

#include <optional>

namespace icn::ui {

class KeyProvider;

// What the worker brings back from unlocking the key and submitting the booking.
struct BookingOutcome
{
    std::optional<BookingRow> row;
    std::optional<Error> error;
    bool unlockFailed = false; // the error came from the key provider, not the engine
};

// Books capacity: scope → size, dates and a live quote → (why not matched) → review → password →
// result (STYLE.md §5). The password → key → sign → submit step runs on a worker owned here;
// pages never start threads. Emits booked() once, with the request and the engine's booking.
class BookingWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ScopePageId, RequestPageId, ExplainPageId, ReviewPageId, PasswordPageId, ResultPageId };
    Q_ENUM(PageId)

    // `scopeId` prefills the scope; `pickedNodeId` is the HN the user had selected (booked via its cluster).
    BookingWizard(MarketService *service, KeyProvider *keys, const Address &sp, const QString &scopeId,
                  const QString &pickedNodeId, MonthRange range, QWidget *parent = nullptr);
    ~BookingWizard() override;

    MarketService *service() const { return m_service; }
    Address account() const { return m_sp; }
    QString pickedNodeId() const { return m_pickedNodeId; }
    MonthRange initialRange() const { return m_initialRange; }

    // The request as the fields describe it now.
    QString scopeId() const;
    Result<qint64> sizeTb() const; // parsed from the size field and its unit, exactly
    MonthRange requestedRange() const;

    // The live quote for the current fields (recomputed by refreshQuote()).
    const std::optional<Result<QuoteResult>> &quote() const { return m_quote; }
    void refreshQuote();
    // The draft as it would be signed now, with the service's nonce and deadline.
    std::optional<BookingDraft> draft() const;
    // The draft the review page showed and accepted: the password step signs exactly this.
    void setReviewedDraft(const BookingDraft &draft) { m_reviewed = draft; }
    const std::optional<BookingDraft> &reviewedDraft() const { return m_reviewed; }

    // Unlocks the key and submits the reviewed draft (else draft()) on the worker;
    // submissionFinished() reports back.
    void submit(SecureBytes password);
    bool isSubmitting() const { return m_watcher.isRunning(); }
    const std::optional<BookingOutcome> &outcome() const { return m_outcome; }
    void clearOutcome() { m_outcome.reset(); }
    // From the result page after "the price moved": back to the request page with a fresh quote.
    void requote();

signals:
    void quoteChanged();
    void submissionFinished();
    void booked(const icn::ui::BookingDraft &draft, const icn::ui::BookingRow &row);

private:
    void onWorkerFinished();

    QPointer<MarketService> m_service;
    KeyProvider *m_keys = nullptr;
    Address m_sp;
    QString m_pickedNodeId;
    MonthRange m_initialRange;
    std::optional<Result<QuoteResult>> m_quote;
    std::optional<BookingDraft> m_reviewed;
    std::optional<BookingDraft> m_submitted;
    std::optional<BookingOutcome> m_outcome;
    QFutureWatcher<BookingOutcome> m_watcher;
};

} // namespace icn::ui
