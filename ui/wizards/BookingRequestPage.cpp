#include "BookingRequestPage.h"

#include "BookingWizard.h"
#include "dialogs/ErrorPresenter.h"
#include "widgets/MonthSpinBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace icn::ui {

BookingRequestPage::BookingRequestPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("How much and when"));
    setSubTitle(tr("The quote below follows your input. Prices are per TB and month; the protocol adds its margin."));

    m_size = new QLineEdit(this);
    m_size->setObjectName(QStringLiteral("sizeEdit"));
    m_size->setPlaceholderText(tr("e.g. 250"));
    m_size->setAccessibleName(tr("Size"));
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("unitCombo"));
    m_unit->addItem(tr("TB"));
    m_unit->addItem(tr("PB (1,000 TB)"));
    m_unit->setAccessibleName(tr("Unit"));
    m_start = new MonthSpinBox(this);
    m_start->setObjectName(QStringLiteral("startSpin"));
    m_start->setAccessibleName(tr("Start month"));
    m_duration = new QSpinBox(this);
    m_duration->setObjectName(QStringLiteral("durationSpin"));
    m_duration->setSuffix(tr(" months"));
    m_duration->setAccessibleName(tr("Duration"));
    m_limits = new QLabel(this);
    m_limits->setObjectName(QStringLiteral("limitsLabel"));
    m_limits->setWordWrap(true);
    m_explain = new QCheckBox(tr("Show which clusters and nodes are &not used, and why"), this);
    m_explain->setObjectName(QStringLiteral("explainCheck"));

    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_size, 1);
    sizeRow->addWidget(m_unit);
    auto *form = new QFormLayout;
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_size);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(tr("S&tart month:"), m_start);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(QString(), m_limits);

    auto *quoteBox = new QGroupBox(tr("Live quote"), this);
    auto *quoteForm = new QFormLayout(quoteBox);
    const auto value = [this](const char *name) {
        auto *l = new QLabel(this);
        l->setObjectName(QString::fromLatin1(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_cluster = value("quoteCluster");
    m_slices = value("quoteSlices");
    m_slices->setWordWrap(true);
    m_hpCost = value("quoteHpCost");
    m_margin = value("quoteMargin");
    m_total = value("quoteTotal");
    QFont bold = m_total->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_total->setFont(bold);
    quoteForm->addRow(tr("Served by:"), m_cluster);
    quoteForm->addRow(tr("Nodes:"), m_slices);
    quoteForm->addRow(tr("To hardware providers:"), m_hpCost);
    quoteForm->addRow(tr("Protocol margin:"), m_margin);
    quoteForm->addRow(tr("Total:"), m_total);
    m_problem = value("quoteProblem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b45309; }"));
    quoteForm->addRow(m_problem);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(quoteBox);
    layout->addWidget(m_explain);
    layout->addStretch();

    registerField(QStringLiteral("size*"), m_size);
    registerField(QStringLiteral("unit"), m_unit);
    registerField(QStringLiteral("start"), m_start);
    registerField(QStringLiteral("duration"), m_duration);
    registerField(QStringLiteral("explain"), m_explain);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (auto *w = qobject_cast<BookingWizard *>(wizard()))
            w->refreshQuote();
    });
    connect(m_size, &QLineEdit::textChanged, this, &BookingRequestPage::scheduleQuote);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &BookingRequestPage::scheduleQuote);
    connect(m_start, &QSpinBox::valueChanged, this, &BookingRequestPage::scheduleQuote);
    connect(m_duration, &QSpinBox::valueChanged, this, &BookingRequestPage::scheduleQuote);
    connect(m_explain, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void BookingRequestPage::initializePage()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    if (!w || !w->service())
        return;
    connect(w, &BookingWizard::quoteChanged, this, &BookingRequestPage::showQuote, Qt::UniqueConnection);
    const Month now = w->service()->currentMonth();
    const BookingLimits limits = w->service()->bookingLimits();
    // Allow choosing any month near the window so a bad choice can be explained, not silently clamped.
    m_start->setMonthRange(now, now.plus(limits.maxLeadMonths + 12));
    m_duration->setRange(1, std::max(limits.maxDurationMonths, 1) + 12);
    if (!m_prefilled || m_start->month() < now) {
        m_prefilled = true;
        const MonthRange r = w->initialRange();
        m_start->setMonth(r.first > now ? r.first : now.plus(1));
        m_duration->setValue(std::max(r.months, limits.minDurationMonths));
    }
    m_limits->setText(tr("Bookings start between %1 and %2 (it is %3 now) and last %4 to %5 months; "
                         "each node may allow less.")
                          .arg(now.plus(1).toString(), now.plus(limits.maxLeadMonths).toString(), now.toString())
                          .arg(limits.minDurationMonths)
                          .arg(limits.maxDurationMonths));
    w->refreshQuote();
    m_size->setFocus();
}

void BookingRequestPage::scheduleQuote()
{
    m_debounce->start();
}

void BookingRequestPage::showQuote()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    const QLocale loc = locale();
    const bool ok = w && w->quote() && w->quote()->ok();
    if (ok) {
        const QuoteResult &q = w->quote()->value();
        QStringList slices;
        for (const QuoteSlice &s : q.slices)
            slices << tr("%1: %2 TB × %3").arg(s.nodeId, loc.toString(s.sizeTb), s.price.toDisplayString(loc));
        m_cluster->setText(tr("%1, %2 to %3").arg(q.clusterId, q.range.first.toString(), q.range.last().toString()));
        m_slices->setText(slices.join(QLatin1Char('\n')));
        m_hpCost->setText(q.hpCost.toDisplayString(loc));
        m_margin->setText(tr("%1 (%2 %)").arg(q.margin.toDisplayString(loc), loc.toString(double(q.marginPpm) / 10'000.0, 'f', 1)));
        m_total->setText(q.total.toDisplayString(loc));
        m_problem->clear();
    } else {
        for (QLabel *l : {m_cluster, m_slices, m_hpCost, m_margin, m_total})
            l->setText(tr("—"));
        if (w && w->quote() && !field(QStringLiteral("size")).toString().trimmed().isEmpty()) {
            const UserMessage m = ErrorPresenter::describe(w->quote()->error(), loc);
            m_problem->setText(m.text + QLatin1Char(' ') + m.action);
        } else {
            m_problem->setText(tr("Enter a size to get a quote."));
        }
    }
    emit completeChanged();
}

bool BookingRequestPage::isComplete() const
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    const bool quoted = w && w->quote() && w->quote()->ok();
    // The explainer may be opened without a quote: it is most useful when nothing matches.
    return QWizardPage::isComplete() && (quoted || m_explain->isChecked());
}

int BookingRequestPage::nextId() const
{
    return m_explain->isChecked() ? BookingWizard::ExplainPageId : BookingWizard::ReviewPageId;
}

} // namespace icn::ui
