#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace icn::ui {

// The points where a view would block on a modal system dialog. Views hold a copy and call through
// it, so tests can answer questions and pick files without a human (STYLE.md §10).
struct DialogSeams
{
    // Yes/No question; true for Yes.
    std::function<bool(QWidget *parent, const QString &title, const QString &text)> confirm;
    // A file to open or save (empty when cancelled). `filter` as for QFileDialog.
    std::function<QString(QWidget *parent, const QString &caption, const QString &filter)> openFile;
    std::function<QString(QWidget *parent, const QString &caption, const QString &filter)> saveFile;
    // An error the user must acknowledge.
    std::function<void(QWidget *parent, const QString &title, const QString &text)> error;

    // MessageBox (itself answerable in tests with MessageBox::setNextAnswer) and QFileDialog.
    static DialogSeams system();
};

} // namespace icn::ui
