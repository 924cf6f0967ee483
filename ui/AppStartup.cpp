#include "AppStartup.h"

#include "IcnResources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace icn::ui {

void prepareApplication(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("ICN Desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("ICN Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("icn-desk"), QStringLiteral("_"), translationsResourcePath()))
        QCoreApplication::installTranslator(own);
}

} // namespace icn::ui
