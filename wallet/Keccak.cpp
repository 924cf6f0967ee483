#include "Keccak.h"

#include <QCryptographicHash>

namespace icn {

QByteArray keccak256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

} // namespace icn
