#include "BookingWizard.h"

#include "BookingExplainPage.h"
#include "BookingPasswordPage.h"
#include "BookingRequestPage.h"
#include "BookingResultPage.h"
#include "BookingReviewPage.h"
#include "BookingScopePage.h"
#include "service/KeyProvider.h"

#include "Amount.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace icn::ui {

BookingWizard::BookingWizard(MarketService *service, KeyProvider *keys, const Address &sp, const QString &scopeId,
                             const QString &pickedNodeId, MonthRange range, QWidget *parent)
    : QWizard(parent), m_service(service), m_keys(keys), m_sp(sp), m_pickedNodeId(pickedNodeId), m_initialRange(range)
{
    setWindowTitle(tr("Book capacity"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(720, 560);
    setPage(ScopePageId, new BookingScopePage(scopeId, this));
    setPage(RequestPageId, new BookingRequestPage(this));
    setPage(ExplainPageId, new BookingExplainPage(this));
    setPage(ReviewPageId, new BookingReviewPage(this));
    setPage(PasswordPageId, new BookingPasswordPage(this));
    setPage(ResultPageId, new BookingResultPage(this));
    setStartId(ScopePageId);
    connect(&m_watcher, &QFutureWatcher<BookingOutcome>::finished, this, &BookingWizard::onWorkerFinished);
}

BookingWizard::~BookingWizard()
{
    // The worker holds the service pointer and the password: let it finish before we go.
    m_watcher.waitForFinished();
}

QString BookingWizard::scopeId() const
{
    return field(QStringLiteral("scopeId")).toString();
}

Result<qint64> BookingWizard::sizeTb() const
{
    const QString text = field(QStringLiteral("size")).toString();
    const bool petabytes = field(QStringLiteral("unit")).toInt() == 1;
    // Exact decimal parsing: "1.5" PB is 1,500 TB; TB are whole numbers (PROTOCOL.md §1).
    const Result<Int128> scaled = parseFixed(text, petabytes ? 3 : 0, DecimalFormat::forLocale(locale()));
    if (!scaled)
        return Error::make(QStringLiteral("booking.bad_size"),
                           petabytes ? tr("Enter the size in PB with up to three decimals, e.g. 1.5.")
                                     : tr("Enter the size as a whole number of TB, e.g. 250."),
                           QStringLiteral("size"));
    if (*scaled <= 0 || *scaled > Int128(1'000'000'000))
        return Error::make(QStringLiteral("booking.bad_size"), tr("The size must be at least 1 TB."), QStringLiteral("size"));
    return qint64(*scaled);
}

MonthRange BookingWizard::requestedRange() const
{
    return {Month::fromIndex(field(QStringLiteral("start")).toInt()), field(QStringLiteral("duration")).toInt()};
}

void BookingWizard::refreshQuote()
{
    const Result<qint64> size = sizeTb();
    if (!m_service)
        m_quote = Result<QuoteResult>(Error::make(QStringLiteral("service.gone"), tr("The engine is not available.")));
    else if (!size)
        m_quote = Result<QuoteResult>(size.error());
    else
        m_quote = m_service->quote(scopeId(), *size, requestedRange());
    emit quoteChanged();
}

std::optional<BookingDraft> BookingWizard::draft() const
{
    if (!m_quote || !m_quote->ok())
        return std::nullopt;
    const QuoteResult &q = m_quote->value();
    BookingDraft d{m_sp, scopeId(), q.sizeTb, q.range, q.total};
    if (const std::optional<SigningTerms> terms = m_service ? m_service->signingTerms(m_sp) : std::nullopt) {
        d.nonce = terms->nonce;
        d.deadline = terms->deadline;
    }
    return d;
}

void BookingWizard::submit(SecureBytes password)
{
    const std::optional<BookingDraft> d = m_reviewed ? m_reviewed : draft();
    if (!d || isSubmitting())
        return;
    m_outcome.reset();
    m_submitted = d;
    KeyProvider *keys = m_keys;
    MarketService *service = m_service;
    // scrypt takes about a second: key derivation and submission run off the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([keys, service, draft = *d, password = std::move(password)]() {
        BookingOutcome out;
        if (!keys) {
            out.error = Error::make(QStringLiteral("wallet.no_keys"),
                                    QCoreApplication::translate("icn::ui::BookingWizard", "No wallet is open to sign with."));
            out.unlockFailed = true;
            return out;
        }
        Result<SecureBytes> key = keys->unlock(draft.sp, password);
        if (!key) {
            out.error = key.error();
            out.unlockFailed = true;
            return out;
        }
        Result<BookingRow> row = service->book(draft, *key);
        if (row)
            out.row = *row;
        else
            out.error = row.error();
        return out;
    }));
}

void BookingWizard::onWorkerFinished()
{
    m_outcome = m_watcher.result();
    emit submissionFinished();
    if (m_outcome->row && m_submitted)
        emit booked(*m_submitted, *m_outcome->row);
}

void BookingWizard::requote()
{
    m_outcome.reset();
    m_reviewed.reset();
    while (currentId() != RequestPageId && currentId() != ScopePageId && currentId() != -1)
        back();
    refreshQuote();
}

} // namespace icn::ui
