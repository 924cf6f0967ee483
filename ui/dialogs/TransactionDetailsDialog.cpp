#include "TransactionDetailsDialog.h"

#include "models/ActivityTableModel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace icn::ui {

namespace {

QLabel *valueLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TransactionDetailsDialog::TransactionDetailsDialog(const ActivityRow &entry, QWidget *parent)
    : QDialog(parent)
    , m_entry(entry)
{
    setWindowTitle(tr("Transaction %1").arg(entry.seq));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *form = new QFormLayout;
    form->addRow(tr("Sequence:"), valueLabel(QString::number(entry.seq), QStringLiteral("seqValue")));
    form->addRow(tr("Type:"), valueLabel(entry.type, QStringLiteral("typeValue")));
    const QString signer = entry.sealed  ? ActivityTableModel::sealedSignerText()
        : entry.isSigned                 ? entry.signer
                                         : tr("none (local transaction)");
    form->addRow(tr("Signer:"), valueLabel(signer, QStringLiteral("signerValue")));
    form->addRow(tr("Time:"), valueLabel(ActivityTableModel::timeText(entry), QStringLiteral("timeValue")));
    form->addRow(tr("Status:"), valueLabel(ActivityTableModel::statusText(entry.status), QStringLiteral("statusValue")));
    QLabel *hash = valueLabel(entry.stateHash, QStringLiteral("stateHashValue"));
    hash->setFont(mono);
    form->addRow(tr("State hash:"), hash);
    QLabel *summary = valueLabel(entry.summary, QStringLiteral("summaryValue"));
    summary->setWordWrap(true);
    form->addRow(tr("Summary:"), summary);

    auto *details = new QPlainTextEdit(prettyDetails(entry.details));
    details->setObjectName(QStringLiteral("detailsText"));
    details->setReadOnly(true);
    details->setFont(mono);
    details->setPlaceholderText(tr("The service gave no decoded form for this transaction."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Decoded transaction:")));
    layout->addWidget(details, 1);
    layout->addWidget(buttons);
    resize(640, 480);
}

QString TransactionDetailsDialog::prettyDetails(const QString &details)
{
    // Re-indents the text itself instead of going through QJsonDocument, which would turn big
    // integers (amounts in base units) into doubles. Already indented or invalid text is kept.
    QJsonParseError error;
    QJsonDocument::fromJson(details.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || details.contains(QLatin1Char('\n')))
        return details;
    QString out;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&out, &depth] { out += QLatin1Char('\n') + QString(depth * 2, QLatin1Char(' ')); };
    for (const QChar c : details) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c.isSpace())
            continue;
        if (c == QLatin1Char('"')) {
            inString = true;
            out += c;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            out += c;
            ++depth;
            newline();
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            --depth;
            if (out.endsWith(QLatin1Char(' ')) || out.endsWith(QLatin1Char('\n'))) {
                // An empty object or array: "{}" rather than a blank line.
                while (out.endsWith(QLatin1Char(' ')) || out.endsWith(QLatin1Char('\n')))
                    out.chop(1);
                if (!out.endsWith(QLatin1Char('{')) && !out.endsWith(QLatin1Char('[')))
                    newline();
            } else {
                newline();
            }
            out += c;
        } else if (c == QLatin1Char(',')) {
            out += c;
            newline();
        } else if (c == QLatin1Char(':')) {
            out += QLatin1String(": ");
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace icn::ui
