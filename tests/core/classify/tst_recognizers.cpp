// SPDX-License-Identifier: Apache-2.0
// Recognizer tables: positives with exact spans, near-miss negatives, evasions.
#include "classify/ClassifierFactory.h"
#include <QTest>
#include <algorithm>
#include <atomic>
#include <thread>

using namespace perimeter::classify;

class TestRecognizers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void positives_data();
    void positives();
    void negatives_data();
    void negatives();
    void secretSubtypes_data();
    void secretSubtypes();
    void weakNeedsContext();
    void scores();
    void threadSafety();

private:
    std::shared_ptr<const PayloadClassifier> m_classifier;
};

void TestRecognizers::initTestCase()
{
    auto built = ClassifierFactory::build(ClassifierSettings::defaults());
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
    m_classifier = built.value();
}

void TestRecognizers::positives_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    const auto row = [](const char *name, const QString &text, const char *type, int s, int e) {
        QTest::newRow(name) << text << QString::fromLatin1(type) << s << e;
    };
    row("card plain", QStringLiteral("pay with 4111111111111111 now"), "CREDIT_CARD", 9, 25);
    row("card spaced", QStringLiteral("4111 1111 1111 1111"), "CREDIT_CARD", 0, 19);
    row("card dashed amex", QStringLiteral("3714-496353-98431"), "CREDIT_CARD", 0, 17);
    row("card full-width", QStringLiteral("\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11"), "CREDIT_CARD", 0, 16);
    row("card zero-width inside", QStringLiteral("4111\u200B1111\u200C1111\u200D1111"), "CREDIT_CARD", 0, 19);
    row("card unicode escapes", QStringLiteral("\\u0034111111111111111"), "CREDIT_CARD", 0, 21);
    row("card after emoji", QStringLiteral("\U0001F600\U0001F600 4111111111111111"), "CREDIT_CARD", 3, 19);
    row("card arabic-indic digits", QStringLiteral("\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661"), "CREDIT_CARD", 0, 16);
    row("iban grouped", QStringLiteral("IBAN: DE89 3704 0044 0532 0130 00."), "IBAN", 6, 33);
    row("iban compact", QStringLiteral("GB82WEST12345698765432"), "IBAN", 0, 22);
    row("ssn", QStringLiteral("Here's my SSN: 460-89-9847"), "US_SSN", 15, 26);
    row("itin", QStringLiteral("911-53-1234"), "US_ITIN", 0, 11);
    row("nhs", QStringLiteral("221 395 1837"), "UK_NHS", 0, 12);
    row("nino", QStringLiteral("nino: PR 123612C"), "UK_NINO", 6, 16);
    row("nif", QStringLiteral("DNI 12345678Z"), "ES_NIF", 4, 13);
    row("nie", QStringLiteral("Y8063915-Z"), "ES_NIE", 0, 10);
    row("fiscal code", QStringLiteral("CF RSSMRA85T10A562S"), "IT_FISCAL_CODE", 3, 19);
    row("vat", QStringLiteral("P.IVA 01333550323"), "IT_VAT_CODE", 6, 17);
    row("abn", QStringLiteral("51 824 753 556"), "AU_ABN", 0, 14);
    row("tfn", QStringLiteral("876 543 210"), "AU_TFN", 0, 11);
    row("medicare", QStringLiteral("2123 45670 1"), "AU_MEDICARE", 0, 12);
    row("aadhaar", QStringLiteral("3123 4567 8909"), "IN_AADHAAR", 0, 14);
    row("pan", QStringLiteral("My PAN number is ABBPM4567S"), "IN_PAN", 17, 27);
    row("vehicle", QStringLiteral("KA53ME3456"), "IN_VEHICLE_REGISTRATION", 0, 10);
    row("nric", QStringLiteral("S2740116C"), "SG_NRIC_FIN", 0, 9);
    row("pesel", QStringLiteral("My pesel is 44051401458."), "PL_PESEL", 12, 23);
    row("hetu", QStringLiteral("131052-308T"), "FI_PERSONAL_IDENTITY_CODE", 0, 11);
    row("email", QStringLiteral("mail info@presidio.site today"), "EMAIL_ADDRESS", 5, 23);
    row("email punycode", QStringLiteral("a@xn--d1acufc.xn--p1ai"), "EMAIL_ADDRESS", 0, 22);
    row("phone us", QStringLiteral("call (415) 555-0132"), "PHONE_NUMBER", 5, 19);
    row("phone international", QStringLiteral("+44 (20) 7123 4567"), "PHONE_NUMBER", 0, 18);
    row("ipv4 cidr", QStringLiteral("net 10.0.0.0/8"), "IP_ADDRESS", 4, 14);
    row("ipv6 compressed", QStringLiteral("Gateway: fe80::1 on eth0"), "IP_ADDRESS", 9, 16);
    row("ipv6 embedded v4", QStringLiteral("::ffff:192.0.2.1"), "IP_ADDRESS", 0, 16);
    row("url", QStringLiteral("see https://www.microsoft.com/store/abc/."), "URL", 4, 40);
    row("crypto base58", QStringLiteral("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ"), "CRYPTO", 0, 34);
    row("crypto bech32", QStringLiteral("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"), "CRYPTO", 0, 42);
    row("date iso", QStringLiteral("Today is 2024-03-15T14:30:00+02:00 ok"), "DATE_TIME", 9, 34);
    row("dea", QStringLiteral("my certificate number is: BB1388568"), "MEDICAL_LICENSE", 26, 35);
    // spans grown in C++ from a trigger (e-mail, URL, bare domain)
    row("email plus tag subdomains", QStringLiteral("write to first.last+tag@mail.example.co.uk."), "EMAIL_ADDRESS", 9, 42);
    row("email drops invalid last label", QStringLiteral("a@b.com.x1"), "EMAIL_ADDRESS", 0, 7);
    row("email full-width at", QStringLiteral("bob\uFF20example.com"), "EMAIL_ADDRESS", 0, 15);
    row("url upper-case scheme", QStringLiteral("HTTPS://Example.org/x"), "URL", 0, 21);
    row("url with escaped slashes", QStringLiteral("https:\\u002F\\u002Fexample.com"), "URL", 0, 29);
    row("bare domain", QStringLiteral("visit www.example.co.uk today"), "URL", 6, 23);
    // digit windows: separators and short tokens around the digits
    row("nino spaced", QStringLiteral("NI number AB 12 34 56 C"), "UK_NINO", 10, 23);
    row("time pm", QStringLiteral("at 12:30 pm sharp"), "DATE_TIME", 3, 11);
    row("month date", QStringLiteral("born 12 September 2024"), "DATE_TIME", 5, 22);
    row("vehicle spaced", QStringLiteral("MH 12 AB 1234"), "IN_VEHICLE_REGISTRATION", 0, 13);
    row("phone zero-width inside", QStringLiteral("+44\u200B20 7123 4567"), "PHONE_NUMBER", 0, 16);
    row("card in long prose", QStringLiteral("In 1969 the first message was sent; card 4111 1111 1111 1111 on file."), "CREDIT_CARD", 41, 60);
    // structured formats of restricted identifiers count without a context word (kShapeScore)
    row("us passport letter prefix", QStringLiteral("A12803456"), "US_PASSPORT", 0, 9);
    row("sg fin any letter", QStringLiteral("A1234567Z"), "SG_NRIC_FIN", 0, 9);
    row("us licence letter and 7 digits", QStringLiteral("A1234567"), "US_DRIVER_LICENSE", 0, 8);
    row("itin compact", QStringLiteral("ref 911701234"), "US_ITIN", 4, 13);
    // national phone formats count next to a phone word
    row("phone local 3-4 after call", QStringLiteral("Can someone call me on 450 0840?"), "PHONE_NUMBER", 23, 31);
    row("phone 4-4 after mobile", QStringLiteral("my mobile is 9472 7916"), "PHONE_NUMBER", 13, 22);
    row("phone 2-6 after answering", QStringLiteral("not answering at 99 668472"), "PHONE_NUMBER", 17, 26);
    row("phone 3-3-3 after messages", QStringLiteral("stop messages to 699 956 915"), "PHONE_NUMBER", 17, 28);
    row("phone national with phone word after", QStringLiteral("450 0840 is my phone"), "PHONE_NUMBER", 0, 8);
    row("card escape after a long ascii run", QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaa \\u0034111111111111111"), "CREDIT_CARD", 25, 46);
    row("phone national full-width digits", QStringLiteral("call me on \uFF14\uFF15\uFF10 \uFF10\uFF18\uFF14\uFF10"), "PHONE_NUMBER", 11, 19);
    // Italian fiscal code omocodia: digits replaced by L M N P Q R S T U V, check char still valid
    row("fiscal code omocodia one letter", QStringLiteral("CF RSSMRA85T10A56NH"), "IT_FISCAL_CODE", 3, 19);
    row("fiscal code omocodia six letters", QStringLiteral("RSSMRA8RTMLARSNO"), "IT_FISCAL_CODE", 0, 16);
    row("fiscal code omocodia lower case", QStringLiteral("cf: rssmra8rtmlarsno"), "IT_FISCAL_CODE", 4, 20);
}

