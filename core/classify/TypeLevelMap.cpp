// SPDX-License-Identifier: Apache-2.0
#include "TypeLevelMap.h"
#include <QStringList>

namespace perimeter::classify {

TypeLevelMap TypeLevelMap::defaults()
{
    TypeLevelMap map;
    const auto set = [&map](Sensitivity level, std::initializer_list<const char *> types) {
        for (const char *t : types)
            map.m_levels.insert(QString::fromLatin1(t), level);
    };
    // shared/design/CONTRACTS.md, "Default mapping of finding types to levels"
    set(Sensitivity::Restricted,
        {"SECRET", "US_SSN", "US_ITIN", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NINO", "ES_NIF", "ES_NIE",
         "IT_FISCAL_CODE", "IT_PASSPORT", "IT_IDENTITY_CARD", "IT_DRIVER_LICENSE", "AU_TFN", "IN_AADHAAR", "IN_PAN",
         "IN_PASSPORT", "IN_VOTER", "SG_NRIC_FIN", "PL_PESEL", "FI_PERSONAL_IDENTITY_CODE"});
    set(Sensitivity::Confidential,
        {"CREDIT_CARD", "IBAN", "US_BANK_NUMBER", "CRYPTO", "UK_NHS", "AU_MEDICARE", "MEDICAL_LICENSE", "ORG_MARKER"});
    set(Sensitivity::Internal,
        {"EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "PERSON", "LOCATION", "AU_ABN", "AU_ACN", "IT_VAT_CODE",
         "IN_VEHICLE_REGISTRATION"});
    set(Sensitivity::Public, {"URL", "DATE_TIME"});

    // Weak identifiers count from 0.4. A structured format of a restricted identifier (letters
    // and digits in the issuer's fixed layout: A12803456, AA1234567, A1234567Z) scores
    // 0.4 on its own, because a false negative sends a national ID to the cloud while a false
    // positive only keeps the request on-prem. Bare digit runs (any 9-digit number as an SSN or
    // passport, 6-14 digits as a licence, 8-17 as a bank account, a letter and 3-14 digits as a
    // US licence) score below it and need a
    // context word, or every order number would pin traffic on-prem. Checksum-validated and
    // distinctive formats score above 0.4 without context. A policy can lower a threshold to 0
    // to count the bare formats too (Presidio's behaviour).
    for (const char *weak : {"US_PASSPORT", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "IT_PASSPORT", "IT_IDENTITY_CARD",
                             "IT_DRIVER_LICENSE", "IN_PASSPORT", "IN_PAN", "US_SSN", "US_ITIN", "SG_NRIC_FIN"})
        map.m_thresholds.insert(QString::fromLatin1(weak), 0.4);
    return map;
}

Sensitivity TypeLevelMap::levelFor(const QString &type) const
{
    return m_levels.value(type, Sensitivity::Confidential);
}

void TypeLevelMap::setLevel(const QString &type, Sensitivity level)
{
    m_levels.insert(type, level);
}

double TypeLevelMap::thresholdFor(const QString &type) const
{
    return m_thresholds.value(type, 0.0);
}

void TypeLevelMap::setThreshold(const QString &type, double minScore)
{
    m_thresholds.insert(type, minScore);
}

QStringList TypeLevelMap::knownTypes() const
{
    QStringList types = m_levels.keys();
    types.sort();
    return types;
}

} // namespace perimeter::classify
