// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::auth {
class ApiKeyStore;
}

namespace perimeter::cli {

// `perimeterctl keys create|list|revoke`; args are what follows "keys". A running gateway
// picks up created and revoked keys within its refresh interval (KeyStoreRefresher).
class KeysCommand {
public:
    static int run(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();

private:
    // keys create --caller C [--team T] [--expires T] [--comment S] [--format table|json|jsonl]
    static int create(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    // keys list [--format table|json|jsonl]
    static int list(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    // keys revoke ID
    static int revoke(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace perimeter::cli