void TestRecognizers::positives()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(int, start);
    QFETCH(int, end);
    const auto report = m_classifier->classifyText(text);
    bool found = false;
    for (const auto &f : report.findings)
        if (f.type == type && f.start == start && f.end == end)
            found = true;
    QStringList got;
    for (const auto &f : report.findings)
        got << QStringLiteral("%1[%2,%3)").arg(f.type).arg(f.start).arg(f.end);
    QVERIFY2(found, qPrintable(got.join(QLatin1Char(' '))));
}

void TestRecognizers::negatives_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    const auto row = [](const char *name, const QString &text, const char *type) {
        QTest::newRow(name) << text << QString::fromLatin1(type);
    };
    row("luhn-invalid card", QStringLiteral("my card 4012-8888-8888-1882"), "CREDIT_CARD");
    row("card mixed separators", QStringLiteral("4111-1111 1111.1111"), "CREDIT_CARD");
    row("iban wrong check digits", QStringLiteral("AL47 2121 1009 0000 0002 3569 8740"), "IBAN");
    row("iban mixed case", QStringLiteral("LV80 bANK 0000 4351 9500 1"), "IBAN");
    row("ssn area 666", QStringLiteral("666-12-3456"), "US_SSN");
    row("ssn group 00", QStringLiteral("078-00-1123"), "US_SSN");
    row("ssn mixed delimiters", QStringLiteral("693-09.4444"), "US_SSN");
    row("itin bad group", QStringLiteral("my tax id 911-89-1234"), "US_ITIN");
    row("nino bad suffix", QStringLiteral("AA 12 34 56 H"), "UK_NINO");
    row("nie bad letter", QStringLiteral("Y8063915Q"), "ES_NIE");
    row("pesel bad check", QStringLiteral("44051401459"), "PL_PESEL");
    row("hetu bad separator", QStringLiteral("131052/308T"), "FI_PERSONAL_IDENTITY_CODE");
    row("aadhaar leading 1", QStringLiteral("1234:5678:9012"), "IN_AADHAAR");
    row("email without tld", QStringLiteral("my email is info@presidio."), "EMAIL_ADDRESS");
    row("ipv4 octet > 255", QStringLiteral("300.168.1.1"), "IP_ADDRESS");
    row("mac address", QStringLiteral("MAC address aa:bb:cc:dd:ee:ff"), "IP_ADDRESS");
    row("c++ scope", QStringLiteral("std::cout << MyClass::toString"), "IP_ADDRESS");
    row("time", QStringLiteral("Time 12:34:56"), "IP_ADDRESS");
    row("bitcoin bad checksum", QStringLiteral("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2"), "CRYPTO");
    row("url without tld", QStringLiteral("http://microsoft"), "URL");
    row("aws placeholder", QStringLiteral("key = AKIAXXXXXXXXXXXXXXXX"), "SECRET");
    row("aws documentation key", QStringLiteral("aws_access_key: AKIAIOSFODNN7EXAMPLE"), "SECRET");
    row("empty password", QStringLiteral("api_key = \"\""), "SECRET");
    row("env reference", QStringLiteral("password = ${link}"), "SECRET");
    row("fake value", QStringLiteral("password = \"somefakekey\""), "SECRET");
    row("identifier named key", QStringLiteral("keyPressed = kVK_Return.u16"), "SECRET");
    row("secret length", QStringLiteral("secret_length = X25519.secret_length"), "SECRET");
    row("credential id", QStringLiteral("credentialsId: 'ff083f76-7804-4ef1-80e4-fe975bb9141b'"), "SECRET");
    row("slack short", QStringLiteral("xoxb-12345-abcd234"), "SECRET");
    row("curl variables", QStringLiteral("curl -u \"${_username}:${_password}\""), "SECRET");
    row("jwt not json", QStringLiteral("bm90X3ZhbGlkX2pzb25fYXRfYWxs.bm90X3ZhbGlkX2pzb25fYXRfYWxs.SflKxwRJSMeKKF2QT4fw"), "SECRET");
    row("prose", QStringLiteral("The key to success is a good password policy and token rotation."), "SECRET");
    row("zip plus four is not an ssn", QStringLiteral("ZIP 90210-1234"), "US_SSN");
    row("order number is not a licence", QStringLiteral("order 123456789012 shipped"), "US_DRIVER_LICENSE");
    row("gpu name is not a licence", QStringLiteral("train it on H100 or A100 GPUs"), "US_DRIVER_LICENSE");
    // a compact ITIN (9, then a group in the ITIN ranges) counts on its shape; other 9-digit runs do not
    row("order number is not an itin", QStringLiteral("order 812803456 shipped"), "US_ITIN");
    row("url credentials are not an email", QStringLiteral("postgres://app:pw@db.example.com/x"), "EMAIL_ADDRESS");
    row("email domain is not a url", QStringLiteral("mail bob@example.com"), "URL");
    row("dotted code is not a url", QStringLiteral("config.items.count"), "URL");
    row("facebook id too short", QStringLiteral("id 12345|Abcd3FgHiJkLmN0pQrStUvWxYz9AbC"), "SECRET");
    row("quoted low entropy", QStringLiteral("x = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""), "SECRET");
    // national phone formats need a phone word; dates are not phone numbers
    row("digit groups without phone word", QStringLiteral("the ratio was 450 0840 overall"), "PHONE_NUMBER");
    row("date after call", QStringLiteral("call me on 12-05-2024"), "PHONE_NUMBER");
    row("context word inside another word", QStringLiteral("the hotel 450 0840 rooms"), "PHONE_NUMBER");
    row("context word too far away", QStringLiteral("call me later. ") + QString(80, QLatin1Char('x')) + QStringLiteral(" 450 0840"), "PHONE_NUMBER");
    row("card number word is not phone context", QStringLiteral("card number 1234 5678"), "PHONE_NUMBER");
    row("itin inside a dashed reference", QStringLiteral("ref 911701234-2"), "US_ITIN");
    row("itin group out of range", QStringLiteral("ref 911931234"), "US_ITIN");
    row("fiscal code impossible day", QStringLiteral("RSSMRA85T99A562S"), "IT_FISCAL_CODE");
    row("jwt header without alg", QStringLiteral("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"), "SECRET");
    row("jwt header not closed", QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l"), "SECRET");
    row("artifactory prefix inside a word", QStringLiteral("xAKC1234567890ab is a part number"), "SECRET");
    row("artifactory prefix on a word", QStringLiteral("open the APDocuments folder"), "SECRET");
    row("artifactory prefix on a shouted word", QStringLiteral("run APACHESPARKS now"), "SECRET");
    row("artifactory full-length redaction", QStringLiteral("key := AKCpXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"), "SECRET");
    row("provider name inside a word", QStringLiteral("mysentryname = Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB"), "SECRET");
    row("provider with code reference", QStringLiteral("sentry_dsn = os.environ.get(\"SENTRY_DSN\")"), "SECRET");
    row("provider with low-entropy value", QStringLiteral("datadog_site = aaaaaaaaaaaaaaaaaaaaaaaa"), "SECRET");
    row("validated dea number is not a passport shape", QStringLiteral("my DEA certificate number is: BB1388568"), "IT_PASSPORT");
    row("npmrc without registry", QStringLiteral("npm.example.com/:_authToken="), "SECRET");
}

void TestRecognizers::negatives()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    const auto report = m_classifier->classifyText(text);
    for (const auto &f : report.findings)
        QVERIFY2(f.type != type, qPrintable(QStringLiteral("unexpected %1 [%2,%3) by %4").arg(f.type).arg(f.start).arg(f.end).arg(f.recognizer)));
}

void TestRecognizers::secretSubtypes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    const auto row = [](const char *name, const QString &text, const char *subtype, int s, int e) {
        QTest::newRow(name) << text << QString::fromLatin1(subtype) << s << e;
    };
    row("aws", QStringLiteral("id AKIAZ7VQ3YJ4LMNB2XQP done"), "aws-access-key", 3, 23);
    row("github", QStringLiteral("ghp_FgH5bXyAvDBC4ZgSJ6FSqy3X0abEWyvJvqVk"), "github-pat", 0, 40);
    row("gitlab", QStringLiteral("token glpat-xfCBL2jPhv2kNeDPZ_jg"), "gitlab-token", 6, 32);
    row("slack", QStringLiteral("xoxb-263594206564-FGqddMF8t08v8N7Oq4i57vs1"), "slack-token", 0, 42);
    row("stripe", QStringLiteral("sk_live_ReTllpYQYfIZu2Jnf2lAPFjD"), "stripe-key", 0, 32);
    row("private key", QStringLiteral("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAvQ4wIDAQABAoIBAQC1JX0aqlh9ceJb4YOc2lvR\n-----END RSA PRIVATE KEY-----"),
        "private-key", 0, 116);
    row("password assignment", QStringLiteral("password = \"value with quotes and spaces\""), "generic-secret-assignment", 12, 40);
    row("reversed comparison", QStringLiteral("if (\"hunter2!x\" == my_password) {"), "generic-secret-assignment", 5, 14);
    row("api key env", QStringLiteral("export GENERIC_TOKEN=Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB"), "generic-api-key", 21, 53);
    // the short keywords "pat" and "pw" with every way of assigning to them
    row("pat env, quoted", QStringLiteral("export PAT=\"s3cr3tV4lu3XyZ12345\""), "generic-api-key", 12, 31);
    row("pat dotted", QStringLiteral("my.pat=Zq8Xv2Lp9Rt4Wm7Ny3Kb6"), "generic-api-key", 7, 28);
    row("pat colon", QStringLiteral("Pat: Zq8Xv2Lp9Rt4Wm7Ny3Kb6Ab"), "generic-api-key", 5, 28);
    row("pat compared at the end", QStringLiteral("if (\"Sup3rS3cretValue99\" == pat"), "generic-api-key", 5, 23);
    row("pw assignment", QStringLiteral("pw = \"hunter2!xY\""), "generic-secret-assignment", 6, 16);
    row("connection string", QStringLiteral("postgres://app:S3cr3tPw@db.internal:5432/app"), "basic-auth-url", 15, 23);
    row("curl user", QStringLiteral("curl --user roger23@gmail.com:pQ9wTxu4Fg https://x.example.com"), "curl-auth-user", 30, 40);
    row("curl header", QStringLiteral("curl -H \"Authorization: Bearer cfcabd11c7ed9a41b1a3e063c32d5114\""), "curl-auth-header", 31, 63);
    row("jwt", QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        "jwt", 0, 108);
    row("facebook app token", QStringLiteral("fb 1234567890123456|Abcd3FgHiJkLmN0pQrStUvWxYz9AbC"), "facebook-access-token", 3, 50);
    row("high-entropy quoted", QStringLiteral("x = \"kZ8vQ2mN5pR7sT1wY4bC6dF9gH3jK0lL\""), "high-entropy-string", 5, 37);
    row("authorization header", QStringLiteral("Authorization: Bearer abcDEF123ghiJKL456mno"), "authorization-header", 22, 43);
    // provider-named assignments (gitleaks' semi-generic rules)
    row("provider uuid", QStringLiteral("const MessageBirdAccessKey = \"4f8e2a1c-9b3d-4e6f-a7c2-1d5e8b9f0a3c\""), "messagebird-api-key", 30, 66);
    row("provider hex", QStringLiteral("sourcegraph: 33feff9243a8f506b40928b5b7a767c76fb008f8"), "sourcegraph-api-key", 13, 53);
    row("provider id without key word", QStringLiteral("OKTA_CLIENT_ID=0oa1b2c3d4E5f6G7h8i9"), "okta-api-key", 15, 35);
    // detect-secrets shapes
    row("artifactory password", QStringLiteral("X-JFrog-Art-Api: AP6NyjOq9wMxE"), "artifactory-password", 17, 30);
    row("artifactory key after equals", QStringLiteral("=AKCk3J9sQ2xZ7vB"), "artifactory-api-key", 1, 16);
    row("twilio sid", QStringLiteral("sid AC23d5a4fd12aabfe228f219e9cb0eb53f"), "twilio-api-key", 4, 38);
    row("npmrc token", QStringLiteral("//registry.npmjs.org/:_authToken=npm_dnXsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfl"), "npm-access-token", 33, 73);
    row("npmrc uuid", QStringLiteral("//npm.example.com/repo/:_authToken=346a14f2-a672-4668-a892-956a462ab56e"), "npm-access-token", 35, 71);
    row("softlayer url", QStringLiteral("https://api.softlayer.com/soap/v3.1/ujzde8gxd6ncf10epf91dhodzdoc9is0j8ht9lgmxg9edn581u33xtplpft75v2s"), "softlayer-api-key", 36, 100);
    row("gitlab pipeline trigger", QStringLiteral("glptt-tDDb_xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjA"), "gitlab-token", 0, 46);
    row("jwt with truncated claims", QStringLiteral("t = eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l"), "jwt", 4, 89);
    // evasion: letters glued in front of a token do not hide it
    row("discord glued prefix", QStringLiteral("xyzMTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"), "discord-bot-token", 3, 62);
}

