// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include <QByteArray>

namespace perimeter::observe {

// The tamper-evident chain over the audit trail: every stored record carries
//   hash = hex(SHA-256(prev_hash || canonicalForm(record)))
// where prev_hash is the hash of the record committed just before it (genesisHash() for the
// first one) and "||" is plain concatenation of the 64 ASCII hex digits and the canonical bytes.
//
// The canonical form is versioned and unambiguous: a header line "perimeter-audit-chain-v1\n",
// then one line per field in contract order, "<name>=<byte length>:<UTF-8 value>\n", so no
// value can be shifted into its neighbour whatever it contains. Values are spelled as the
// store gives them back, so a record hashes the same before it is written and after it is read:
// absent text and absent durations are empty, integers are decimal, streamed is true|false,
// finding_types is the compact sorted JSON object, ts is RFC 3339 UTC with milliseconds, and
// amounts use the shortest decimal that reads back to the same double (-0 is written as 0).
class AuditChain {
public:
    static constexpr int kHashHexLength = 64;

    static QByteArray genesisHash();
    static QByteArray canonicalForm(const AuditRecord &record);
    // Lower-case hex, kHashHexLength characters; empty only if OpenSSL cannot hash at all
    // (the store then refuses the write rather than store an unchained record).
    static QByteArray computeHash(const QByteArray &prevHash, const QByteArray &canonical);
    static QByteArray hashRecord(const QByteArray &prevHash, const AuditRecord &record)
    {
        return computeHash(prevHash, canonicalForm(record));
    }
    // For the canonical form and reports: shortest round-trip decimal, no exponent surprises.
    static QByteArray formatAmount(double value);
};

} // namespace perimeter::observe
