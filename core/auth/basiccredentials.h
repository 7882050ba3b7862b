// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::core::auth {

// The user name and password of an `Authorization: Basic` field (RFC 7617,
// charset UTF-8). Parsing is strict and bounded: anything that is not one
// scheme token, one canonical base64 token68 and valid UTF-8 with a colon is
// refused, so what gets hashed is exactly what the visitor typed.
struct BasicCredentials final
{
    static constexpr qsizetype kMaxFieldBytes = 4096;

    QString username;
    QString password;

    static std::optional<BasicCredentials> parse(const QByteArray &authorization);
};

} // namespace ddd::core::auth