void TestRecognizers::secretSubtypes()
{
    QFETCH(QString, text);
    QFETCH(QString, subtype);
    QFETCH(int, start);
    QFETCH(int, end);
    const auto report = m_classifier->classifyText(text);
    QStringList got;
    bool found = false;
    for (const auto &f : report.findings) {
        got << QStringLiteral("%1/%2[%3,%4)").arg(f.type, f.subtype).arg(f.start).arg(f.end);
        if (f.type == QLatin1String("SECRET") && f.subtype == subtype && f.start == start && f.end == end)
            found = true;
    }
    QVERIFY2(found, qPrintable(got.join(QLatin1Char(' '))));
    QCOMPARE(report.level, perimeter::Sensitivity::Restricted);
}

void TestRecognizers::weakNeedsContext()
{
    // A bare 9-digit number is not a passport; next to "passport" it is.
    auto bare = m_classifier->classifyText(QStringLiteral("order 912803456 shipped"));
    for (const auto &f : bare.findings)
        QVERIFY(f.type != QLatin1String("US_PASSPORT"));
    auto withContext = m_classifier->classifyText(QStringLiteral("my passport number is A12803456"));
    bool found = false;
    for (const auto &f : withContext.findings)
        found = found || (f.type == QLatin1String("US_PASSPORT") && f.score >= 0.4);
    QVERIFY(found);
    QCOMPARE(withContext.level, perimeter::Sensitivity::Restricted);
}

