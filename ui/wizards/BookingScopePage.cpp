#include "BookingScopePage.h"

#include "BookingWizard.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

namespace icn::ui {

BookingScopePage::BookingScopePage(const QString &scopeId, QWidget *parent)
    : QWizardPage(parent), m_initialScope(scopeId)
{
    setTitle(tr("Where"));
    setSubTitle(tr("Choose a cluster, or a zone or region and let the protocol pick the cheapest cluster in it."));
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("scopeCombo"));
    m_combo->setAccessibleName(tr("Scope"));
    auto *label = new QLabel(tr("&Scope:"), this);
    label->setBuddy(m_combo);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_nodeNote = new QLabel(this);
    m_nodeNote->setObjectName(QStringLiteral("nodeNote"));
    m_nodeNote->setWordWrap(true);
    m_nodeNote->setStyleSheet(QStringLiteral("QLabel { background: rgba(245, 158, 11, 40); border-radius: 6px; padding: 8px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_hint);
    layout->addWidget(m_nodeNote);
    layout->addStretch();
    registerField(QStringLiteral("scopeId"), m_combo, "currentData", SIGNAL(currentIndexChanged(int)));
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = static_cast<ScopeKind>(m_combo->currentData(Qt::UserRole + 1).toInt());
        m_hint->setText(kind == ScopeKind::Cluster ? tr("The booking is served by nodes of this cluster.")
                        : kind == ScopeKind::Zone  ? tr("The protocol books the cluster of this zone with the lowest total.")
                                                   : tr("The protocol books the cheapest cluster of the cheapest zone in this region."));
    });
}

void BookingScopePage::initializePage()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    m_combo->clear();
    if (w && w->service()) {
        for (const ScopeNode &n : w->service()->scopeTree(w->initialRange())) {
            if (n.kind == ScopeKind::Node)
                continue;
            const int depth = n.kind == ScopeKind::Region ? 0 : n.kind == ScopeKind::Zone ? 1 : 2;
            const QString text = QString(depth * 4, QLatin1Char(' '))
                + (n.kind == ScopeKind::Cluster ? n.name : QStringLiteral("%1 (%2)").arg(n.name, n.id));
            m_combo->addItem(text, n.id);
            m_combo->setItemData(m_combo->count() - 1, int(n.kind), Qt::UserRole + 1);
        }
    }
    const int i = m_combo->findData(m_initialScope);
    m_combo->setCurrentIndex(i >= 0 ? i : 0);
    const QString node = w ? w->pickedNodeId() : QString();
    m_nodeNote->setVisible(!node.isEmpty());
    m_nodeNote->setText(tr("You selected node %1. Service providers cannot pick a node: the protocol assigns the "
                           "nodes of a cluster by price, commitment and reliability. This booking goes to cluster %2.")
                            .arg(node, m_initialScope));
}

int BookingScopePage::nextId() const
{
    return BookingWizard::RequestPageId;
}

} // namespace icn::ui
