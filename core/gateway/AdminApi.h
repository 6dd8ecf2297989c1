// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "http/HttpServer.h"
#include "policy/PolicyVersionStore.h"
#include <QObject>
#include <memory>

namespace perimeter::gateway {

class Gateway;

// The admin API on its own listener (loopback by default), for the console, perimeterctl and
// automation. Every call needs `Authorization: Bearer <admin token>`; without it: 401.
//   GET  /admin/v1/policy                 active policy (version + document)
//   POST /admin/v1/policy/validate        problems of a candidate policy, by JSON pointer
//   PUT  /admin/v1/policy                 validate, write the policy file, record the version, apply
//   GET  /admin/v1/policy/versions        history, newest first
//   GET  /admin/v1/policy/versions/<n>    one version with its document
//   GET  /admin/v1/policy/diff?from=<n>&to=<n>   line diff (to defaults to the active policy)
//   POST /admin/v1/policy/rollback        {"sequence": n}: re-apply an earlier version
//   POST /admin/v1/simulate               what-if through the real stages (no forwarding)
//   GET  /admin/v1/endpoints              endpoint health and load
//   /admin/v1/registry/...                the model registry (RegistryAdminApi)
// Slow work (policy compilation, SQLite, file writes) runs on the thread pool; the answer is
// sent from the gateway thread when it is done, so the event loop never waits.
class AdminApi : public QObject {
    Q_OBJECT
public:
    AdminApi(Gateway &gateway, std::shared_ptr<policy::PolicyVersionStore> versions, QObject *parent = nullptr);
    ~AdminApi() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString listenUrl() const;
    QString errorString() const;
    void stopAccepting();
    http::HttpServer &server() { return *m_server; }

private:
    void handle(const http::HttpRequest &request, http::HttpResponder *responder);
    void getPolicy(http::HttpResponder *responder);
    void validatePolicy(const http::HttpRequest &request, http::HttpResponder *responder);
    void putPolicy(const http::HttpRequest &request, http::HttpResponder *responder, const QByteArray &content, const QString &comment);
    void listVersions(http::HttpResponder *responder);
    void getVersion(qint64 sequence, http::HttpResponder *responder);
    void diff(const http::HttpRequest &request, http::HttpResponder *responder);
    void rollback(const http::HttpRequest &request, http::HttpResponder *responder);
    void simulate(const http::HttpRequest &request, http::HttpResponder *responder);
    void endpoints(http::HttpResponder *responder);

    Gateway &m_gateway;
    std::shared_ptr<policy::PolicyVersionStore> m_versions;
    http::HttpServer *m_server;
};

} // namespace perimeter::gateway
