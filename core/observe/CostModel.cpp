// SPDX-License-Identifier: Apache-2.0
#include "CostModel.h"

#include <QRegularExpression>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace perimeter::observe {

namespace {

// RFC 6901 escaping, as the config loader spells paths.
QString pointerToken(const std::string &key)
{
    QString token = QString::fromStdString(key);
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

QString typeName(const nlohmann::json &value)
{
    return QString::fromLatin1(value.type_name());
}

// Reads one JSON object's fields and records every problem with its path.
class Fields {
public:
    Fields(const nlohmann::json &object, QString path, QStringList &problems)
        : m_object(object), m_path(std::move(path)), m_problems(problems)
    {
        if (!object.is_object())
            m_problems.append(here() + QStringLiteral(": must be an object, found %1").arg(typeName(object)));
    }

    bool ok() const { return m_object.is_object(); }
    QString path(const std::string &key) const { return m_path + QLatin1Char('/') + pointerToken(key); }
    QString here() const { return m_path.isEmpty() ? QStringLiteral("/") : m_path; }
    bool has(const std::string &key) const { return ok() && m_object.contains(key); }
    const nlohmann::json *get(const std::string &key)
    {
        m_seen.insert(key);
        return has(key) ? &m_object.at(key) : nullptr;
    }
    void problem(const std::string &key, const QString &message) { m_problems.append(path(key) + QLatin1String(": ") + message); }

    std::optional<double> number(const std::string &key, bool required, double min, bool minExclusive = false,
                                 std::optional<double> max = std::nullopt)
    {
        const nlohmann::json *v = get(key);
        if (!v) {
            if (required && ok())
                problem(key, QStringLiteral("is required"));
            return std::nullopt;
        }
        if (!v->is_number()) {
            problem(key, QStringLiteral("must be a number, found %1").arg(typeName(*v)));
            return std::nullopt;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || (minExclusive ? d <= min : d < min) || (max && d > *max)) {
            QString range = minExclusive ? QStringLiteral("greater than %1").arg(min) : QStringLiteral("at least %1").arg(min);
            if (max)
                range += QStringLiteral(" and at most %1").arg(*max);
            problem(key, QStringLiteral("must be a number %1").arg(range));
            return std::nullopt;
        }
        return d;
    }

    std::optional<QString> string(const std::string &key, bool required)
    {
        const nlohmann::json *v = get(key);
        if (!v) {
            if (required && ok())
                problem(key, QStringLiteral("is required"));
            return std::nullopt;
        }
        if (!v->is_string() || v->get<std::string>().empty()) {
            problem(key, QStringLiteral("must be a non-empty string"));
            return std::nullopt;
        }
        return QString::fromStdString(v->get<std::string>());
    }

    std::optional<bool> boolean(const std::string &key)
    {
        const nlohmann::json *v = get(key);
        if (!v)
            return std::nullopt;
        if (!v->is_boolean()) {
            problem(key, QStringLiteral("must be true or false, found %1").arg(typeName(*v)));
            return std::nullopt;
        }
        return v->get<bool>();
    }

    void rejectUnknownKeys()
    {
        if (!ok())
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_seen.count(it.key()))
                problem(it.key(), QStringLiteral("unknown key"));
        }
    }

private:
    const nlohmann::json &m_object;
    QString m_path;
    QStringList &m_problems;
    std::set<std::string> m_seen;
};

