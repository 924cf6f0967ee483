#pragma once

#include "AppServices.h"

#include <QIcon>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace icn::ui {

// One sidebar page: a stable id ("marketplace"), a translated title, an icon, and a factory the
// shell calls once, the first time the page is shown. Pages may offer these slots, which the
// shell calls through the meta-object when present:
//   void setAccount(const icn::Address &)            — the active account changed
//   void focusItem(const QString &kind, const QString &id) — quick search jumped here
struct PageInfo
{
    QString id;
    QString title;
    QIcon icon;
    std::function<QWidget *(const AppServices &, QWidget *parent)> factory;
};

// The ordered list of pages. Adding a page is one add() call in StandardPages.cpp.
class PageRegistry
{
public:
    void add(PageInfo page);
    // Replaces the page with the same id (keeps its position); adds it when missing.
    void replace(PageInfo page);
    const QList<PageInfo> &pages() const { return m_pages; }
    int indexOf(const QString &id) const;

private:
    QList<PageInfo> m_pages;
};

} // namespace icn::ui
