#include "BookingResultPage.h"

#include "BookingWizard.h"
#include "dialogs/ErrorPresenter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace icn::ui {

BookingResultPage::BookingResultPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Result"));
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("resultHeadline"));
    QFont f = m_headline->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_headline->setFont(f);
    m_headline->setWordWrap(true);
    m_body = new QLabel(this);
    m_body->setObjectName(QStringLiteral("resultBody"));
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requote = new QPushButton(tr("&Re-quote"), this);
    m_requote->setObjectName(QStringLiteral("requoteButton"));
    m_change = new QPushButton(tr("&Change the request"), this);
    m_change->setObjectName(QStringLiteral("changeButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_requote);
    buttons->addWidget(m_change);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    setFinalPage(true);
    for (QPushButton *b : {m_requote, m_change})
        connect(b, &QPushButton::clicked, this, [this] {
            if (auto *w = qobject_cast<BookingWizard *>(wizard()))
                w->requote();
        });
}

void BookingResultPage::initializePage()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    m_requote->hide();
    m_change->hide();
    if (!w || !w->outcome())
        return;
    const BookingOutcome &o = *w->outcome();
    const QLocale loc = locale();
    if (o.row) {
        const BookingRow &b = *o.row;
        m_headline->setText(tr("Booked: %1").arg(b.id));
        m_body->setText(tr("%1 TB in cluster %2 from %3 to %4 (%5). %6 left your balance; the hardware providers are "
                           "paid from escrow month by month. See it on the Bookings page.")
                            .arg(loc.toString(b.sizeTb), b.clusterId, b.range.first.toString(), b.range.last().toString(),
                                 b.nodeIds.join(QStringLiteral(", ")), b.total.toDisplayString(loc)));
        return;
    }
    const UserMessage m = ErrorPresenter::describe(o.error.value_or(Error{}), loc);
    m_headline->setText(tr("Not booked: %1").arg(m.title));
    m_body->setText(m.text + QStringLiteral("\n\n") + m.action + QStringLiteral("\n\n") + tr("Nothing was booked or paid."));
    const bool moved = o.error && o.error->code == QLatin1String("booking.price_changed");
    m_requote->setVisible(moved);
    m_change->setVisible(!moved);
}

} // namespace icn::ui