void TestRecognizers::scores()
{
    const auto scoreOf = [this](const QString &text, const char *type) {
        double best = -1.0;
        for (const auto &f : m_classifier->classifyText(text).findings)
            if (f.type == QLatin1String(type))
                best = std::max(best, f.score);
        return best;
    };
    // omocodic codes validate: full score, not the format-only score
    QCOMPARE(scoreOf(QStringLiteral("RSSMRA85T10A56NH"), "IT_FISCAL_CODE"), 1.0);
    QVERIFY(scoreOf(QStringLiteral("RSSMRA85T10A56NA"), "IT_FISCAL_CODE") < 0.5);
    // a redacted provider token is reported low, a real-looking one high
    const double redacted = scoreOf(QStringLiteral("X-JFrog-Art-Api: AKCxxxxxxxxxx"), "SECRET");
    QVERIFY2(redacted > 0.0 && redacted < 0.4, qPrintable(QString::number(redacted)));
    QVERIFY(scoreOf(QStringLiteral("X-JFrog-Art-Api: AKCk3J9sQ2xZ7vB"), "SECRET") >= 0.9);
    // a damaged JWT scores below a well-formed one
    const double damaged = scoreOf(QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l"), "SECRET");
    QVERIFY(damaged > 0.0 && damaged < 0.9);
}

void TestRecognizers::threadSafety()
{
    // One classifier, many threads: scratch spaces are pooled, results identical.
    // every engine in one text: the Hyperscan pass (mail, key), the digit automaton (card, IBAN,
    // a date with a month name), a start window (IPv6) and a native trigger (domain suffix)
    const QString text = QStringLiteral("card 4111 1111 1111 1111, mail a@b.com, key AKIAZ7VQ3YJ4LMNB2XQP, "
                                        "IBAN GB82 WEST 1234 5698 7654 32 on 15 September 2024 from fe80::1 via example.org");
    const auto describe = [](const ClassificationReport &r) {
        QStringList out;
        for (const auto &f : r.findings)
            out << QStringLiteral("%1 %2 %3 %4").arg(f.type).arg(f.start).arg(f.end).arg(f.score);
        return out;
    };
    const QStringList expected = describe(m_classifier->classifyText(text));
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&]() {
            for (int i = 0; i < 200; ++i)
                if (describe(m_classifier->classifyText(text)) != expected)
                    ++mismatches;
        });
    for (auto &th : threads)
        th.join();
    QCOMPARE(mismatches.load(), 0);
    QVERIFY2(expected.size() >= 7, qPrintable(expected.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestRecognizers)
#include "tst_recognizers.moc"
