// SPDX-License-Identifier: Apache-2.0
#include "AuditChain.h"
#include "AuditRecordJson.h"

#include <openssl/evp.h>

#include <charconv>
#include <cmath>

namespace perimeter::observe {

namespace {

// Fetched once: an implicit fetch on every digest costs a provider lookup in OpenSSL 3.
const EVP_MD *sha256()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

// The writer hashes every record inside its transaction, so this avoids a temporary
// QByteArray per field: numbers go through a stack buffer, ASCII text is copied directly.
void appendHeader(QByteArray &out, const char *name, qsizetype length)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(length));
    out.append(name);
    out.append('=');
    out.append(buffer, static_cast<qsizetype>(result.ptr - buffer));
    out.append(':');
}

void appendField(QByteArray &out, const char *name, const QByteArray &value)
{
    appendHeader(out, name, value.size());
    out.append(value);
    out.append('\n');
}

void appendText(QByteArray &out, const char *name, QStringView value)
{
    for (const QChar c : value) {
        if (c.unicode() >= 0x80) {
            appendField(out, name, value.toUtf8());
            return;
        }
    }
    appendHeader(out, name, value.size());
    const qsizetype at = out.size();
    out.resize(at + value.size());
    char *p = out.data() + at;
    for (const QChar c : value)
        *p++ = static_cast<char>(c.unicode());
    out.append('\n');
}

void appendInteger(QByteArray &out, const char *name, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    const qsizetype length = static_cast<qsizetype>(result.ptr - buffer);
    appendHeader(out, name, length);
    out.append(buffer, length);
    out.append('\n');
}

void appendOptionalMillis(QByteArray &out, const char *name, qint64 ms)
{
    if (ms < 0)
        appendField(out, name, QByteArray());
    else
        appendInteger(out, name, ms);
}

} // namespace

QByteArray AuditChain::genesisHash()
{
    return QByteArray(kHashHexLength, '0');
}

QByteArray AuditChain::formatAmount(double value)
{
    if (value == 0.0 || !std::isfinite(value))
        return QByteArrayLiteral("0");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, static_cast<qsizetype>(result.ptr - buffer));
}

QByteArray AuditChain::canonicalForm(const AuditRecord &r)
{
    QByteArray out;
    out.reserve(512);
    out.append("perimeter-audit-chain-v1\n");
    appendText(out, "request_id", r.requestId);
    appendText(out, "ts", formatAuditTimestamp(r.ts));
    appendText(out, "caller", r.caller);
    appendText(out, "team", r.team);
    appendText(out, "endpoint_path", r.endpointPath);
    appendText(out, "model_requested", r.modelRequested);
    appendText(out, "model_served", r.modelServed);
    appendText(out, "tier", r.tier);
    appendText(out, "endpoint_id", r.endpointId);
    appendText(out, "decision", r.decision);
    appendText(out, "reason", r.reason);
    appendText(out, "sensitivity", r.sensitivity);
    appendText(out, "finding_types", findingTypesToJson(r.findingTypes));
    appendText(out, "policy_version", r.policyVersion);
    appendInteger(out, "status", r.status);
    appendInteger(out, "tokens_in", r.tokensIn);
    appendInteger(out, "tokens_out", r.tokensOut);
    appendInteger(out, "latency_ms", r.latencyMs);
    appendOptionalMillis(out, "upstream_ms", r.upstreamMs);
    appendOptionalMillis(out, "ttft_ms", r.ttftMs);
    appendField(out, "streamed", r.streamed ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
    appendField(out, "cost_amount", AuditChain::formatAmount(r.costAmount));
    appendText(out, "cost_currency", r.costCurrency);
    appendText(out, "cost_basis", r.costBasis);
    appendField(out, "cost_counterfactual",
                r.costCounterfactual ? AuditChain::formatAmount(*r.costCounterfactual) : QByteArray());
    return out;
}

QByteArray AuditChain::computeHash(const QByteArray &prevHash, const QByteArray &canonical)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const EVP_MD *md = sha256();
    bool ok = ctx && md && EVP_DigestInit_ex(ctx, md, nullptr) == 1
              && EVP_DigestUpdate(ctx, prevHash.constData(), static_cast<size_t>(prevHash.size())) == 1
              && EVP_DigestUpdate(ctx, canonical.constData(), static_cast<size_t>(canonical.size())) == 1
              && EVP_DigestFinal_ex(ctx, digest, &length) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return QByteArray();
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex();
}

} // namespace perimeter::observe
