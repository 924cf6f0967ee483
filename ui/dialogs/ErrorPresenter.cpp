#include "ErrorPresenter.h"

#include "dialogs/MessageBox.h"

#include "Amount.h"

#include <QCoreApplication>

namespace icn::ui {

namespace {

// Engines put amounts into details as storage text (base units); accept decimal ICNT as well.
QString amountText(const QVariant &v, const QLocale &locale)
{
    const QString s = v.toString();
    if (Result<Amount> a = Amount::fromStorage(s))
        return a->toDisplayString(locale);
    if (Result<Amount> a = Amount::parse(s))
        return a->toDisplayString(locale);
    return s;
}

} // namespace

UserMessage ErrorPresenter::describe(const Error &error, const QLocale &locale)
{
    const QString code = error.code;
    const QVariantMap &d = error.details;
    UserMessage m;
    if (code == QLatin1String("booking.price_changed")) {
        m.title = tr("The price moved");
        m.text = tr("The price moved from %1 to %2 since your quote.")
                     .arg(amountText(d.value(QStringLiteral("quoted")), locale),
                          amountText(d.value(QStringLiteral("actual")), locale));
        m.action = tr("Re-quote to see the new total, then review and sign again.");
        m.retryable = true;
    } else if (code.endsWith(QLatin1String(".insufficient_balance"))) {
        m.title = tr("Not enough ICNT");
        m.text = tr("Your balance of %1 does not cover the total of %2.")
                     .arg(amountText(d.value(QStringLiteral("balance")), locale),
                          amountText(d.contains(QStringLiteral("cost")) ? d.value(QStringLiteral("cost"))
                                                                         : d.value(QStringLiteral("required")),
                                     locale));
        m.action = tr("Top up the account on the Wallet page, or book less capacity or fewer months.");
    } else if (code == QLatin1String("keystore.wrong_password")) {
        m.title = tr("Wrong password");
        m.text = tr("The password does not unlock this account's key.");
        m.action = tr("Check the password (is Caps Lock on?) and try again.");
        m.retryable = true;
    } else if (code == QLatin1String("booking.insufficient_capacity")) {
        m.title = tr("Not enough free capacity");
        m.text = tr("Only %1 TB can be booked in one cluster for the whole range.")
                     .arg(locale.toString(d.value(QStringLiteral("available")).toLongLong()));
        m.action = tr("Book less, choose another start month or duration, or widen the scope to the zone or region.");
        m.retryable = true;
    } else if (code == QLatin1String("booking.bad_size")) {
        m.title = tr("Size not accepted");
        m.text = error.message;
        m.action = tr("Sizes are whole TB, or PB with up to three decimals.");
        m.retryable = true;
    } else if (code.endsWith(QLatin1String("bad_signature")) || code.endsWith(QLatin1String("key_mismatch"))) {
        m.title = tr("Signature refused");
        m.text = tr("The engine did not accept the signature.");
        m.action = tr("Make sure the active account is the one whose password you entered.");
    } else if (code.startsWith(QLatin1String("booking.duration_")) || code == QLatin1String("booking.start_too_early")
               || code == QLatin1String("booking.lead_too_long") || code == QLatin1String("booking.deadline_passed")) {
        m.title = tr("Dates not accepted");
        m.text = error.message;
        m.action = tr("Pick a start month and a duration within the limits shown.");
        m.retryable = true;
    } else if (code.endsWith(QLatin1String(".bad_nonce"))) {
        m.title = tr("Signed out of turn");
        m.text = tr("Another transaction of this account was applied after this one was prepared, so its nonce is "
                    "no longer the next one (expected %1, signed %2).")
                     .arg(error.details.value(QStringLiteral("expected")).toString(), error.details.value(QStringLiteral("got")).toString());
        m.action = tr("Review it again and sign the new summary.");
        m.retryable = true;
    } else if (code.startsWith(QLatin1String("wallet.")) && code.endsWith(QLatin1String("locked"))) {
        m.title = tr("Wallet locked");
        m.text = error.message;
        m.action = tr("Enter the account's password.");
        m.retryable = true;
    } else {
        m.title = tr("The operation failed");
        m.text = error.message.isEmpty() ? code : error.message;
        m.action = tr("Nothing was changed. Error code: %1").arg(code);
    }
    return m;
}

void ErrorPresenter::show(QWidget *parent, const Error &error)
{
    const UserMessage m = describe(error);
    MessageBox::critical(parent, m.title, m.text + QStringLiteral("\n\n") + m.action);
}

} // namespace icn::ui
