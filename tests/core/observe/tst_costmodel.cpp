// SPDX-License-Identifier: Apache-2.0
#include "observe/CostModel.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter::observe;
using nlohmann::json;

namespace {

// 360 000 over 36 months = 10 000; 5 000 W × 730.5 h = 3 652.5 kWh × 0.20 = 730.5;
// operations 2 269.5: 13 000 a month. At 1.3e9 tokens a month: 10 per 1M tokens.
json clusterRate()
{
    return json{{"hardware_cost", 360000}, {"amortization_months", 36}, {"power_watts", 5000},
                {"price_per_kwh", 0.20}, {"operations_per_month", 2269.5}, {"tokens_per_month", 1.3e9}};
}

json sampleCosts()
{
    return json{{"currency", "USD"},
                {"prices", json::array({json{{"model", "gpt-4o"}, {"input_per_1m", 2.5}, {"output_per_1m", 10}, {"as_of", "2025-06-01"}},
                                        json{{"model", "house-model"}, {"input_per_1m", 1}, {"output_per_1m", 2}}})},
                {"cloud_equivalents", json{{"llama-70b", "gpt-4o-mini"}}},
                {"onprem", json{{"default", clusterRate()},
                                {"endpoints", json{{"gpu-2", json{{"rate_per_1m", 4.0}}}}}}}};
}

CostModel sampleModel()
{
    QStringList problems;
    CostModel model = CostModel::fromJson(sampleCosts(), QStringLiteral("/costs"), problems);
    if (!problems.isEmpty())
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
    return model;
}

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b));
}

} // namespace

class tst_CostModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void blendedRateArithmetic();
    void expectedThroughputRate();
    void cost_data();
    void cost();
    void datedSnapshotsTakeTheFamilyPrice_data();
    void datedSnapshotsTakeTheFamilyPrice();
    void applyFillsTheRecord();
    void applyLeavesUnroutedRecordsUnpriced();
    void measuredUtilizationReplacesTheEstimate();
    void builtinTableIsDatedAndUsd();
    void builtinPricesCanBeSwitchedOff();
    void problemsAreListedByPath_data();
    void problemsAreListedByPath();
};

void tst_CostModel::blendedRateArithmetic()
{
    QVERIFY(near(CostModel::blendedRatePer1M(360000, 36, 5000, 0.20, 2269.5, 1.3e9), 10.0));
    const CostModel model = sampleModel();
    const auto rate = model.defaultRate();
    QVERIFY(rate);
    QVERIFY(near(rate->monthlyCost(), 13000.0));
    QVERIFY(near(rate->per1M, 10.0));
    QCOMPARE(rate->utilizationSource, QStringLiteral("measured"));
    QCOMPARE(CostModel::blendedRatePer1M(1000, 0, 0, 0, 0, 1e6), 0.0);
    QCOMPARE(CostModel::blendedRatePer1M(1000, 12, 0, 0, 0, 0), 0.0);
}

