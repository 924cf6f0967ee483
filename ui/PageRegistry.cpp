#include "PageRegistry.h"

namespace icn::ui {

void PageRegistry::add(PageInfo page)
{
    Q_ASSERT_X(indexOf(page.id) < 0, "PageRegistry::add", "duplicate page id");
    m_pages.append(std::move(page));
}

void PageRegistry::replace(PageInfo page)
{
    const int i = indexOf(page.id);
    if (i < 0)
        m_pages.append(std::move(page));
    else
        m_pages[i] = std::move(page);
}

int PageRegistry::indexOf(const QString &id) const
{
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages[i].id == id)
            return i;
    return -1;
}

} // namespace icn::ui
