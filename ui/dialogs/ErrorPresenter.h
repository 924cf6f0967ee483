#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

class QWidget;

namespace icn::ui {

// What the user reads when something fails: a title, what happened, and what to do now.
struct UserMessage
{
    QString title;
    QString text;
    QString action;
    bool retryable = false; // e.g. the price moved: re-quote and try again
};

// Turns typed engine and wallet errors (Error::code + details) into words with the way forward
// (STYLE.md §9). Pure: views decide how to show the result.
class ErrorPresenter
{
    Q_DECLARE_TR_FUNCTIONS(icn::ui::ErrorPresenter)

public:
    static UserMessage describe(const Error &error, const QLocale &locale = QLocale());
    // Title, text and action in one message box (through the MessageBox seam).
    static void show(QWidget *parent, const Error &error);
};

} // namespace icn::ui
