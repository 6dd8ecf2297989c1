// SPDX-License-Identifier: Apache-2.0
// End-to-end: a request carrying each finding type goes through a real perimeterd and lands
// in the tier its level permits. The policy prefers the cloud for public and internal data, so
// the tier that answered shows the level the gateway derived; the cloud sim's own record of
// what it received proves that nothing confidential or restricted reached it.
#include "HttpTestClient.h"
#include "ManagedProcess.h"
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter::test;

namespace {
const QByteArray kCallerKey = QByteArrayLiteral("pk-test-caller-key-types-0123456789");

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> pairs)
{
    QJsonObject o;
    for (const auto &p : pairs)
        o.insert(p.first, p.second);
    return o;
}
} // namespace

class ClassifierRoutingE2eTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typeRoutedByItsLevel_data();
    void typeRoutedByItsLevel();
    void organisationMarkerFromPolicy();

private:
    HttpTestResponse chat(const QString &content);
    QJsonArray received(ManagedProcess &sim);
    void reset();
    bool writeFile(const QString &name, const QJsonObject &content, QString *path);

    QTemporaryDir m_dir;
    ManagedProcess m_onprem;
    ManagedProcess m_cloud;
    ManagedProcess m_gateway;
};

bool ClassifierRoutingE2eTest::writeFile(const QString &name, const QJsonObject &content, QString *path)
{
    *path = m_dir.filePath(name);
    QFile file(*path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(QJsonDocument(content).toJson()) > 0;
}

void ClassifierRoutingE2eTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_onprem.start(QStringLiteral("perimeter-sim"),
                            {QStringLiteral("--name"), QStringLiteral("onprem"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--models"), QStringLiteral("mixtral")}),
             qPrintable(m_onprem.errorOutput()));
    QVERIFY2(m_cloud.start(QStringLiteral("perimeter-sim"),
                           {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--port"), QStringLiteral("0"),
                            QStringLiteral("--models"), QStringLiteral("mixtral")}),
             qPrintable(m_cloud.errorOutput()));

    const QJsonObject policy = obj({
        {QStringLiteral("version"), QStringLiteral("types-e2e-1")},
        {QStringLiteral("levels"), obj({{QStringLiteral("public"), QJsonArray{QStringLiteral("cloud"), QStringLiteral("onprem")}},
                                        {QStringLiteral("internal"), QJsonArray{QStringLiteral("cloud"), QStringLiteral("onprem")}},
                                        {QStringLiteral("confidential"), QJsonArray{QStringLiteral("onprem")}},
                                        {QStringLiteral("restricted"), QJsonArray{QStringLiteral("onprem")}}})},
        {QStringLiteral("classifier"),
         obj({{QStringLiteral("markers"),
               QJsonArray{obj({{QStringLiteral("name"), QStringLiteral("banners")},
                               {QStringLiteral("type"), QStringLiteral("ORG_MARKER")},
                               {QStringLiteral("level"), QStringLiteral("restricted")},
                               {QStringLiteral("terms"), QJsonArray{QStringLiteral("Project Nightingale")}}})}}})},
    });
    QString policyPath;
    QVERIFY(writeFile(QStringLiteral("policy.json"), policy, &policyPath));

    const QString hash = QString::fromLatin1(QCryptographicHash::hash(kCallerKey, QCryptographicHash::Sha256).toHex());
    const QJsonObject config = obj({
        {QStringLiteral("listen"), obj({{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}})},
        {QStringLiteral("data_dir"), QStringLiteral("var")},
        {QStringLiteral("callers"), QJsonArray{obj({{QStringLiteral("id"), QStringLiteral("alice")},
                                                    {QStringLiteral("team"), QStringLiteral("risk")},
                                                    {QStringLiteral("api_key_sha256"), hash}})}},
        {QStringLiteral("endpoints"),
         QJsonArray{obj({{QStringLiteral("id"), QStringLiteral("gpu-1")}, {QStringLiteral("tier"), QStringLiteral("onprem")},
                         {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_onprem.port())}}),
                    obj({{QStringLiteral("id"), QStringLiteral("cloud-1")}, {QStringLiteral("tier"), QStringLiteral("cloud")},
                         {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_cloud.port())}})}},
        {QStringLiteral("models"), QJsonArray{obj({{QStringLiteral("name"), QStringLiteral("mixtral")},
                                                   {QStringLiteral("kind"), QStringLiteral("chat")},
                                                   {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-1"), QStringLiteral("cloud-1")}}})}},
        {QStringLiteral("policy"), policyPath},
        // Probes would show up in the sims' records of what they received.
        {QStringLiteral("health_checks"), obj({{QStringLiteral("enabled"), false}})},
    });
    QString configPath;
    QVERIFY(writeFile(QStringLiteral("perimeter.json"), config, &configPath));
    QVERIFY2(m_gateway.start(QStringLiteral("perimeterd"), {QStringLiteral("--config"), configPath}),
             qPrintable(m_gateway.errorOutput()));
}

void ClassifierRoutingE2eTest::cleanupTestCase()
{
    if (m_gateway.isRunning())
        QCOMPARE(m_gateway.terminate(), 0);
    m_onprem.terminate();
    m_cloud.terminate();
}

HttpTestResponse ClassifierRoutingE2eTest::chat(const QString &content)
{
    const QJsonObject body = obj({{QStringLiteral("model"), QStringLiteral("mixtral")},
                                  {QStringLiteral("messages"), QJsonArray{obj({{QStringLiteral("role"), QStringLiteral("user")},
                                                                               {QStringLiteral("content"), content}})}}});
    return HttpTestClient::request("POST", QUrl(m_gateway.url() + QStringLiteral("/v1/chat/completions")),
                                   QJsonDocument(body).toJson(QJsonDocument::Compact),
                                   {{"authorization", "Bearer " + kCallerKey}}, 20000);
}

QJsonArray ClassifierRoutingE2eTest::received(ManagedProcess &sim)
{
    const auto response = HttpTestClient::request("GET", QUrl(sim.url() + QStringLiteral("/__sim/received")));
    return QJsonDocument::fromJson(response.body).array();
}

void ClassifierRoutingE2eTest::reset()
{
    for (auto *sim : {&m_onprem, &m_cloud})
        HttpTestClient::request("POST", QUrl(sim->url() + QStringLiteral("/__sim/reset")));
}

void ClassifierRoutingE2eTest::typeRoutedByItsLevel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("level");
    const auto row = [](const char *type, const char *text, const char *level) {
        QTest::newRow(type) << QString::fromUtf8(text) << QByteArray(level);
    };
    // Valid values (checksums hold) inside ordinary sentences; the default type → level map.
    row("CREDIT_CARD", "Please charge card 4111 1111 1111 1111 for the order.", "confidential");
    row("IBAN", "Wire it to IBAN DE89 3704 0044 0532 0130 00 by Friday.", "confidential");
    row("US_SSN", "Here's my SSN: 460-89-9847 for the form.", "restricted");
    row("US_ITIN", "My ITIN is 911-53-1234 on the tax return.", "restricted");
    row("US_PASSPORT", "Her US passport number is A12803456.", "restricted");
    row("US_BANK_NUMBER", "Deposit into bank account number 945456787654 please.", "confidential");
    row("UK_NHS", "The patient's NHS number is 221 395 1837.", "confidential");
    row("UK_NINO", "My national insurance number is AB 12 34 56 C.", "restricted");
    row("ES_NIF", "Mi DNI es 12345678Z.", "restricted");
    row("ES_NIE", "Mi NIE es Y8063915-Z.", "restricted");
    row("IT_FISCAL_CODE", "Il mio codice fiscale è RSSMRA85T10A562S.", "restricted");
    row("AU_TFN", "My tax file number is 876 543 210.", "restricted");
    row("AU_MEDICARE", "Medicare card number 2123 45670 1 for the claim.", "confidential");
    row("IN_AADHAAR", "My aadhaar number is 3123 4567 8909.", "restricted");
    row("IN_PAN", "My PAN number is ABBPM4567S.", "restricted");
    row("SG_NRIC_FIN", "NRIC S2740116C for the booking.", "restricted");
    row("PL_PESEL", "My pesel is 44051401458.", "restricted");
    row("FI_PERSONAL_IDENTITY_CODE", "Henkilötunnus 131052-308T.", "restricted");
    row("CRYPTO", "Send the BTC to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ today.", "confidential");
    row("MEDICAL_LICENSE", "my DEA certificate number is: BB1388568", "confidential");
    row("SECRET aws", "our deploy key is AKIAZ7QX4M2PLKWT3VBN, why does it fail?", "restricted");
    row("SECRET github", "token = ghp_R7kq2LmX9vTz4NwB8cYp3JdF6hGs1QaE5uWo", "restricted");
    row("SECRET private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq3\n-----END RSA PRIVATE KEY-----", "restricted");
    row("SECRET connection string", "DATABASE_URL=postgres://app:S3cr3tPassw0rd@db.internal:5432/prod", "restricted");
    row("EMAIL_ADDRESS", "Mail the summary to info@presidio.site please.", "internal");
    row("PHONE_NUMBER", "Call me at +44 (20) 7123 4567 tomorrow.", "internal");
    row("IP_ADDRESS", "The host at 203.0.113.45 is slow.", "internal");
    row("AU_ABN", "Our ABN is 51 824 753 556.", "internal");
    row("IT_VAT_CODE", "Partita IVA 01333550323.", "internal");
    row("public prose", "What is the capital of France?", "public");
}

void ClassifierRoutingE2eTest::typeRoutedByItsLevel()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, level);
    reset();
    const auto r = chat(text);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-perimeter-sensitivity"), level);
    const bool mayLeave = level == "public" || level == "internal";
    QCOMPARE(r.header("x-perimeter-tier"), mayLeave ? QByteArray("cloud") : QByteArray("onprem"));
    QCOMPARE(received(m_cloud).size(), mayLeave ? 1 : 0);
    QCOMPARE(received(m_onprem).size(), mayLeave ? 0 : 1);
}

// A policy-defined marker (no rebuild, matched case and whitespace insensitively) raises the level.
void ClassifierRoutingE2eTest::organisationMarkerFromPolicy()
{
    reset();
    const auto r = chat(QStringLiteral("Summarise the status of PROJECT   nightingale for the board."));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-perimeter-sensitivity"), QByteArray("restricted"));
    QCOMPARE(r.header("x-perimeter-tier"), QByteArray("onprem"));
    QCOMPARE(received(m_cloud).size(), 0);
}

QTEST_GUILESS_MAIN(ClassifierRoutingE2eTest)
#include "tst_classifier_routing_e2e.moc"
