// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/pathpattern.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ddd::core::rules {

// The `to` side of a redirect rule: a local path ("/blog/:year/:splat",
// optionally with ?query and #fragment) or an absolute http(s) URL. It
// expands to a percent-encoded URL that is safe as a Location value: the
// literal text is kept as the author encoded it (with anything outside the
// URL character set encoded), captured values are always encoded ('/' kept
// in a splat only), and a local result never starts with "//" (which a
// browser would read as another host).
class RedirectTarget final
{
public:
    // `names`: the placeholders the rule defines; any other ":word" is
    // literal text (a port, "/a:b"). The error message is the reason.
    static Result<RedirectTarget> parse(const QString &text, const QStringList &names);

    bool isExternal() const { return m_external; }
    bool hasQuery() const { return m_hasQuery; }
    QByteArray expand(const PathPattern::Captures &captures) const;

private:
    struct Part
    {
        QByteArray literal; // already encoded
        QString name;       // a placeholder; empty for literal text
    };

    static Status checkForm(const QString &text, bool external);
    static Result<QByteArray> encodeLiteral(const QString &text);
    static qsizetype authorityEnd(const QString &text);

    QList<Part> m_parts;
    bool m_external = false;
    bool m_hasQuery = false;
};

} // namespace ddd::core::rules