bool isDate(const QString &text)
{
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return date.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

std::optional<BlendedRate> readRate(const nlohmann::json &object, const QString &path, const QString &endpointId,
                                    QStringList &problems)
{
    const qsizetype before = problems.size();
    Fields f(object, path, problems);
    if (!f.ok())
        return std::nullopt;
    BlendedRate rate;
    rate.endpointId = endpointId;
    if (f.has("rate_per_1m")) {
        rate.per1M = f.number("rate_per_1m", true, 0.0).value_or(0.0);
        rate.utilizationSource = QStringLiteral("direct");
        for (const char *key : {"hardware_cost", "amortization_months", "power_watts", "price_per_kwh",
                                "operations_per_month", "tokens_per_month", "throughput_tokens_per_second", "utilization"}) {
            if (f.has(key)) {
                f.get(key);
                f.problem(key, QStringLiteral("cannot be combined with rate_per_1m"));
            }
        }
    } else {
        rate.hardwareCost = f.number("hardware_cost", true, 0.0).value_or(0.0);
        if (const nlohmann::json *months = f.get("amortization_months")) {
            if (!months->is_number_integer() || months->get<long long>() < 1 || months->get<long long>() > 600)
                f.problem("amortization_months", QStringLiteral("must be a whole number of months from 1 to 600"));
            else
                rate.amortizationMonths = int(months->get<long long>());
        } else {
            f.problem("amortization_months", QStringLiteral("is required"));
        }
        rate.powerWatts = f.number("power_watts", false, 0.0).value_or(0.0);
        rate.pricePerKwh = f.number("price_per_kwh", rate.powerWatts > 0, 0.0).value_or(0.0);
        rate.operationsPerMonth = f.number("operations_per_month", false, 0.0).value_or(0.0);
        const bool measured = f.has("tokens_per_month");
        const bool expected = f.has("throughput_tokens_per_second") || f.has("utilization");
        if (measured && expected) {
            f.get("tokens_per_month");
            f.get("throughput_tokens_per_second");
            f.get("utilization");
            f.problem("tokens_per_month", QStringLiteral("give either tokens_per_month (measured) or "
                                                         "throughput_tokens_per_second with utilization (expected), not both"));
        } else if (measured) {
            rate.tokensPerMonth = f.number("tokens_per_month", true, 0.0, true).value_or(0.0);
            rate.utilizationSource = QStringLiteral("measured");
        } else if (expected) {
            const double throughput = f.number("throughput_tokens_per_second", true, 0.0, true).value_or(0.0);
            const double utilization = f.number("utilization", true, 0.0, true, 1.0).value_or(0.0);
            rate.tokensPerMonth = throughput * utilization * CostModel::kSecondsPerMonth;
            rate.utilizationSource = QStringLiteral("expected");
        } else {
            problems.append(f.here() + QStringLiteral(": needs tokens_per_month, or throughput_tokens_per_second "
                                                      "with utilization, or rate_per_1m"));
        }
        if (rate.tokensPerMonth > 0 && rate.amortizationMonths > 0)
            rate.per1M = CostModel::blendedRatePer1M(rate.hardwareCost, rate.amortizationMonths, rate.powerWatts,
                                                     rate.pricePerKwh, rate.operationsPerMonth, rate.tokensPerMonth);
    }
    f.rejectUnknownKeys();
    if (problems.size() != before)
        return std::nullopt;
    return rate;
}

ModelPrice builtin(const char *model, double in, double out, const char *asOf)
{
    ModelPrice p;
    p.model = QLatin1String(model);
    p.inputPer1M = in;
    p.outputPer1M = out;
    p.currency = QStringLiteral("USD");
    p.asOf = QLatin1String(asOf);
    p.source = QStringLiteral("builtin");
    return p;
}

} // namespace

double BlendedRate::monthlyCost() const
{
    if (utilizationSource == QLatin1String("direct"))
        return per1M * tokensPerMonth / 1e6;
    return hardwareCost / std::max(1, amortizationMonths) + powerWatts / 1000.0 * CostModel::kHoursPerMonth * pricePerKwh
           + operationsPerMonth;
}

