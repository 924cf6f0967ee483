#include "BookingDetailsDialog.h"

#include "models/BookingTableModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace icn::ui {

namespace {

QLabel *valueLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BookingDetailsDialog::BookingDetailsDialog(const BookingRow &booking, QWidget *parent)
    : QDialog(parent)
    , m_booking(booking)
{
    setWindowTitle(tr("Booking %1").arg(booking.id));
    const QLocale locale;

    auto *form = new QFormLayout;
    form->addRow(tr("Booking:"), valueLabel(booking.id, QStringLiteral("idValue")));
    form->addRow(tr("Status:"), valueLabel(BookingTableModel::statusText(booking.status), QStringLiteral("statusValue")));
    form->addRow(tr("Account:"), valueLabel(booking.sp.isNull() ? QString() : booking.sp.toChecksummed(),
                                            QStringLiteral("accountValue")));
    form->addRow(tr("Scope:"), valueLabel(booking.scopeId, QStringLiteral("scopeValue")));
    form->addRow(tr("Served by cluster:"), valueLabel(booking.clusterId, QStringLiteral("clusterValue")));
    form->addRow(tr("Size:"), valueLabel(tr("%1 TB").arg(locale.toString(booking.sizeTb)), QStringLiteral("sizeValue")));
    form->addRow(tr("Months:"), valueLabel(BookingTableModel::monthsText(booking.range), QStringLiteral("monthsValue")));
    form->addRow(tr("Total:"), valueLabel(booking.total.toDisplayString(locale), QStringLiteral("totalValue")));
    form->addRow(tr("Escrow left:"), valueLabel(booking.escrowLeft.toDisplayString(locale), QStringLiteral("escrowValue")));
    form->addRow(tr("Withheld (claimable):"), valueLabel(booking.withheld.toDisplayString(locale), QStringLiteral("withheldValue")));

    auto *nodes = new QListWidget;
    nodes->setObjectName(QStringLiteral("nodesList"));
    nodes->addItems(booking.nodeIds);
    nodes->setMaximumHeight(nodes->sizeHintForRow(0) * std::min<int>(6, std::max<int>(2, int(booking.nodeIds.size()))) + 8);
    form->addRow(tr("Serving HNs (%1):").arg(booking.nodeIds.size()), nodes);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace icn::ui
