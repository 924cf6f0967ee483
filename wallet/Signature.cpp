#include "Signature.h"

#include <QCoreApplication>

namespace icn {

namespace {

// The order n of secp256k1 and n/2 (rounded down), big-endian.
const QByteArray &curveOrder()
{
    static const QByteArray n = QByteArray::fromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    return n;
}

const QByteArray &halfOrder()
{
    static const QByteArray h = QByteArray::fromHex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
    return h;
}

bool isZero(QByteArrayView bytes)
{
    for (char b : bytes) {
        if (b != 0)
            return false;
    }
    return true;
}

// Big-endian comparison of two 32-byte strings (memcmp order is numeric order here).
int compare32(QByteArrayView a, QByteArrayView b)
{
    return QByteArrayView(a).compare(b);
}

QByteArray leftPad32(QByteArrayView bytes)
{
    return QByteArray(32 - bytes.size(), '\0') + bytes.toByteArray();
}

} // namespace

QByteArray Signature::toRsv() const
{
    Q_ASSERT(r.size() == 32 && s.size() == 32);
    QByteArray out = r + s;
    out.append(static_cast<char>(27 + recoveryId));
    return out;
}

Result<Signature> Signature::fromRsv(QByteArrayView bytes)
{
    if (bytes.size() != 65)
        return Error::make(QStringLiteral("signature.wrong_length"),
                           QCoreApplication::translate("Signature", "A signature has 65 bytes (r, s, v), not %1.").arg(bytes.size()),
                           QStringLiteral("signature"), {{QStringLiteral("expected"), 65}, {QStringLiteral("actual"), bytes.size()}});
    int v = static_cast<unsigned char>(bytes[64]);
    if (v == 27 || v == 28)
        v -= 27;
    return fromParts(bytes.first(32), bytes.sliced(32, 32), v);
}

Result<Signature> Signature::fromParts(QByteArrayView r, QByteArrayView s, int recoveryId)
{
    const QString field = QStringLiteral("signature");
    if (recoveryId != 0 && recoveryId != 1)
        return Error::make(QStringLiteral("signature.bad_recovery_id"),
                           QCoreApplication::translate("Signature", "The recovery id (v) must be 27 or 28 (or 0 or 1)."), field,
                           {{QStringLiteral("recoveryId"), recoveryId}});
    if (r.size() > 32 || s.size() > 32)
        return Error::make(QStringLiteral("signature.wrong_length"),
                           QCoreApplication::translate("Signature", "r and s have at most 32 bytes each."), field);
    Signature sig{leftPad32(r), leftPad32(s), recoveryId};
    if (isZero(sig.r) || isZero(sig.s) || compare32(sig.r, curveOrder()) >= 0 || compare32(sig.s, curveOrder()) >= 0)
        return Error::make(QStringLiteral("signature.out_of_range"),
                           QCoreApplication::translate("Signature", "r and s must be between 1 and the curve order."), field);
    if (compare32(sig.s, halfOrder()) > 0)
        return Error::make(QStringLiteral("signature.high_s"),
                           QCoreApplication::translate("Signature", "The signature is not in canonical low-s form (EIP-2)."), field);
    return sig;
}

bool Signature::isCanonical() const
{
    return r.size() == 32 && s.size() == 32 && (recoveryId == 0 || recoveryId == 1) && !isZero(r) && !isZero(s)
           && compare32(r, curveOrder()) < 0 && compare32(s, halfOrder()) <= 0;
}

} // namespace icn
