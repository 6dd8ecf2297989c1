// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QByteArray>
#include <QString>

namespace perimeter::observe {

// AES-256-GCM through OpenSSL EVP for the content store. A sealed value is
//   nonce (12 random bytes) || ciphertext || tag (16 bytes)
// with a fresh random nonce per value and the caller's associated data (the request id)
// authenticated with it, so a value moved to another request's row fails to open.
//
// The key lives in a file the administrator controls: 32 raw bytes, or 64 hex digits (what
// generateKeyFile() writes), readable by the owner only. Messages never contain key bytes.
class ContentCipher {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 12;
    static constexpr int kTagBytes = 16;

    // Refuses a missing file, a file group or others may read or write, a non-regular file and
    // a key of the wrong length, each with a clear message.
    static Result<ContentCipher> fromKeyFile(const QString &path);
    static Result<ContentCipher> fromKey(const QByteArray &key);
    // Creates path (never overwrites) with mode 0600 holding a new random key as hex.
    static Status generateKeyFile(const QString &path);

    Result<QByteArray> seal(const QByteArray &plaintext, const QByteArray &associatedData) const;
    // Fails with code "content_auth_failed" when the key, the data or the associated data
    // do not match (tampering or the wrong key).
    Result<QByteArray> open(const QByteArray &sealed, const QByteArray &associatedData) const;

private:
    explicit ContentCipher(QByteArray key) : m_key(std::move(key)) {}
    QByteArray m_key;
};

} // namespace perimeter::observe
