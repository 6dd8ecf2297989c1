// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "CredentialResolver.h"

namespace perimeter::secrets {

// Resolves a name from the environment variable PERIMETER_CREDENTIAL_<NAME> (upper-cased, every
// non-alphanumeric character → '_'), else from the file <credentialsDir>/<name with ':' and '/'
// → '_'>. The file must be a regular file (no symlink) owned by the effective user with no
// group/other permission bits; one trailing line break is not part of the secret.
class EnvFileCredentialResolver final : public CredentialResolver {
public:
    static constexpr qint64 kMaxSecretBytes = 64 * 1024;

    explicit EnvFileCredentialResolver(QString credentialsDir);

    Result<QByteArray> resolve(const QString &name) const override;

    QString credentialsDir() const { return m_credentialsDir; }
    // Both return "" for a name that resolve() would reject as invalid.
    static QString environmentVariableName(const QString &name);
    QString filePath(const QString &name) const;

private:
    QString m_credentialsDir;
};

} // namespace perimeter::secrets
