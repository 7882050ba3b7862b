// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/response.h"

#include <QJsonDocument>

namespace ddd::agent::http {

Response Response::json(int status, const QJsonObject &object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    r.headers.set("Content-Type", "application/json");
    return r;
}

Response Response::json(int status, const QJsonArray &array)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    r.headers.set("Content-Type", "application/json");
    return r;
}

Response Response::text(int status, QByteArray body, QByteArray contentType)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers.set("Content-Type", std::move(contentType));
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    return r;
}

} // namespace ddd::agent::http
