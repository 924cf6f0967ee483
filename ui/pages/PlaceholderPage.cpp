#include "PlaceholderPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace icn::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &text, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    auto *body = new QLabel(text, this);
    body->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch();
}

} // namespace icn::ui
