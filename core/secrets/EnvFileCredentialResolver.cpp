// SPDX-License-Identifier: Apache-2.0
#include "EnvFileCredentialResolver.h"
#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace perimeter::secrets {

namespace {

constexpr int kMaxNameLength = 200;

// Letters, digits and . _ - : / only, no "..", no leading '/' or '.': a name can never leave
// the credentials folder, whatever the file-name mapping does.
bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'.' || u == u'_' || u == u'-' || u == u':' || u == u'/';
        if (!allowed)
            return false;
    }
    return !name.startsWith(u'.') && !name.startsWith(u'/') && !name.contains(QLatin1String(".."));
}

QString modeString(mode_t mode)
{
    return QStringLiteral("0%1").arg(mode & 07777, 3, 8, QLatin1Char('0'));
}

QString errnoString(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

EnvFileCredentialResolver::EnvFileCredentialResolver(QString credentialsDir)
    : m_credentialsDir(std::move(credentialsDir))
{
}

QString EnvFileCredentialResolver::environmentVariableName(const QString &name)
{
    if (!isValidName(name))
        return {};
    QString variable = QStringLiteral("PERIMETER_CREDENTIAL_");
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool alnum = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        variable.append(alnum ? c.toUpper() : QLatin1Char('_'));
    }
    return variable;
}

QString EnvFileCredentialResolver::filePath(const QString &name) const
{
    if (!isValidName(name))
        return {};
    QString fileName = name;
    fileName.replace(u':', u'_').replace(u'/', u'_');
    return QDir(m_credentialsDir).filePath(fileName);
}

Result<QByteArray> EnvFileCredentialResolver::resolve(const QString &name) const
{
    if (!isValidName(name)) {
        return Error{QStringLiteral("credential_invalid"),
                     QStringLiteral("credential name '%1' is invalid: use letters, digits and . _ - : / "
                                    "(no '..', no leading '/' or '.', at most %2 characters)")
                         .arg(name.left(kMaxNameLength), QString::number(kMaxNameLength))};
    }

    const QString variable = environmentVariableName(name);
    const QByteArray fromEnv = qgetenv(variable.toLatin1().constData());
    if (!fromEnv.isEmpty())
        return fromEnv;

    const QString path = filePath(name);
    const QByteArray nativePath = QFile::encodeName(path);
    // open + fstat on the same descriptor: the checked file is the file read. O_NOFOLLOW refuses
    // a symlink (it could point anywhere, including at a file someone else controls).
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) {
            return Error{QStringLiteral("credential_missing"),
                         QStringLiteral("credential '%1' not found: set %2 or create %3 with mode 0600")
                             .arg(name, variable, path)};
        }
        if (error == ELOOP) {
            return Error{QStringLiteral("credential_insecure"),
                         QStringLiteral("credential file %1 is a symbolic link; it must be a regular file with mode 0600")
                             .arg(path)};
        }
        return Error{QStringLiteral("credential_unreadable"),
                     QStringLiteral("credential file %1 cannot be opened: %2").arg(path, errnoString(error))};
    }

    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return Error{QStringLiteral("credential_unreadable"),
                     QStringLiteral("credential file %1 cannot be examined: %2").arg(path, errnoString(error))};
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return Error{QStringLiteral("credential_insecure"),
                     QStringLiteral("credential file %1 is not a regular file (mode %2)").arg(path, modeString(info.st_mode))};
    }
    if (info.st_uid != ::geteuid()) {
        ::close(fd);
        return Error{QStringLiteral("credential_insecure"),
                     QStringLiteral("credential file %1 is owned by uid %2, not by the gateway's user (uid %3)")
                         .arg(path).arg(info.st_uid).arg(::geteuid())};
    }
    if ((info.st_mode & 077) != 0) {
        ::close(fd);
        return Error{QStringLiteral("credential_insecure"),
                     QStringLiteral("credential file %1 has mode %2; it must not be accessible to group or others "
                                    "(chmod 600 %1)")
                         .arg(path, modeString(info.st_mode))};
    }
    if (info.st_size > kMaxSecretBytes) {
        ::close(fd);
        return Error{QStringLiteral("credential_unreadable"),
                     QStringLiteral("credential file %1 is larger than %2 bytes").arg(path).arg(kMaxSecretBytes)};
    }

    QByteArray secret;
    secret.resize(qsizetype(info.st_size) + 1); // +1 notices a file that grew since fstat
    qsizetype total = 0;
    while (total < secret.size()) {
        const ssize_t n = ::read(fd, secret.data() + total, size_t(secret.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return Error{QStringLiteral("credential_unreadable"),
                         QStringLiteral("credential file %1 cannot be read: %2").arg(path, errnoString(error))};
        }
        if (n == 0)
            break;
        total += n;
    }
    ::close(fd);
    if (total > kMaxSecretBytes) {
        return Error{QStringLiteral("credential_unreadable"),
                     QStringLiteral("credential file %1 is larger than %2 bytes").arg(path).arg(kMaxSecretBytes)};
    }
    secret.truncate(total);
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty()) {
        return Error{QStringLiteral("credential_missing"),
                     QStringLiteral("credential '%1': file %2 is empty").arg(name, path)};
    }
    return secret;
}

} // namespace perimeter::secrets