void tst_CostModel::expectedThroughputRate()
{
    // 2 000 tokens/s at 50 % for a mean month (2 629 800 s) = 2 629 800 000 tokens;
    // 26 298 a month then costs exactly 10 per 1M tokens.
    json costs{{"builtin_prices", false},
               {"onprem", json{{"default", json{{"hardware_cost", 26298 * 12}, {"amortization_months", 12},
                                                {"throughput_tokens_per_second", 2000}, {"utilization", 0.5}}}}}};
    QStringList problems;
    const CostModel model = CostModel::fromJson(costs, QStringLiteral("/costs"), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(near(model.defaultRate()->tokensPerMonth, 2629800000.0));
    QVERIFY(near(model.defaultRate()->per1M, 10.0));
    QCOMPARE(model.defaultRate()->utilizationSource, QStringLiteral("expected"));
}

void tst_CostModel::cost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<qint64>("in");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<double>("amount");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<double>("counterfactual"); // -1: none
    QTest::addColumn<QString>("counterfactualBasis");

    // 1000 × 2.5 / 1e6 + 500 × 10 / 1e6 = 0.0075; on-prem: 1500 × 10 / 1e6 = 0.015.
    QTest::newRow("cloud list price") << "gpt-4o" << "cloud" << "openai" << qint64(1000) << qint64(500) << 0.0075
                                      << "list_price" << 0.015 << "blended_rate";
    // gpt-4o-mini from the built-in table: 0.15 / 0.60.
    QTest::newRow("cloud built-in price") << "gpt-4o-mini" << "cloud" << "openai" << qint64(2000000) << qint64(1000000)
                                          << 0.9 << "list_price" << 30.0 << "blended_rate";
    QTest::newRow("cloud model without a price") << "mystery" << "cloud" << "openai" << qint64(1000) << qint64(0) << 0.0
                                                 << "" << 0.01 << "blended_rate";
    // On-prem at the default rate; llama-70b compares with gpt-4o-mini: 1000 × 0.15 + 500 × 0.6 per 1M.
    QTest::newRow("on-prem default rate, cloud equivalent") << "llama-70b" << "onprem" << "gpu-1" << qint64(1000)
                                                            << qint64(500) << 0.015 << "blended_rate" << 0.00045 << "list_price";
    QTest::newRow("on-prem endpoint's own rate") << "llama-70b" << "onprem" << "gpu-2" << qint64(1000) << qint64(500)
                                                 << 0.006 << "blended_rate" << 0.00045 << "list_price";
    QTest::newRow("on-prem model priced in the cloud") << "house-model" << "onprem" << "gpu-1" << qint64(1000000)
                                                       << qint64(1000000) << 20.0 << "blended_rate" << 3.0 << "list_price";
    QTest::newRow("on-prem without a comparison") << "local-only" << "onprem" << "gpu-1" << qint64(10) << qint64(10)
                                                  << 0.0002 << "blended_rate" << -1.0 << "";
    QTest::newRow("never reached a tier") << "gpt-4o" << "" << "" << qint64(1000) << qint64(0) << 0.0 << "" << -1.0 << "";
    QTest::newRow("negative tokens count as none") << "gpt-4o" << "cloud" << "openai" << qint64(-5) << qint64(0) << 0.0
                                                   << "list_price" << 0.0 << "blended_rate";
}

void tst_CostModel::cost()
{
    QFETCH(QString, model);
    QFETCH(QString, tier);
    QFETCH(QString, endpoint);
    QFETCH(qint64, in);
    QFETCH(qint64, out);
    QFETCH(double, amount);
    QFETCH(QString, basis);
    QFETCH(double, counterfactual);
    QFETCH(QString, counterfactualBasis);
    const CostResult r = sampleModel().cost(model, tier, endpoint, in, out);
    QVERIFY2(near(r.amount, amount), qPrintable(QString::number(r.amount, 'g', 17)));
    QCOMPARE(r.basis, basis);
    QCOMPARE(r.currency, QStringLiteral("USD"));
    QCOMPARE(r.priced(), !basis.isEmpty());
    if (counterfactual < 0) {
        QVERIFY(!r.counterfactual);
    } else {
        QVERIFY(r.counterfactual);
        QVERIFY2(near(*r.counterfactual, counterfactual), qPrintable(QString::number(*r.counterfactual, 'g', 17)));
    }
    QCOMPARE(r.counterfactualBasis, counterfactualBasis);
}

void tst_CostModel::datedSnapshotsTakeTheFamilyPrice_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("priced");
    QTest::newRow("exact") << "gpt-4o" << "gpt-4o";
    QTest::newRow("dated gpt-4o") << "gpt-4o-2024-08-06" << "gpt-4o";
    QTest::newRow("longest family wins") << "gpt-4o-mini-2024-07-18" << "gpt-4o-mini";
    QTest::newRow("claude dated") << "claude-sonnet-4-20250514" << "claude-sonnet-4";
    QTest::newRow("no boundary") << "gpt-4omega" << "";
    QTest::newRow("unknown") << "llama-70b" << "";
}

void tst_CostModel::datedSnapshotsTakeTheFamilyPrice()
{
    QFETCH(QString, model);
    QFETCH(QString, priced);
    const auto price = CostModel().priceFor(model);
    QCOMPARE(price ? price->model : QString(), priced);
}

