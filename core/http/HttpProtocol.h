// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QString>

// Small wire-format helpers shared by the server and its responders.
namespace perimeter::http {

// Reason phrase for a status code ("OK", "Not Found", ...); "Unknown" for unlisted codes.
QByteArray reasonPhrase(int status);
// Current time as an IMF-fixdate (RFC 9110), cached per second and thread.
QByteArray httpDate();
// {"error":{"message":..,"type":"invalid_request_error","code":..,"param":null}}
QByteArray defaultErrorBody(const QByteArray &code, const QString &message);
// Header names the server writes itself; a caller's copy of them is dropped.
bool isServerOwnedHeader(const QByteArray &lowerCaseName);

} // namespace perimeter::http
