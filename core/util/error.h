// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace ddd::core {

// A failure that crosses a layer boundary. `code` is a stable dotted name
// (`archive.path_traversal`, `auth.invalid_credentials`) that clients switch
// on; `message` is English text for humans; `details` carries structured
// context such as the offending archive entry. The HTTP status is derived
// from the code in exactly one place (agent/http/errorresponse.cpp).
struct Error final
{
    QString code;
    QString message;
    QJsonObject details;

    static Error make(QString code, QString message, QJsonObject details = {})
    {
        return Error{std::move(code), std::move(message), std::move(details)};
    }
};

} // namespace ddd::core
