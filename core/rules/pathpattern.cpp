// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/pathpattern.h"

#include "core/util/safepath.h"

#include <algorithm>

namespace ddd::core::rules {

namespace {

Error reason(const QString &text)
{
    return Error::make(u"rules.pattern"_qs, text);
}

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

} // namespace

Result<PathPattern> PathPattern::parse(const QString &text)
{
    if (!text.startsWith(u'/'))
        return reason(u"the path \""_qs + text + u"\" must start with /"_qs);
    if (text.contains(u'?') || text.contains(u'#'))
        return reason(u"the path \""_qs + text + u"\" may not hold ? or #; write query conditions as name=value"_qs);
    PathPattern pattern;
    QString body = text;
    if (body == u"/*"_qs || body.endsWith(u"/*"_qs)) {
        pattern.m_splat = true;
        body.chop(1);
    }
    for (const QString &raw : body.split(u'/', Qt::SkipEmptyParts)) {
        Result<Segment> segment = parseSegment(raw);
        if (!segment)
            return segment.error();
        if (segment->placeholder && pattern.placeholders().contains(segment->text))
            return reason(u"the placeholder :"_qs + segment->text + u" appears twice"_qs);
        pattern.m_segments.append(std::move(*segment));
    }
    return pattern;
}

Result<PathPattern::Segment> PathPattern::parseSegment(const QString &raw)
{
    if (raw.contains(u'*'))
        return reason(u"a splat (*) may only be the last segment, as in /news/*"_qs);
    if (raw.startsWith(u':')) {
        const QString name = raw.mid(1);
        if (!isPlaceholderName(name) || name == u"splat"_qs)
            return reason(u"\""_qs + raw + u"\" is not a placeholder name (letters, digits, _; not splat)"_qs);
        return Segment{name, true};
    }
    const std::optional<QByteArray> decoded = SafePath::percentDecodeOnce(raw.toUtf8());
    if (!decoded || !SafePath::isValidUtf8(*decoded))
        return reason(u"\""_qs + raw + u"\" has a broken %-escape"_qs);
    return Segment{QString::fromUtf8(*decoded), false};
}

QStringList PathPattern::segmentsOf(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool PathPattern::match(const QStringList &segments, bool trailingSlash, Captures &captures) const
{
    const qsizetype fixed = m_segments.size();
    if (segments.size() < fixed || (!m_splat && segments.size() != fixed))
        return false;
    captures.clear();
    for (qsizetype i = 0; i < fixed; ++i) {
        const Segment &segment = m_segments.at(i);
        if (segment.placeholder)
            captures.append({segment.text, segments.at(i)});
        else if (segment.text != segments.at(i))
            return false;
    }
    if (m_splat) {
        QString splat = segments.mid(fixed).join(u'/');
        if (trailingSlash && !splat.isEmpty())
            splat += u'/';
        captures.append({u"splat"_qs, splat});
    }
    return true;
}

bool PathPattern::isPlaceholderName(QStringView name)
{
    return !name.isEmpty() && isNameStart(name.front()) && std::all_of(name.cbegin(), name.cend(), isNameChar);
}

QStringList PathPattern::placeholders() const
{
    QStringList names;
    for (const Segment &segment : m_segments)
        if (segment.placeholder)
            names.append(segment.text);
    if (m_splat)
        names.append(u"splat"_qs);
    return names;
}

} // namespace ddd::core::rules
