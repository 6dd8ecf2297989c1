// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QByteArray>

namespace perimeter::auth {

// Thin wrappers over OpenSSL so the rest of auth never handles raw EVP/RAND calls.
class ApiKeyCrypto {
public:
    // 32 raw bytes; empty on an (unexpected) OpenSSL failure.
    static QByteArray sha256(const QByteArray &data);
    // Bytes from OpenSSL's CSPRNG; an Error if it cannot deliver them.
    static Result<QByteArray> randomBytes(int count);
    // Constant-time equality of two 32-byte digests (false for any other length).
    static bool digestsEqual(const QByteArray &a, const QByteArray &b);
    // "pk-" + 43 characters of unpadded base64url (32 random bytes).
    static Result<QByteArray> generateApiKey();
};

} // namespace perimeter::auth
