#include "DialogSeams.h"

#include "MessageBox.h"

#include <QFileDialog>

namespace icn::ui {

DialogSeams DialogSeams::system()
{
    DialogSeams seams;
    seams.confirm = [](QWidget *parent, const QString &title, const QString &text) {
        return MessageBox::question(parent, title, text) == QMessageBox::Yes;
    };
    seams.openFile = [](QWidget *parent, const QString &caption, const QString &filter) {
        return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
    };
    seams.saveFile = [](QWidget *parent, const QString &caption, const QString &filter) {
        return QFileDialog::getSaveFileName(parent, caption, QString(), filter);
    };
    seams.error = [](QWidget *parent, const QString &title, const QString &text) {
        MessageBox::critical(parent, title, text);
    };
    return seams;
}

} // namespace icn::ui
