#include "IcnResources.h"

namespace icn {

QString translationsResourcePath()
{
    return QStringLiteral(":/i18n");
}

} // namespace icn
