#include "AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace icn::ui {

namespace {

struct KeyInfo
{
    AppSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

// The defaults table: every key, its storage name and its default, in one place.
const QList<KeyInfo> &keyTable()
{
    static const QList<KeyInfo> table = {
        {AppSettings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {AppSettings::Key::WindowState, "window/state", QByteArray()},
        {AppSettings::Key::LastPage, "window/lastPage", QStringLiteral("marketplace")},
        {AppSettings::Key::Theme, "appearance/theme", static_cast<int>(Theme::System)},
        {AppSettings::Key::TileColouring, "marketplace/tileColouring", 0},
        {AppSettings::Key::MarketplaceSplitter, "marketplace/splitter", QByteArray()},
        {AppSettings::Key::ActiveAccount, "account/active", QString()},
        {AppSettings::Key::AutoLockMinutes, "wallet/autoLockMinutes", 10},
    };
    return table;
}

const KeyInfo &info(AppSettings::Key key)
{
    for (const KeyInfo &k : keyTable())
        if (k.key == key)
            return k;
    Q_ASSERT_X(false, "AppSettings", "key missing from the defaults table");
    return keyTable().front();
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(const QString &iniPath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::storageKey(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QVariant AppSettings::value(Key key) const
{
    const QVariant v = m_settings->value(storageKey(key), defaultValue(key));
    // Type the raw value like the default so callers never see INI strings.
    QVariant typed = v;
    if (defaultValue(key).isValid() && typed.convert(defaultValue(key).metaType()))
        return typed;
    return defaultValue(key);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    if (m_settings->contains(storageKey(key)) && this->value(key) == value)
        return;
    m_settings->setValue(storageKey(key), value);
    emit changed(key);
}

void AppSettings::reset(Key key)
{
    m_settings->remove(storageKey(key));
    emit changed(key);
}

Theme AppSettings::theme() const
{
    const int v = value(Key::Theme).toInt();
    return v >= 0 && v <= static_cast<int>(Theme::Dark) ? static_cast<Theme>(v) : Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    setValue(Key::Theme, static_cast<int>(theme));
}

int AppSettings::autoLockMinutes() const
{
    return std::clamp(value(Key::AutoLockMinutes).toInt(), 0, kMaxAutoLockMinutes);
}

void AppSettings::setAutoLockMinutes(int minutes)
{
    setValue(Key::AutoLockMinutes, std::clamp(minutes, 0, kMaxAutoLockMinutes));
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace icn::ui
