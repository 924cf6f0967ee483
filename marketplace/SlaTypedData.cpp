#include "SlaTypedData.h"

#include "BookingTypedData.h"
#include "Keccak.h"
#include "Signer.h"

#include <QCoreApplication>

namespace icn {

namespace {

QByteArray uintWord(quint64 v)
{
    QByteArray out(32, '\0');
    for (int i = 31; i >= 24; --i) {
        out[i] = static_cast<char>(v & 0xff);
        v >>= 8;
    }
    return out;
}

QByteArray addressWord(const Address &a)
{
    QByteArray out(12, '\0');
    out.append(a.isNull() ? QByteArray(20, '\0') : a.bytes());
    return out;
}

QByteArray digestOf(const QByteArray &structHash)
{
    QByteArray data("\x19\x01", 2);
    data.append(BookingTypedData::domainSeparator());
    data.append(structHash);
    return keccak256(data);
}

Result<QByteArray> signAs(const Address &account, const QString &prefix, const QString &field, const QByteArray &digest,
                          const SecureBytes &key)
{
    const auto address = signer::addressOf(key);
    if (!address)
        return address.error();
    if (!(*address == account))
        return Error::make(prefix + QStringLiteral(".key_mismatch"),
                           QCoreApplication::translate("Engine", "The key does not belong to the signing account."), field);
    const auto signature = signer::signDigest(key, digest);
    if (!signature)
        return signature.error();
    return signature->toRsv();
}

} // namespace

QString SlaTypedData::registerOracleTypeString()
{
    return QStringLiteral("RegisterOracle(address oracle,uint64 nonce)");
}

QString SlaTypedData::claimTypeString()
{
    return QStringLiteral("ClaimCompensation(address sp,uint64 bookingId,uint64 nonce)");
}

QByteArray SlaTypedData::registerOracleDigest(const Address &oracle, quint64 nonce)
{
    static const QByteArray typeHash = keccak256(registerOracleTypeString().toLatin1());
    QByteArray data = typeHash;
    data.append(addressWord(oracle));
    data.append(uintWord(nonce));
    return digestOf(keccak256(data));
}

QByteArray SlaTypedData::claimDigest(const Address &sp, quint64 bookingId, quint64 nonce)
{
    static const QByteArray typeHash = keccak256(claimTypeString().toLatin1());
    QByteArray data = typeHash;
    data.append(addressWord(sp));
    data.append(uintWord(bookingId));
    data.append(uintWord(nonce));
    return digestOf(keccak256(data));
}

Result<RegisterOracleTx> signRegisterOracle(const Address &oracle, quint64 nonce, const SecureBytes &privateKey)
{
    auto sig = signAs(oracle, QStringLiteral("oracle"), QStringLiteral("oracle"),
                      SlaTypedData::registerOracleDigest(oracle, nonce), privateKey);
    if (!sig)
        return sig.error();
    return RegisterOracleTx{oracle, nonce, false, *sig};
}

Result<ClaimCompensationTx> signClaimCompensation(const Address &sp, quint64 bookingId, quint64 nonce,
                                                  const SecureBytes &privateKey)
{
    auto sig = signAs(sp, QStringLiteral("claim"), QStringLiteral("sp"), SlaTypedData::claimDigest(sp, bookingId, nonce),
                      privateKey);
    if (!sig)
        return sig.error();
    return ClaimCompensationTx{sp, bookingId, nonce, false, *sig};
}

} // namespace icn
