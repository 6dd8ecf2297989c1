// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QByteArray>
#include <QString>

namespace perimeter::secrets {

// Turns a credential name from the config (e.g. "cloud:openai") into the secret bytes sent to
// an upstream. Behind an interface so that an on-prem secret store and a cloud secret manager
// can each serve their own tier's endpoints without ever crossing.
//
// Implementations may do blocking I/O: resolve when the config is (re)loaded, off the
// gateway's request path, and keep the result. Errors name the credential and where it was
// looked for, never the secret. Error codes: credential_missing, credential_insecure,
// credential_invalid (bad name), credential_unreadable.
class CredentialResolver {
public:
    virtual ~CredentialResolver() = default;
    virtual Result<QByteArray> resolve(const QString &name) const = 0;
};

} // namespace perimeter::secrets