void tst_CostModel::applyFillsTheRecord()
{
    AuditRecord r;
    r.modelRequested = QStringLiteral("gpt-4o");
    r.modelServed = QStringLiteral("gpt-4o-2024-08-06");
    r.tier = QStringLiteral("cloud");
    r.endpointId = QStringLiteral("openai");
    r.tokensIn = 1000;
    r.tokensOut = 500;
    sampleModel().apply(r);
    QVERIFY(near(r.costAmount, 0.0075));
    QCOMPARE(r.costCurrency, QStringLiteral("USD"));
    QCOMPARE(r.costBasis, QStringLiteral("list_price"));
    QVERIFY(r.costCounterfactual && near(*r.costCounterfactual, 0.015));
}

void tst_CostModel::applyLeavesUnroutedRecordsUnpriced()
{
    AuditRecord r;
    r.modelRequested = QStringLiteral("gpt-4o");
    r.decision = QStringLiteral("rejected");
    r.tokensIn = 0;
    sampleModel().apply(r);
    QCOMPARE(r.costAmount, 0.0);
    QVERIFY(r.costBasis.isEmpty());
    QVERIFY(!r.costCounterfactual);
}

void tst_CostModel::measuredUtilizationReplacesTheEstimate()
{
    json costs = sampleCosts();
    costs["onprem"]["endpoints"]["gpu-3"] = clusterRate();
    QStringList problems;
    const CostModel model = CostModel::fromJson(costs, QStringLiteral("/costs"), problems);
    QVERIFY(problems.isEmpty());
    // Half the tokens the estimate assumed: the same costs spread over fewer tokens.
    const CostModel measured = model.withMeasuredTokensPerMonth(
        {{QString(), 0.65e9}, {QStringLiteral("gpu-3"), 2.6e9}, {QStringLiteral("gpu-2"), 1e9}, {QStringLiteral("nope"), 1e9}});
    QVERIFY(near(measured.defaultRate()->per1M, 20.0));
    QVERIFY(near(measured.rateFor(QStringLiteral("gpu-3"))->per1M, 5.0));
    QVERIFY(near(measured.rateFor(QStringLiteral("gpu-2"))->per1M, 4.0)); // a direct rate stays
    QCOMPARE(measured.rateFor(QStringLiteral("gpu-3"))->utilizationSource, QStringLiteral("measured"));
    QVERIFY(near(model.defaultRate()->per1M, 10.0)); // the original is unchanged
}

void tst_CostModel::builtinTableIsDatedAndUsd()
{
    QVERIFY(CostModel::builtinPrices().size() >= 10);
    const QDate tableDate = QDate::fromString(CostModel::builtinPricesDate(), Qt::ISODate);
    QVERIFY(tableDate.isValid());
    QSet<QString> names;
    for (const ModelPrice &p : CostModel::builtinPrices()) {
        QCOMPARE(p.currency, QStringLiteral("USD"));
        QCOMPARE(p.source, QStringLiteral("builtin"));
        const QDate asOf = QDate::fromString(p.asOf, Qt::ISODate);
        QVERIFY2(asOf.isValid() && asOf <= tableDate, qPrintable(p.model));
        QVERIFY(p.inputPer1M > 0);
        QVERIFY(p.outputPer1M >= 0);
        QVERIFY2(!names.contains(p.model), qPrintable(p.model));
        names.insert(p.model);
    }
    QVERIFY(names.contains(QStringLiteral("gpt-4o")));
}

