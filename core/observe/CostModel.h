// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include "MeasuredVolume.h"
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace perimeter::observe {

// A cloud list price, per million tokens.
struct ModelPrice {
    QString model;            // exact model name, or a prefix matched at a '-' boundary
    double inputPer1M = 0.0;
    double outputPer1M = 0.0;
    QString currency = QStringLiteral("USD");
    QString asOf;             // YYYY-MM-DD the price was read
    QString source;           // "builtin" or "config"
};

// The on-prem price of a million tokens, derived from what the hardware costs to own and run.
struct BlendedRate {
    QString endpointId;       // "" = the default: the whole on-prem cluster's figures, used for
                              // every on-prem endpoint without its own and for counterfactuals
    double hardwareCost = 0.0;
    int amortizationMonths = 0;
    double powerWatts = 0.0;
    double pricePerKwh = 0.0;
    double operationsPerMonth = 0.0;
    double tokensPerMonth = 0.0;   // served (measured) or expected
    QString utilizationSource;     // "measured" (configured tokens_per_month) | "expected" | "direct" (rate_per_1m given)
                                   // | "audit" (measured from the audit trail, measured_volume)
    double per1M = 0.0;

    double monthlyCost() const;
};

struct CostResult {
    double amount = 0.0;
    QString currency;
    QString basis;                       // "list_price" | "blended_rate" | "" (no price known)
    std::optional<double> counterfactual; // the same tokens in the other tier
    QString counterfactualBasis;

    bool priced() const { return !basis.isEmpty(); }
};

// Cost attribution for both tiers, so that on-prem and cloud traffic compare in one currency.
//
//   cloud:   cost = tokens_in × input_per_1m / 1e6 + tokens_out × output_per_1m / 1e6
//   on-prem: monthly_cost   = hardware_cost / amortization_months
//                           + power_watts / 1000 × 730.5 h × price_per_kwh
//                           + operations_per_month
//            tokens/month   = tokens_per_month (measured), or
//                             throughput_tokens_per_second × utilization × 2 629 800 s
//            rate_per_1m    = monthly_cost / tokens/month × 1e6        (or given directly)
//            cost           = (tokens_in + tokens_out) × rate_per_1m / 1e6
//   with costs/onprem/measured_volume enabled, tokens/month is what the audit trail shows the
//   cluster (default rate) or the endpoint (its own rate) served over a rolling window
//   (MeasuredVolume.h), once the trail covers min_days; until then the configured figure.
//   counterfactual of a cloud request:   its tokens at the default on-prem rate;
//   counterfactual of an on-prem request: its tokens at the list price of the model's
//   configured cloud equivalent (or of the model itself when it has a cloud price).
// 730.5 h is the mean month (8766 h / 12). There is no currency conversion: every price must
// be in the model's one currency. docs/costs.md has the same with worked examples.
//
// Immutable once built, so the gateway thread can call cost() without locks.
class CostModel {
public:
    static constexpr double kHoursPerMonth = 730.5;
    static constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;

    CostModel(); // the built-in list prices, USD, no on-prem rate

    // The config's "costs" object. Every problem is appended as "<json path>: <message>" with
    // jsonPathPrefix (e.g. "/costs") in front; the model is usable only when none was added.
    static CostModel fromJson(const nlohmann::json &section, const QString &jsonPathPrefix, QStringList &problems);

    // Public list prices as known on builtinPricesDate(): editable defaults, overridden by
    // "prices" in the config and switched off with "builtin_prices": false.
    static const QList<ModelPrice> &builtinPrices();
    static QString builtinPricesDate();

    static double blendedRatePer1M(double hardwareCost, int amortizationMonths, double powerWatts, double pricePerKwh,
                                   double operationsPerMonth, double tokensPerMonth);

    // measured: the latest audit-trail volume (MeasuredVolumeWorker), used only when
    // measured_volume is enabled and the measurement is sufficient.
    CostResult cost(const QString &model, const QString &tier, const QString &endpointId, qint64 tokensIn,
                    qint64 tokensOut, const MeasuredVolume *measured = nullptr) const;
    // Fills cost_amount, cost_currency, cost_basis and cost_counterfactual of a finished
    // request's record from its model (served, else requested), tier, endpoint and tokens.
    // A record that never reached a tier costs nothing and has no basis.
    void apply(AuditRecord &record, const MeasuredVolume *measured = nullptr) const;
    // The rate cost() uses for this endpoint (falls back to the default), with the measured
    // volume applied as described above.
    std::optional<BlendedRate> effectiveRate(const QString &endpointId, const MeasuredVolume *measured) const;
    const MeasuredVolumeSettings &measuredVolumeSettings() const { return m_measuredVolume; }
    // One line per on-prem rate (default first, then endpoints by id) saying which token
    // volume the rate divides by and why: for reports (`perimeterctl report cost`).
    QStringList describeBasis(const MeasuredVolume *measured) const;

    // Rates recomputed with tokens actually served per month: key "" for the default rate
    // (the whole on-prem cluster's total), an endpoint id for an endpoint with its own
    // hardware figures. Direct rate_per_1m rates and unknown endpoints are left as they are.
    CostModel withMeasuredTokensPerMonth(const QHash<QString, double> &tokensPerMonthByEndpoint) const;

    QString currency() const { return m_currency; }
    std::optional<ModelPrice> priceFor(const QString &model) const;
    std::optional<BlendedRate> rateFor(const QString &endpointId) const; // falls back to the default
    std::optional<BlendedRate> defaultRate() const { return m_defaultRate; }
    QString cloudEquivalent(const QString &model) const { return m_cloudEquivalents.value(model); }
    QList<ModelPrice> prices() const { return m_prices.values(); }

private:
    static double listPrice(const ModelPrice &price, qint64 tokensIn, qint64 tokensOut);
    static double blended(const BlendedRate &rate, qint64 tokensIn, qint64 tokensOut);

    QString m_currency = QStringLiteral("USD");
    QHash<QString, ModelPrice> m_prices;
    QHash<QString, QString> m_cloudEquivalents;
    std::optional<BlendedRate> m_defaultRate;
    QHash<QString, BlendedRate> m_endpointRates;
    MeasuredVolumeSettings m_measuredVolume;
};

} // namespace perimeter::observe
