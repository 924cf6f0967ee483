#pragma once

#include "SecureBytes.h"

#include <QString>

class QLineEdit;
class QPlainTextEdit;

namespace icn::ui {

// Moving secrets out of editors as early as possible. Qt keeps its own copies of an editor's text
// that we cannot reach, so this is best effort: we wipe every copy we own and empty the editor.

// Overwrites the characters of `text` (detaching it first) and empties it.
void wipeString(QString &text);

// The editor's text as UTF-8 in SecureBytes; the editor is cleared.
SecureBytes takeSecret(QLineEdit *edit);
SecureBytes takeSecret(QPlainTextEdit *edit);

// The editor's text as UTF-8 in SecureBytes; the editor keeps its text (for live checks).
SecureBytes peekSecret(const QLineEdit *edit);

} // namespace icn::ui
