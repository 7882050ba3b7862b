// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QString>
#include <QUrlQuery>

namespace ddd::agent::http {

// A request target (RFC 9112 §3.2) split into the parts handlers use.
class RequestTarget final
{
public:
    // Accepts origin-form ("/a%20b?x=1"), absolute-form ("http://host/a")
    // and asterisk-form ("*"). The path is percent-decoded; a malformed
    // escape, a decoded NUL or invalid UTF-8 fails with http.bad_path; any
    // other shape fails with http.bad_target.
    static core::Result<RequestTarget> parse(QByteArrayView raw);

    QString path() const { return m_path; }
    QUrlQuery query() const { return m_query; }
    // The host named by an absolute-form target (normalised like the Host
    // field, which it overrides, RFC 9112 §3.2.2); empty otherwise.
    QString authorityHost() const { return m_authorityHost; }

private:
    QString m_path;
    QUrlQuery m_query;
    QString m_authorityHost;
};

} // namespace ddd::agent::http
