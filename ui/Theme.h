#pragma once

#include "AppSettings.h"

namespace icn::ui {

// Applies a light, dark or the system palette to the whole application (Fusion style for
// light/dark so the palette is honoured everywhere).
void applyTheme(Theme theme);

} // namespace icn::ui
