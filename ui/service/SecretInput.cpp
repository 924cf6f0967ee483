#include "SecretInput.h"

#include <QLineEdit>
#include <QPlainTextEdit>

namespace icn::ui {

void wipeString(QString &text)
{
    if (text.isEmpty())
        return;
    QChar *chars = text.data(); // detaches: we only ever wipe our own copy
    for (qsizetype i = 0; i < text.size(); ++i)
        chars[i] = QChar(u'\0');
    text.clear();
}

namespace {

SecureBytes toSecret(QString &text)
{
    QByteArray utf8 = text.toUtf8();
    wipeString(text);
    return SecureBytes::takeFrom(utf8);
}

} // namespace

SecureBytes takeSecret(QLineEdit *edit)
{
    QString text = edit->text();
    // Replace the editor's buffer with same-length filler before clearing it, so the last
    // string it owns is not the secret.
    edit->setText(QString(text.size(), u' '));
    edit->clear();
    return toSecret(text);
}

SecureBytes takeSecret(QPlainTextEdit *edit)
{
    QString text = edit->toPlainText();
    edit->setPlainText(QString(text.size(), u' '));
    edit->clear();
    return toSecret(text);
}

SecureBytes peekSecret(const QLineEdit *edit)
{
    QString text = edit->text();
    return toSecret(text);
}

} // namespace icn::ui
