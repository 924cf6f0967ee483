#pragma once

#include "service/MarketService.h"

#include <QDialog>

namespace icn::ui {

// One log entry with its full state hash and the decoded transaction (ActivityRow::details).
class TransactionDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TransactionDetailsDialog(const ActivityRow &entry, QWidget *parent = nullptr);

    const ActivityRow &entry() const { return m_entry; }
    // JSON is shown indented; anything else as given.
    static QString prettyDetails(const QString &details);

private:
    ActivityRow m_entry;
};

} // namespace icn::ui