void tst_CostModel::builtinPricesCanBeSwitchedOff()
{
    QStringList problems;
    const CostModel eur = CostModel::fromJson(
        json{{"currency", "EUR"}, {"builtin_prices", false},
             {"prices", json::array({json{{"model", "mistral-large"}, {"input_per_1m", 1.8}, {"output_per_1m", 5.4}, {"currency", "EUR"}}})}},
        QStringLiteral("/costs"), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(!eur.priceFor(QStringLiteral("gpt-4o")));
    const CostResult r = eur.cost(QStringLiteral("mistral-large"), QStringLiteral("cloud"), QString(), 1000000, 0);
    QCOMPARE(r.currency, QStringLiteral("EUR"));
    QVERIFY(near(r.amount, 1.8));
}

void tst_CostModel::problemsAreListedByPath_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QStringList>("expected");
    auto rows = [](const char *name, const char *text, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(text) << expected;
    };
    rows("not an object", "[]", {QStringLiteral("/costs: must be an object, found array")});
    rows("unknown key", "{\"curency\": \"USD\"}", {QStringLiteral("/costs/curency: unknown key")});
    rows("bad currency", "{\"currency\": \"dollars\"}",
         {QStringLiteral("/costs/currency: must be an ISO 4217 code such as \"USD\" or \"EUR\"")});
    rows("builtins in another currency", "{\"currency\": \"EUR\"}",
         {QStringLiteral("/costs/builtin_prices: the built-in prices are in USD; set \"builtin_prices\": false when \"currency\" is EUR (there is no currency conversion)")});
    rows("price problems", "{\"prices\": [{\"model\": \"a\", \"input_per_1m\": -1, \"output_per_1m\": \"2\", \"as_of\": \"yesterday\", \"x\": 1}, 7]}",
         {QStringLiteral("/costs/prices/0/input_per_1m: must be a number at least 0"),
          QStringLiteral("/costs/prices/0/output_per_1m: must be a number, found string"),
          QStringLiteral("/costs/prices/0/as_of: must be a date YYYY-MM-DD"),
          QStringLiteral("/costs/prices/0/x: unknown key"),
          QStringLiteral("/costs/prices/1: must be an object, found number")});
    rows("price currency mismatch", "{\"prices\": [{\"model\": \"a\", \"input_per_1m\": 1, \"output_per_1m\": 1, \"currency\": \"EUR\"}]}",
         {QStringLiteral("/costs/prices/0/currency: must be USD like /costs/currency (there is no currency conversion)")});
    rows("model priced twice", "{\"prices\": [{\"model\": \"a\", \"input_per_1m\": 1, \"output_per_1m\": 1}, {\"model\": \"a\", \"input_per_1m\": 1, \"output_per_1m\": 1}]}",
         {QStringLiteral("/costs/prices/1/model: \"a\" is priced twice")});
    rows("equivalent without price", "{\"cloud_equivalents\": {\"llama\": \"nowhere\", \"b\": 3}}",
         {QStringLiteral("/costs/cloud_equivalents/b: must be a cloud model name"),
          QStringLiteral("/costs/cloud_equivalents/llama: no price for cloud model \"nowhere\"")});
    rows("rate without utilization", "{\"onprem\": {\"default\": {\"hardware_cost\": 1, \"amortization_months\": 12}}}",
         {QStringLiteral("/costs/onprem/default: needs tokens_per_month, or throughput_tokens_per_second with utilization, or rate_per_1m")});
    rows("rate with both utilizations", "{\"onprem\": {\"default\": {\"hardware_cost\": 1, \"amortization_months\": 12, \"tokens_per_month\": 5, \"utilization\": 0.5}}}",
         {QStringLiteral("/costs/onprem/default/tokens_per_month: give either tokens_per_month (measured) or throughput_tokens_per_second with utilization (expected), not both")});
    rows("bad rate fields", "{\"onprem\": {\"endpoints\": {\"gpu/1\": {\"hardware_cost\": -5, \"amortization_months\": 1.5, \"power_watts\": 300, \"throughput_tokens_per_second\": 100, \"utilization\": 1.5}}}}",
         {QStringLiteral("/costs/onprem/endpoints/gpu~11/hardware_cost: must be a number at least 0"),
          QStringLiteral("/costs/onprem/endpoints/gpu~11/amortization_months: must be a whole number of months from 1 to 600"),
          QStringLiteral("/costs/onprem/endpoints/gpu~11/price_per_kwh: is required"),
          QStringLiteral("/costs/onprem/endpoints/gpu~11/utilization: must be a number greater than 0 and at most 1")});
    rows("direct rate mixed with hardware", "{\"onprem\": {\"default\": {\"rate_per_1m\": 3, \"hardware_cost\": 10}}}",
         {QStringLiteral("/costs/onprem/default/hardware_cost: cannot be combined with rate_per_1m")});
    rows("zero tokens", "{\"onprem\": {\"default\": {\"hardware_cost\": 10, \"amortization_months\": 1, \"tokens_per_month\": 0}}}",
         {QStringLiteral("/costs/onprem/default/tokens_per_month: must be a number greater than 0")});
}

void tst_CostModel::problemsAreListedByPath()
{
    QFETCH(QString, section);
    QFETCH(QStringList, expected);
    QStringList problems;
    CostModel::fromJson(json::parse(section.toStdString()), QStringLiteral("/costs"), problems);
    QCOMPARE(problems, expected);
}

QTEST_GUILESS_MAIN(tst_CostModel)
#include "tst_costmodel.moc"
