#include "FirstRunWizardWelcomePage.h"

#include "FirstRunWizard.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

namespace icn::ui {

FirstRunWizardWelcomePage::FirstRunWizardWelcomePage(const QString &dataDir, QWidget *parent)
    : QWizardPage(parent), m_dataDir(dataDir)
{
    setTitle(tr("Welcome to ICN Desk"));
    setSubTitle(tr("Book storage capacity on the Impossible Cloud Network, price your hardware and watch "
                   "the market, all against a local mirror of the protocol."));
    auto *intro = new QLabel(tr("ICN Desk keeps the network mirror and your encrypted wallet in this folder:"), this);
    intro->setWordWrap(true);
    auto *path = new QLabel(QDir::toNativeSeparators(dataDir), this);
    path->setObjectName(QStringLiteral("dataDir"));
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);
    QFont bold = path->font();
    bold.setBold(true);
    path->setFont(bold);
    auto *note = new QLabel(tr("Start ICN Desk with --data-dir to use another folder."), this);
    note->setEnabled(false);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(path);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

bool FirstRunWizardWelcomePage::validatePage()
{
    if (!QDir().mkpath(m_dataDir) || !QFileInfo(m_dataDir).isWritable()) {
        m_error->setText(tr("Cannot create or write to the folder “%1”. Check its permissions, or start ICN Desk "
                            "with --data-dir pointing elsewhere.")
                             .arg(QDir::toNativeSeparators(m_dataDir)));
        m_error->show();
        return false;
    }
    m_error->hide();
    return true;
}

int FirstRunWizardWelcomePage::nextId() const
{
    return FirstRunWizard::Page_Network;
}

QString FirstRunWizardWelcomePage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
