#include "BookingPasswordPage.h"

#include "BookingWizard.h"
#include "dialogs/ErrorPresenter.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace icn::ui {

BookingPasswordPage::BookingPasswordPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Sign"));
    setSubTitle(tr("Your password decrypts the account's key for this one signature; the key is wiped afterwards."));
    m_account = new QLabel(this);
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("passwordError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b91c1c; }"));
    auto *form = new QFormLayout;
    form->addRow(tr("Account:"), m_account);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addStretch();
    registerField(QStringLiteral("password*"), m_password);
    // After signing there is no way back: the result page offers re-quoting instead.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Sign and &book"));
}

void BookingPasswordPage::initializePage()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    m_proceed = false;
    m_error->clear();
    m_password->clear();
    if (w)
        m_account->setText(w->account().toChecksummed());
    connect(w, &BookingWizard::submissionFinished, this, &BookingPasswordPage::onFinished, Qt::UniqueConnection);
    m_password->setFocus();
}

bool BookingPasswordPage::validatePage()
{
    if (m_proceed)
        return true;
    auto *w = qobject_cast<BookingWizard *>(wizard());
    if (!w || w->isSubmitting())
        return false;
    m_error->clear();
    QByteArray utf8 = m_password->text().toUtf8();
    SecureBytes password = SecureBytes::takeFrom(utf8);
    m_password->clear(); // the QString copy cannot be wiped; keep it short-lived
    setBusy(true);
    w->submit(std::move(password));
    return false; // onFinished() moves on
}

void BookingPasswordPage::onFinished()
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    setBusy(false);
    if (!w || !w->outcome() || w->currentPage() != this)
        return;
    const BookingOutcome &o = *w->outcome();
    if (o.unlockFailed && o.error) {
        const UserMessage m = ErrorPresenter::describe(*o.error, locale());
        m_error->setText(m.text + QLatin1Char(' ') + m.action);
        m_password->setFocus();
        return;
    }
    m_proceed = true;
    w->next();
}

void BookingPasswordPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_password->setEnabled(!busy);
    if (busy)
        m_error->setText(tr("Unlocking the key and signing…"));
    else if (m_error->text() == tr("Unlocking the key and signing…"))
        m_error->clear();
    emit completeChanged();
}

bool BookingPasswordPage::isComplete() const
{
    auto *w = qobject_cast<BookingWizard *>(wizard());
    return QWizardPage::isComplete() && !(w && w->isSubmitting());
}

int BookingPasswordPage::nextId() const
{
    return BookingWizard::ResultPageId;
}

} // namespace icn::ui
