#pragma once

#include "Cli.h"

#include "Address.h"
#include "Amount.h"
#include "Month.h"
#include "Result.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <utility>

namespace icn::cli {

// What every command on the local mirror shares (Market, Hardware, Sla, Auction, History and
// Simulate commands).

// --data-dir, or the platform's application-data folder.
QString dataDir(const Context &c);
// "0x" + lower-case hex.
QString hex(const QByteArray &bytes);
// "cli.missing_option" naming --name.
Error missingOption(const QString &name);
// A required --name as an exact ICNT amount; the amount parser's error names the option.
Result<Amount> requireAmount(const Context &c, const QString &name);
// A required --name as a month YYYY-MM.
Result<Month> requireMonth(const Context &c, const QString &name);
// An address, its parse error naming `field`.
Result<Address> parseAddress(const QString &text, const QString &field);
// The acting account's private key from --keystore and --password-file, and the key's own address
// (the keystore's address field is optional). "cli.unreadable_file" (keystore), the keystore's
// and the password file's errors.
Result<std::pair<SecureBytes, Address>> unlockKeystore(const Context &c);

} // namespace icn::cli
