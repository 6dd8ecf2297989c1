// SPDX-License-Identifier: Apache-2.0
#include "ContentCipher.h"

#include <QFile>
#include <QFileInfo>
#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perimeter::observe {

namespace {

Error cipherError(const QString &message)
{
    return Error{QStringLiteral("content_key_error"), message};
}

struct CtxDeleter {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CtxDeleter>;

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

unsigned char *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

} // namespace

Result<ContentCipher> ContentCipher::fromKey(const QByteArray &key)
{
    if (key.size() != kKeyBytes)
        return cipherError(QStringLiteral("the content key must be %1 bytes (AES-256), found %2").arg(kKeyBytes).arg(key.size()));
    return ContentCipher(key);
}

Result<ContentCipher> ContentCipher::fromKeyFile(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return cipherError(QStringLiteral("content key file %1 does not exist or cannot be read "
                                          "(create one with 'perimeterctl content keygen FILE')").arg(path));
    if (!S_ISREG(st.st_mode))
        return cipherError(QStringLiteral("content key file %1 is not a regular file").arg(path));
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return cipherError(QStringLiteral("content key file %1 is accessible by group or others (mode %2); "
                                          "run chmod 600 on it")
                               .arg(path)
                               .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cipherError(QStringLiteral("cannot read content key file %1: %2").arg(path, file.errorString()));
    QByteArray content = file.read(4096);
    QByteArray key;
    if (content.size() == kKeyBytes) {
        key = content;
    } else {
        const QByteArray text = content.trimmed();
        bool hex = text.size() == 2 * kKeyBytes;
        for (char c : text)
            hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (!hex)
            return cipherError(QStringLiteral("content key file %1 must hold %2 raw bytes or %3 hex digits "
                                              "(an AES-256 key)").arg(path).arg(kKeyBytes).arg(2 * kKeyBytes));
        key = QByteArray::fromHex(text);
    }
    content.fill('\0');
    return fromKey(key);
}

Status ContentCipher::generateKeyFile(const QString &path)
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (RAND_bytes(bytes(key), kKeyBytes) != 1)
        return cipherError(QStringLiteral("the system random generator failed"));
    const QByteArray text = key.toHex() + '\n';
    key.fill('\0');
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return cipherError(QFileInfo::exists(path) ? QStringLiteral("%1 already exists; a key is never overwritten").arg(path)
                                                   : QStringLiteral("cannot create %1").arg(path));
    // The umask may not be wider than 0600, but set it explicitly in any case.
    const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, text.constData(), size_t(text.size())) == text.size()
                    && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        QFile::remove(path);
        return cipherError(QStringLiteral("cannot write %1").arg(path));
    }
    return Ok{};
}

Result<QByteArray> ContentCipher::seal(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    QByteArray out(kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    unsigned char *nonce = bytes(out);
    if (RAND_bytes(nonce, kNonceBytes) != 1)
        return cipherError(QStringLiteral("the system random generator failed"));
    CtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), nonce) != 1
        || (!associatedData.isEmpty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1))
        return cipherError(QStringLiteral("AES-256-GCM is not available"));
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), bytes(out) + kNonceBytes, &len, bytes(plaintext), int(plaintext.size())) != 1)
            return cipherError(QStringLiteral("encryption failed"));
        written = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), bytes(out) + kNonceBytes + written, &len) != 1)
        return cipherError(QStringLiteral("encryption failed"));
    written += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, bytes(out) + kNonceBytes + written) != 1)
        return cipherError(QStringLiteral("encryption failed"));
    out.resize(kNonceBytes + written + kTagBytes);
    return out;
}

Result<QByteArray> ContentCipher::open(const QByteArray &sealed, const QByteArray &associatedData) const
{
    const Error authFailed{QStringLiteral("content_auth_failed"),
                           QStringLiteral("the stored content does not authenticate: it was altered, or the key is not the one it was stored with")};
    if (sealed.size() < kNonceBytes + kTagBytes)
        return authFailed;
    const qsizetype cipherLen = sealed.size() - kNonceBytes - kTagBytes;
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray plain(cipherLen, Qt::Uninitialized);
    CtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(sealed)) != 1
        || (!associatedData.isEmpty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1))
        return cipherError(QStringLiteral("AES-256-GCM is not available"));
    int written = 0;
    if (cipherLen > 0) {
        if (EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(sealed) + kNonceBytes, int(cipherLen)) != 1)
            return authFailed;
        written = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) != 1)
        return authFailed;
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + written, &len) != 1) {
        plain.fill('\0');
        return authFailed;
    }
    plain.resize(written + len);
    return plain;
}

} // namespace perimeter::observe
