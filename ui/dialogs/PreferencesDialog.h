#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace icn::ui {

class AppSettings;

// Edit > Preferences: the theme and the wallet's idle auto-lock. OK writes them to AppSettings,
// whose changed() signal carries them to the window and the wallet; Cancel changes nothing.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(AppSettings *settings, QWidget *parent = nullptr);

    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *autoLockBox() const { return m_autoLock; }

    void accept() override;

private:
    AppSettings *m_settings;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_autoLock = nullptr;
};

} // namespace icn::ui
