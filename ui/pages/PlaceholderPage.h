#pragma once

#include <QWidget>

namespace icn::ui {

// Stands in for a page whose class is not written yet.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &title, const QString &text, QWidget *parent = nullptr);
};

} // namespace icn::ui
