#include "FakeKeyProvider.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace icn::ui {

void FakeKeyProvider::add(const Address &account, const QByteArray &password, const SecureBytes &privateKey)
{
    QMutexLocker lock(&m_mutex);
    m_entries.insert(account, {SecureBytes(password), privateKey});
}

Result<SecureBytes> FakeKeyProvider::unlock(const Address &account, const SecureBytes &password)
{
    QMutexLocker lock(&m_mutex);
    ++m_calls;
    const auto it = m_entries.constFind(account);
    if (it == m_entries.cend())
        return Error::make(QStringLiteral("keystore.not_found"),
                           QCoreApplication::translate("FakeKeyProvider", "There is no key for this account."),
                           QStringLiteral("account"));
    if (!(it->password == password))
        return Error::make(QStringLiteral("keystore.wrong_password"),
                           QCoreApplication::translate("FakeKeyProvider", "The password is wrong."),
                           QStringLiteral("password"));
    return it->key;
}

int FakeKeyProvider::unlockCalls() const
{
    QMutexLocker lock(&m_mutex);
    return m_calls;
}

} // namespace icn::ui
