#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace icn::ui {

// Every status word and transaction type the user reads, translated (tr() in the
// "icn::ui::StatusText" context of the .ts files). Models keep the raw, untranslated words in their
// roles (filters and tests compare those); only display text goes through here.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(icn::ui::StatusText)

public:
    // HN status: "Registered", "Active", "Jailed", "Offboarded"; unknown words are shown as they are.
    static QString node(const QString &raw);
    // Booking status: "Pending", "Active", "Ended" (the engine's Completed), "Completed".
    static QString booking(const QString &raw);
    // Log entry status: "applied", "rejected".
    static QString activity(const QString &raw);

    // The engine's name of every transaction type (transactionTypeName() of each alternative of
    // icn::Transaction, in variant order): new types appear here without a change in the UI.
    static QStringList knownTransactionTypes();
    // A readable, translated label for a transaction type name ("close_month" → "Month close").
    // Names without their own label (a type newer than this UI) read as words: "register_node" →
    // "Register node".
    static QString transactionType(const QString &name);
    // Whether `name` has a label of its own (not the fallback).
    static bool hasTransactionTypeLabel(const QString &name);
};

} // namespace icn::ui
