#include "PreferencesDialog.h"

#include "AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace icn::ui {

PreferencesDialog::PreferencesDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    Q_ASSERT(settings);
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Same as the system"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(settings->theme()))));

    m_autoLock = new QSpinBox(this);
    m_autoLock->setObjectName(QStringLiteral("autoLockMinutes"));
    m_autoLock->setRange(0, AppSettings::kMaxAutoLockMinutes);
    m_autoLock->setSpecialValueText(tr("never"));
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setValue(settings->autoLockMinutes());
    auto *lockNote = new QLabel(tr("The wallet forgets its unlocked keys after this long without use."), this);
    lockNote->setWordWrap(true);
    lockNote->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("Lock the wallet &after:"), m_autoLock);
    form->addRow(QString(), lockNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void PreferencesDialog::accept()
{
    m_settings->setTheme(static_cast<Theme>(m_theme->currentData().toInt()));
    m_settings->setAutoLockMinutes(m_autoLock->value());
    m_settings->sync();
    QDialog::accept();
}

} // namespace icn::ui
