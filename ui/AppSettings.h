#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace icn::ui {

enum class Theme { System, Light, Dark };

// The one typed view of the app's settings (STYLE.md §11): enum keys, one defaults table, a
// changed signal. No other code reads QSettings with string keys.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        WindowGeometry,   // QByteArray from QWidget::saveGeometry
        WindowState,      // QByteArray from QMainWindow::saveState
        LastPage,         // page id, "marketplace"
        Theme,            // int of icn::ui::Theme
        TileColouring,    // 0 listed price, 1 utilisation
        MarketplaceSplitter,
        ActiveAccount,    // checksummed address of the account the shell acts as
        AutoLockMinutes,  // wallet idle auto-lock, 0 = never
    };
    Q_ENUM(Key)

    // The platform's settings file of the application.
    explicit AppSettings(QObject *parent = nullptr);
    // An explicit INI file (tests, --data-dir).
    explicit AppSettings(const QString &iniPath, QObject *parent = nullptr);
    ~AppSettings() override;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value); // emits changed() when the value differs
    void reset(Key key);
    static QVariant defaultValue(Key key);
    static QString storageKey(Key key);

    // Typed shortcuts.
    icn::ui::Theme theme() const;
    void setTheme(icn::ui::Theme theme);
    QString lastPage() const { return value(Key::LastPage).toString(); }
    void setLastPage(const QString &id) { setValue(Key::LastPage, id); }
    static constexpr int kMaxAutoLockMinutes = 240;
    int autoLockMinutes() const; // clamped to 0..kMaxAutoLockMinutes
    void setAutoLockMinutes(int minutes);

    void sync();

signals:
    void changed(icn::ui::AppSettings::Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace icn::ui
