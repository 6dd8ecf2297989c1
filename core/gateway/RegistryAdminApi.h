// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"

class QObject;

namespace perimeter::gateway {

class Gateway;

// The model registry on the admin API (the caller is already authenticated by AdminApi):
//   GET   /admin/v1/registry/models                      every version, with "served"
//   POST  /admin/v1/registry/models                      add {name, version, kind, endpoints, context_length?, capacity, status?, notes?, comment?}
//   PATCH /admin/v1/registry/models?name=N&version=V     edit: any of kind, endpoints, context_length, capacity, status, notes (+ comment)
//   POST  /admin/v1/registry/retire                      {name, version, comment?}
//   GET   /admin/v1/registry/history[?name=N[&version=V]]
// Refused changes: 422 {"error": {"code": "registry_invalid", "problems": [...]}}; unknown
// version 404. The author is the X-Perimeter-Author header (default "admin-api"). SQLite work
// runs on the thread pool; a stored change is served at once (Gateway::refreshRegistry).
class RegistryAdminApi {
public:
    // false: not a registry path (the caller answers 404).
    static bool handle(Gateway &gateway, QObject *context, const http::HttpRequest &request, http::HttpResponder *responder);
};

} // namespace perimeter::gateway
