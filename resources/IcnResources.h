#pragma once

#include <QString>

namespace icn {

// Where the embedded translations live (":/i18n/icn-desk_<lang>.qm").
QString translationsResourcePath();

} // namespace icn
