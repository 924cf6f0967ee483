#include "BookingReviewPage.h"

#include "BookingWizard.h"
#include "dialogs/ErrorPresenter.h"

#include <QLabel>
#include <QVBoxLayout>

namespace icn::ui {

BookingReviewPage::BookingReviewPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Review"));
    setSubTitle(tr("This is exactly what you sign. The engine recomputes the price when it receives it."));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("reviewProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b45309; }"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addStretch();
    setCommitPage(false);
    setButtonText(QWizard::NextButton, tr("&Sign…"));
}

void BookingReviewPage::initializePage()
{
    m_problem->clear();
    render();
}

void BookingReviewPage::render()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    const std::optional<BookingDraft> d = w ? w->draft() : std::nullopt;
    m_shown = d;
    if (!d) {
        m_summary->setText(tr("There is no valid quote to sign."));
        return;
    }
    const QLocale loc = locale();
    const QuoteResult &q = w->quote()->value();
    const Amount balance = w->service() ? w->service()->balance(d->sp) : Amount();
    const auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td style='padding:3px 18px 3px 0'>%1</td><td style='padding:3px 0'>%2</td></tr>")
            .arg(k.toHtmlEscaped(), v);
    };
    QStringList slices;
    for (const QuoteSlice &s : q.slices)
        slices << tr("%1: %2 TB × %3").arg(s.nodeId, loc.toString(s.sizeTb), s.price.toDisplayString(loc)).toHtmlEscaped();
    QString html = QStringLiteral("<table>");
    html += row(tr("Account"), d->sp.toChecksummed());
    html += row(tr("Scope"), d->scopeId.toHtmlEscaped());
    html += row(tr("Served by"), tr("cluster %1").arg(q.clusterId).toHtmlEscaped());
    html += row(tr("Size"), tr("%1 TB").arg(loc.toString(d->sizeTb)));
    html += row(tr("Months"), tr("%1 to %2 (%3 months)").arg(d->range.first.toString(), d->range.last().toString()).arg(d->range.months));
    html += row(tr("Nodes"), slices.join(QStringLiteral("<br>")));
    html += row(tr("To hardware providers"), q.hpCost.toDisplayString(loc));
    html += row(tr("Protocol margin"), q.margin.toDisplayString(loc));
    html += row(tr("Total you sign"), QStringLiteral("<b>%1</b>").arg(d->quotedTotal.toDisplayString(loc)));
    const Result<Amount> after = balance.sub(d->quotedTotal);
    html += row(tr("Balance after"), after ? after->toDisplayString(loc) : QString());
    // Signed too: the nonce (this account's next transaction number; replays are refused) and
    // the deadline (the engine refuses the booking after that month).
    html += row(tr("Nonce"), d->nonce ? QString::number(*d->nonce) : tr("set when signing").toHtmlEscaped());
    html += row(tr("Valid until"), d->deadline ? tr("the end of %1 (refused after that month)").arg(d->deadline->toString()).toHtmlEscaped()
                                               : tr("set when signing").toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_summary->setText(html);
}

bool BookingReviewPage::validatePage()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    const std::optional<BookingDraft> before = w ? w->draft() : std::nullopt;
    if (!before)
        return false;
    // Engine checks before asking for the password: the price now, and the balance.
    w->refreshQuote();
    const std::optional<BookingDraft> now = w->draft();
    if (!now) {
        m_problem->setText(ErrorPresenter::describe(w->quote()->error(), locale()).text);
        render();
        return false;
    }
    if (m_shown && (now->nonce != m_shown->nonce || now->deadline != m_shown->deadline)) {
        m_problem->setText(tr("Since this summary was shown, the account signed another transaction or the month "
                              "closed, so the nonce or deadline above changed. Check the summary and sign again."));
        render();
        return false;
    }
    if (now->quotedTotal != before->quotedTotal) {
        m_problem->setText(tr("The price moved from %1 to %2 while you were reviewing. The summary above now shows the "
                              "new total; sign again if you agree.")
                               .arg(before->quotedTotal.toDisplayString(locale()), now->quotedTotal.toDisplayString(locale())));
        render();
        return false;
    }
    const Amount balance = w->service()->balance(now->sp);
    if (balance < now->quotedTotal) {
        const Error e = Error::make(QStringLiteral("booking.insufficient_balance"), QString(), QStringLiteral("balance"),
                                    {{QStringLiteral("balance"), balance.toStorage()},
                                     {QStringLiteral("required"), now->quotedTotal.toStorage()}});
        const UserMessage m = ErrorPresenter::describe(e, locale());
        m_problem->setText(m.text + QLatin1Char(' ') + m.action);
        return false;
    }
    w->setReviewedDraft(*now);
    return true;
}

int BookingReviewPage::nextId() const
{
    return BookingWizard::PasswordPageId;
}

} // namespace icn::ui
