#pragma once

namespace icn::ui {

class PageRegistry;

// Fills the registry with the app's pages in sidebar order (Ctrl+1 is the first).
void registerStandardPages(PageRegistry &registry);

} // namespace icn::ui