const QList<ModelPrice> &CostModel::builtinPrices()
{
    // Public list prices per 1M tokens (standard tier, no batch or cache discounts, shortest
    // context band), as published by each vendor on the date given. Editable defaults: check
    // them against the vendor's price page and override in "costs"/"prices".
    static const QList<ModelPrice> prices = {
        builtin("gpt-4o", 2.50, 10.00, "2025-06-01"),
        builtin("gpt-4o-mini", 0.15, 0.60, "2025-06-01"),
        builtin("gpt-4.1", 2.00, 8.00, "2025-06-01"),
        builtin("gpt-4.1-mini", 0.40, 1.60, "2025-06-01"),
        builtin("gpt-4.1-nano", 0.10, 0.40, "2025-06-01"),
        builtin("o3", 2.00, 8.00, "2025-06-15"),
        builtin("o3-mini", 1.10, 4.40, "2025-06-01"),
        builtin("o4-mini", 1.10, 4.40, "2025-06-01"),
        builtin("text-embedding-3-small", 0.02, 0.0, "2025-06-01"),
        builtin("text-embedding-3-large", 0.13, 0.0, "2025-06-01"),
        builtin("claude-opus-4", 15.00, 75.00, "2025-06-01"),
        builtin("claude-sonnet-4", 3.00, 15.00, "2025-06-01"),
        builtin("claude-3-7-sonnet", 3.00, 15.00, "2025-06-01"),
        builtin("claude-3-5-haiku", 0.80, 4.00, "2025-06-01"),
        builtin("gemini-2.5-pro", 1.25, 10.00, "2025-06-17"),
        builtin("gemini-2.5-flash", 0.30, 2.50, "2025-06-17"),
        builtin("gemini-2.0-flash", 0.10, 0.40, "2025-06-01"),
        builtin("mistral-large", 2.00, 6.00, "2025-06-01"),
        builtin("mistral-small", 0.10, 0.30, "2025-06-01"),
    };
    return prices;
}

QString CostModel::builtinPricesDate()
{
    return QStringLiteral("2025-06-17");
}

CostModel::CostModel()
{
    for (const ModelPrice &p : builtinPrices())
        m_prices.insert(p.model, p);
}

double CostModel::blendedRatePer1M(double hardwareCost, int amortizationMonths, double powerWatts, double pricePerKwh,
                                   double operationsPerMonth, double tokensPerMonth)
{
    if (amortizationMonths < 1 || tokensPerMonth <= 0)
        return 0.0;
    const double monthly = hardwareCost / amortizationMonths + powerWatts / 1000.0 * kHoursPerMonth * pricePerKwh
                           + operationsPerMonth;
    return monthly / tokensPerMonth * 1e6;
}

