// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/pathpattern.h"
#include "core/rules/rulelimits.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace ddd::core::rules {

// A parsed `_headers` file (Netlify syntax): a path pattern on its own line,
// then indented "Name: value" lines. Every block whose pattern matches the
// requested path adds its headers, in file order; a name given more than
// once ends up as one comma-joined field (Set-Cookie excepted, which stays
// one field per value). Headers the server owns cannot be set (see
// isForbidden()).
class HeaderRules final
{
public:
    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    // Codes: rules.invalid_headers, rules.forbidden_header,
    // rules.too_many_headers, and the RuleLimits ones.
    static Result<HeaderRules> parse(const QByteArray &text, const RuleLimits &limits = {});

    bool isEmpty() const { return m_rules.isEmpty(); }
    // `path`: normalised and absolute, as requested.
    HeaderList headersFor(const QString &path) const;

    // Hop-by-hop and framing fields, fields the server computes (Date,
    // Server, ETag, Accept-Ranges, Location), nosniff and X-DDD-*.
    static bool isForbidden(const QByteArray &name);

private:
    struct Rule
    {
        PathPattern pattern;
        HeaderList headers;
    };

    static Result<std::pair<QByteArray, QByteArray>> parseField(const QString &text);

    QList<Rule> m_rules;
};

} // namespace ddd::core::rules
