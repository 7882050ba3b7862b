// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace ddd::core::rules {

// A Netlify path pattern, the `from` side of a redirect and the path line of
// a `_headers` block: "/blog/:year/:slug", "/news/*", "/*". Matching is on
// the request path as SafePath normalised it (decoded, absolute), segment by
// segment and case-sensitively (as on Netlify). A trailing slash is ignored
// on both sides, so "/about" also matches "/about/". A placeholder (":name",
// a whole segment) matches one segment; a splat ("*", only as the last
// segment) matches the rest of the path, nothing included: "/news/*"
// matches "/news", "/news/" and "/news/a/b". Literal segments are written
// percent-encoded and compared decoded.
class PathPattern final
{
public:
    using Captures = QList<std::pair<QString, QString>>; // name -> decoded value; the splat is "splat"

    // The error message is the reason, for RuleError.
    static Result<PathPattern> parse(const QString &text);
    // A normalised request path as the segments match() takes ("/a/b/" -> {"a", "b"}).
    static QStringList segmentsOf(const QString &path);

    // `trailingSlash`: whether the request path ended in '/', kept in the splat.
    bool match(const QStringList &segments, bool trailingSlash, Captures &captures) const;

    bool hasSplat() const { return m_splat; }
    QStringList placeholders() const;

    // Letters, digits and '_', not starting with a digit: ":year", ":id".
    static bool isPlaceholderName(QStringView name);

private:
    struct Segment
    {
        QString text; // decoded literal, or the placeholder's name
        bool placeholder = false;
    };

    static Result<Segment> parseSegment(const QString &raw);

    QList<Segment> m_segments;
    bool m_splat = false;
};

} // namespace ddd::core::rules