CostModel CostModel::fromJson(const nlohmann::json &section, const QString &jsonPathPrefix, QStringList &problems)
{
    CostModel model;
    Fields root(section, jsonPathPrefix, problems);
    if (!root.ok())
        return model;
    if (auto currency = root.string("currency", false)) {
        static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
        if (!code.match(*currency).hasMatch())
            root.problem("currency", QStringLiteral("must be an ISO 4217 code such as \"USD\" or \"EUR\""));
        else
            model.m_currency = *currency;
    }
    const bool useBuiltins = root.boolean("builtin_prices").value_or(true);
    if (!useBuiltins)
        model.m_prices.clear();
    else if (model.m_currency != QLatin1String("USD"))
        root.problem("builtin_prices", QStringLiteral("the built-in prices are in USD; set \"builtin_prices\": false "
                                                      "when \"currency\" is %1 (there is no currency conversion)")
                                           .arg(model.m_currency));

    if (const nlohmann::json *prices = root.get("prices")) {
        if (!prices->is_array()) {
            root.problem("prices", QStringLiteral("must be an array, found %1").arg(typeName(*prices)));
        } else {
            QSet<QString> seen;
            for (size_t i = 0; i < prices->size(); ++i) {
                const QString path = root.path("prices") + QLatin1Char('/') + QString::number(i);
                Fields p((*prices)[i], path, problems);
                if (!p.ok())
                    continue;
                ModelPrice price;
                price.source = QStringLiteral("config");
                price.model = p.string("model", true).value_or(QString());
                price.inputPer1M = p.number("input_per_1m", true, 0.0).value_or(0.0);
                price.outputPer1M = p.number("output_per_1m", true, 0.0).value_or(0.0);
                price.currency = p.string("currency", false).value_or(model.m_currency);
                if (price.currency != model.m_currency)
                    p.problem("currency", QStringLiteral("must be %1 like %2/currency (there is no currency conversion)")
                                              .arg(model.m_currency, jsonPathPrefix));
                if (auto asOf = p.string("as_of", false)) {
                    if (!isDate(*asOf))
                        p.problem("as_of", QStringLiteral("must be a date YYYY-MM-DD"));
                    price.asOf = *asOf;
                }
                p.rejectUnknownKeys();
                if (!price.model.isEmpty()) {
                    if (seen.contains(price.model))
                        p.problem("model", QStringLiteral("\"%1\" is priced twice").arg(price.model));
                    seen.insert(price.model);
                    model.m_prices.insert(price.model, price);
                }
            }
        }
    }

    if (const nlohmann::json *equivalents = root.get("cloud_equivalents")) {
        if (!equivalents->is_object()) {
            root.problem("cloud_equivalents", QStringLiteral("must be an object mapping on-prem model names to cloud model names"));
        } else {
            for (auto it = equivalents->begin(); it != equivalents->end(); ++it) {
                const QString path = root.path("cloud_equivalents") + QLatin1Char('/') + pointerToken(it.key());
                if (!it.value().is_string() || it.value().get<std::string>().empty()) {
                    problems.append(path + QStringLiteral(": must be a cloud model name"));
                    continue;
                }
                model.m_cloudEquivalents.insert(QString::fromStdString(it.key()), QString::fromStdString(it.value().get<std::string>()));
            }
        }
    }

    if (const nlohmann::json *onprem = root.get("onprem")) {
        Fields o(*onprem, root.path("onprem"), problems);
        if (o.ok()) {
            if (const nlohmann::json *measured = o.get("measured_volume")) {
                Fields m(*measured, o.path("measured_volume"), problems);
                if (m.ok()) {
                    auto whole = [&m](const std::string &key, int fallback, int min, int max) {
                        const auto value = m.number(key, false, min, false, max);
                        if (value && *value != double(int(*value)))
                            m.problem(key, QStringLiteral("must be a whole number"));
                        return value ? int(*value) : fallback;
                    };
                    model.m_measuredVolume.enabled = m.boolean("enabled").value_or(true);
                    model.m_measuredVolume.windowDays = whole("window_days", 30, 1, 366);
                    model.m_measuredVolume.minDays = whole("min_days", 7, 0, 366);
                    model.m_measuredVolume.recomputeMinutes = whole("recompute_minutes", 60, 1, 10080);
                    if (model.m_measuredVolume.minDays > model.m_measuredVolume.windowDays)
                        m.problem("min_days", QStringLiteral("cannot be longer than window_days"));
                    m.rejectUnknownKeys();
                }
            }
            if (const nlohmann::json *def = o.get("default"))
                model.m_defaultRate = readRate(*def, o.path("default"), QString(), problems);
            if (const nlohmann::json *endpoints = o.get("endpoints")) {
                if (!endpoints->is_object()) {
                    o.problem("endpoints", QStringLiteral("must be an object keyed by endpoint id"));
                } else {
                    for (auto it = endpoints->begin(); it != endpoints->end(); ++it) {
                        const QString id = QString::fromStdString(it.key());
                        const QString path = o.path("endpoints") + QLatin1Char('/') + pointerToken(it.key());
                        if (auto rate = readRate(it.value(), path, id, problems))
                            model.m_endpointRates.insert(id, *rate);
                    }
                }
            }
            o.rejectUnknownKeys();
        }
    }
    root.rejectUnknownKeys();

    // An equivalent without a price would silently leave on-prem traffic without a comparison.
    for (auto it = model.m_cloudEquivalents.cbegin(); it != model.m_cloudEquivalents.cend(); ++it) {
        if (!model.priceFor(it.value()))
            problems.append(root.path("cloud_equivalents") + QLatin1Char('/') + pointerToken(it.key().toStdString())
                            + QStringLiteral(": no price for cloud model \"%1\"").arg(it.value()));
    }
    return model;
}

