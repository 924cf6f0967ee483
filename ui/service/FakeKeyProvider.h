#pragma once

#include "KeyProvider.h"

#include <QHash>
#include <QMutex>

namespace icn::ui {

// A KeyProvider over a fixed table of (account, password) → key, for tests and the demo.
class FakeKeyProvider : public KeyProvider
{
public:
    void add(const Address &account, const QByteArray &password, const SecureBytes &privateKey);
    Result<SecureBytes> unlock(const Address &account, const SecureBytes &password) override;
    int unlockCalls() const;

private:
    struct Entry
    {
        SecureBytes password;
        SecureBytes key;
    };
    mutable QMutex m_mutex;
    QHash<Address, Entry> m_entries;
    int m_calls = 0;
};

} // namespace icn::ui
