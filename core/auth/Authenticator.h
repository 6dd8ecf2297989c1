// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Principal.h"
#include "common/Result.h"
#include <QByteArray>

namespace perimeter::auth {

// The authenticate stage's pluggable verifier: API keys today, JWT bearer tokens validated
// against an identity provider's JWKS later (a chain can try each in turn).
// Implementations must be callable from the gateway thread without blocking: no I/O here.
class Authenticator {
public:
    virtual ~Authenticator() = default;
    // authorizationHeaderValue: the raw value of the single Authorization header ("" if none).
    // Every failure is Error{"unauthenticated", ...} with a message safe to return to the
    // client: it never contains the presented credential.
    virtual Result<Principal> authenticate(const QByteArray &authorizationHeaderValue) const = 0;
};

} // namespace perimeter::auth