std::optional<ModelPrice> CostModel::priceFor(const QString &model) const
{
    if (model.isEmpty())
        return std::nullopt;
    if (auto it = m_prices.constFind(model); it != m_prices.cend())
        return *it;
    // Dated snapshots ("gpt-4o-2024-08-06") take the price of their family: the longest
    // priced name that the model starts with, followed by '-'.
    const ModelPrice *best = nullptr;
    for (auto it = m_prices.cbegin(); it != m_prices.cend(); ++it) {
        const QString &key = it.key();
        if (model.size() > key.size() && model.startsWith(key) && model.at(key.size()) == QLatin1Char('-')
            && (!best || key.size() > best->model.size()))
            best = &it.value();
    }
    if (best)
        return *best;
    return std::nullopt;
}

std::optional<BlendedRate> CostModel::rateFor(const QString &endpointId) const
{
    if (auto it = m_endpointRates.constFind(endpointId); it != m_endpointRates.cend())
        return *it;
    return m_defaultRate;
}

double CostModel::listPrice(const ModelPrice &price, qint64 tokensIn, qint64 tokensOut)
{
    return double(std::max<qint64>(0, tokensIn)) * price.inputPer1M / 1e6
           + double(std::max<qint64>(0, tokensOut)) * price.outputPer1M / 1e6;
}

double CostModel::blended(const BlendedRate &rate, qint64 tokensIn, qint64 tokensOut)
{
    return double(std::max<qint64>(0, tokensIn) + std::max<qint64>(0, tokensOut)) * rate.per1M / 1e6;
}

std::optional<BlendedRate> CostModel::effectiveRate(const QString &endpointId, const MeasuredVolume *measured) const
{
    std::optional<BlendedRate> rate = rateFor(endpointId);
    if (!rate || !measured || !measured->sufficient || !m_measuredVolume.enabled
        || rate->utilizationSource == QLatin1String("direct"))
        return rate;
    // The default rate prices the whole cluster with the cluster's volume; an endpoint with
    // hardware figures of its own, with its own volume.
    const auto it = measured->tokensPerMonthByEndpoint.constFind(rate->endpointId);
    if (it == measured->tokensPerMonthByEndpoint.cend() || *it <= 0)
        return rate;
    rate->tokensPerMonth = *it;
    rate->utilizationSource = QStringLiteral("audit");
    rate->per1M = blendedRatePer1M(rate->hardwareCost, rate->amortizationMonths, rate->powerWatts, rate->pricePerKwh,
                                   rate->operationsPerMonth, rate->tokensPerMonth);
    return rate;
}

CostResult CostModel::cost(const QString &model, const QString &tier, const QString &endpointId, qint64 tokensIn,
                           qint64 tokensOut, const MeasuredVolume *measured) const
{
    CostResult result;
    result.currency = m_currency;
    if (tier == QLatin1String("cloud")) {
        if (auto price = priceFor(model)) {
            result.amount = listPrice(*price, tokensIn, tokensOut);
            result.basis = QStringLiteral("list_price");
        }
        if (auto rate = m_defaultRate ? effectiveRate(QString(), measured) : std::nullopt) {
            result.counterfactual = blended(*rate, tokensIn, tokensOut);
            result.counterfactualBasis = QStringLiteral("blended_rate");
        }
    } else if (tier == QLatin1String("onprem")) {
        if (auto rate = effectiveRate(endpointId, measured)) {
            result.amount = blended(*rate, tokensIn, tokensOut);
            result.basis = QStringLiteral("blended_rate");
        }
        const QString equivalent = m_cloudEquivalents.value(model, model);
        if (auto price = priceFor(equivalent)) {
            result.counterfactual = listPrice(*price, tokensIn, tokensOut);
            result.counterfactualBasis = QStringLiteral("list_price");
        }
    }
    return result;
}

void CostModel::apply(AuditRecord &record, const MeasuredVolume *measured) const
{
    const QString model = record.modelServed.isEmpty() ? record.modelRequested : record.modelServed;
    const CostResult c = cost(model, record.tier, record.endpointId, record.tokensIn, record.tokensOut, measured);
    record.costAmount = c.amount;
    record.costCurrency = c.currency;
    record.costBasis = c.basis;
    record.costCounterfactual = c.counterfactual;
}

