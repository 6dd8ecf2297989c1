// SPDX-License-Identifier: Apache-2.0
#include "ApiKeyCrypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace perimeter::auth {

QByteArray ApiKeyCrypto::sha256(const QByteArray &data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(), nullptr) != 1
        || length != 32) {
        return QByteArray();
    }
    digest.truncate(32);
    return digest;
}

Result<QByteArray> ApiKeyCrypto::randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        return Error{QStringLiteral("crypto_error"), QStringLiteral("the system random generator failed")};
    return bytes;
}

bool ApiKeyCrypto::digestsEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != 32 || b.size() != 32)
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), 32) == 0;
}

Result<QByteArray> ApiKeyCrypto::generateApiKey()
{
    auto bytes = randomBytes(32);
    if (!bytes)
        return bytes.error();
    QByteArray key = QByteArrayLiteral("pk-")
                     + bytes.value().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    OPENSSL_cleanse(bytes.value().data(), static_cast<size_t>(bytes.value().size()));
    return key;
}

} // namespace perimeter::auth
