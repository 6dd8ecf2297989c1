// SPDX-License-Identifier: Apache-2.0
#include "HttpRequest.h"

namespace perimeter::http {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

int HttpRequest::headerCount(QByteArrayView name) const
{
    int n = 0;
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            ++n;
    }
    return n;
}

} // namespace perimeter::http