CostModel CostModel::withMeasuredTokensPerMonth(const QHash<QString, double> &tokensPerMonthByEndpoint) const
{
    CostModel copy = *this;
    auto remeasure = [](BlendedRate &rate, double tokensPerMonth) {
        if (tokensPerMonth <= 0 || rate.utilizationSource == QLatin1String("direct"))
            return;
        rate.tokensPerMonth = tokensPerMonth;
        rate.utilizationSource = QStringLiteral("measured");
        rate.per1M = blendedRatePer1M(rate.hardwareCost, rate.amortizationMonths, rate.powerWatts, rate.pricePerKwh,
                                      rate.operationsPerMonth, rate.tokensPerMonth);
    };
    for (auto it = tokensPerMonthByEndpoint.cbegin(); it != tokensPerMonthByEndpoint.cend(); ++it) {
        // The default rate prices the whole cluster, so it takes the cluster's total (key "");
        // an endpoint's own hardware takes that endpoint's tokens.
        if (it.key().isEmpty()) {
            if (copy.m_defaultRate)
                remeasure(*copy.m_defaultRate, it.value());
        } else if (auto rate = copy.m_endpointRates.find(it.key()); rate != copy.m_endpointRates.end()) {
            remeasure(*rate, it.value());
        }
    }
    return copy;
}

QStringList CostModel::describeBasis(const MeasuredVolume *measured) const
{
    QList<BlendedRate> rates;
    if (m_defaultRate)
        rates.append(*m_defaultRate);
    QStringList ids = m_endpointRates.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids))
        rates.append(m_endpointRates.value(id));
    QStringList lines;
    for (const BlendedRate &configured : std::as_const(rates)) {
        const QString name = configured.endpointId.isEmpty() ? QStringLiteral("default (on-prem cluster)")
                                                            : QStringLiteral("endpoint %1").arg(configured.endpointId);
        const BlendedRate rate = effectiveRate(configured.endpointId, measured).value_or(configured);
        if (rate.utilizationSource == QLatin1String("direct")) {
            lines << QStringLiteral("%1: %2 %3 per 1M tokens, given directly (rate_per_1m)")
                         .arg(name, QString::number(rate.per1M, 'f', 4), m_currency);
            continue;
        }
        QString volume;
        if (rate.utilizationSource == QLatin1String("audit")) {
            volume = QStringLiteral("measured from the audit trail: %1 on-prem tokens in the last %2 day(s), scaled to a month")
                         .arg(measured->tokensInWindow)
                         .arg(measured->coveredDays, 0, 'f', 1);
        } else {
            volume = configured.utilizationSource == QLatin1String("expected")
                         ? QStringLiteral("expected (throughput_tokens_per_second x utilization)")
                         : QStringLiteral("configured (tokens_per_month)");
            if (m_measuredVolume.enabled) {
                if (!measured)
                    volume += QStringLiteral("; the measured volume is not computed yet");
                else if (!measured->sufficient && measured->tokensInWindow == 0)
                    volume += QStringLiteral("; the audit trail has no on-prem tokens in the %1-day window yet").arg(m_measuredVolume.windowDays);
                else if (!measured->sufficient)
                    volume += QStringLiteral("; the audit trail covers %1 of the %2 day(s) needed for a measured volume")
                                  .arg(measured->coveredDays, 0, 'f', 1)
                                  .arg(measured->minDays);
                else
                    volume += QStringLiteral("; no on-prem tokens measured for this endpoint");
            }
        }
        lines << QStringLiteral("%1: %2 %3 per 1M tokens = %4 %3 a month / %5 tokens a month, %6")
                     .arg(name, QString::number(rate.per1M, 'f', 4), m_currency, QString::number(rate.monthlyCost(), 'f', 2),
                          QString::number(rate.tokensPerMonth, 'f', 0), volume);
    }
    return lines;
}

} // namespace perimeter::observe
