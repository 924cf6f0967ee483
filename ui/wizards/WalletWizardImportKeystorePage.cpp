#include "WalletWizardImportKeystorePage.h"

#include "Keystore.h"
#include "service/SecretInput.h"
#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardImportKeystorePage::WalletWizardImportKeystorePage(WalletWizardState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Import a keystore file"));
    setSubTitle(tr("Choose a Web3 keystore (JSON) file, as exported by ICN Desk, geth or MetaMask, and "
                   "type the password it was saved with."));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("keystorePath"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &WalletWizardImportKeystorePage::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("keystorePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    connect(m_password, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    registerField(QStringLiteral("keystorePath*"), m_path);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this); // a row of two widgets has no automatic buddy
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("File &password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

void WalletWizardImportKeystorePage::browse()
{
    const QString file = m_state->seams.openFile(this, tr("Open keystore file"),
                                                 tr("Keystore files (*.json);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

void WalletWizardImportKeystorePage::cleanupPage()
{
    takeSecret(m_password);
    m_error->hide();
}

bool WalletWizardImportKeystorePage::isComplete() const
{
    return QWizardPage::isComplete() && !m_password->text().isEmpty();
}

bool WalletWizardImportKeystorePage::validatePage()
{
    auto fail = [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
        return false;
    };
    QFile file(m_path->text());
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open “%1”: %2").arg(m_path->text(), file.errorString()));
    if (file.size() > Keystore::kMaxJsonSize)
        return fail(tr("This file is too large to be a keystore."));
    const QByteArray json = file.readAll();
    auto keystore = Keystore::parse(json);
    if (!keystore)
        return fail(tr("This is not a keystore file ICN Desk can read: %1").arg(keystore.error().message));
    m_state->keystoreJson = json;
    m_state->keystorePassword = takeSecret(m_password);
    m_error->hide();
    return true;
}

int WalletWizardImportKeystorePage::nextId() const
{
    return WalletWizard::Page_Password;
}

QString WalletWizardImportKeystorePage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
