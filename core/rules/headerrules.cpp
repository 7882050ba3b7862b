// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/headerrules.h"

#include "core/rules/ruleerror.h"
#include "core/rules/rulelines.h"

#include <algorithm>

namespace ddd::core::rules {

namespace {

const QString File = u"_headers"_qs;
const QString Invalid = u"rules.invalid_headers"_qs;

// RFC 9110 §5.6.2 token characters.
bool isTokenChar(char c)
{
    static const QByteArray extra = "!#$%&'*+-.^_`|~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.contains(c);
}

bool isToken(const QByteArray &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), isTokenChar);
}

// Visible ASCII, space and tab: the field goes out as written.
bool isPlainValue(const QByteArray &value)
{
    return std::all_of(value.cbegin(), value.cend(),
                       [](char c) { return c == '\t' || (uchar(c) >= 0x20 && uchar(c) < 0x7f); });
}

void addMerged(HeaderRules::HeaderList &into, const std::pair<QByteArray, QByteArray> &field)
{
    if (field.first.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
        for (auto &existing : into)
            if (existing.first.compare(field.first, Qt::CaseInsensitive) == 0) {
                existing.second += ", " + field.second;
                return;
            }
    into.append(field);
}

} // namespace

Result<HeaderRules> HeaderRules::parse(const QByteArray &text, const RuleLimits &limits)
{
    Result<QList<RuleLine>> lines = RuleLines::split(text, File, Invalid, limits);
    if (!lines)
        return lines.error();
    HeaderRules rules;
    for (const RuleLine &line : *lines) {
        const bool indented = line.text.front().isSpace();
        if (!indented) {
            if (rules.m_rules.size() == limits.maxRules)
                return RuleError::make(u"rules.too_many_rules"_qs, File, line.number,
                                       QStringLiteral("more than %1 path blocks").arg(limits.maxRules));
            Result<PathPattern> pattern = PathPattern::parse(line.text);
            if (!pattern)
                return RuleError::make(Invalid, File, line.number, pattern.error().message);
            rules.m_rules.append(Rule{std::move(*pattern), {}});
            continue;
        }
        if (rules.m_rules.isEmpty())
            return RuleError::make(Invalid, File, line.number, u"a header line before any path line"_qs);
        Result<std::pair<QByteArray, QByteArray>> field = parseField(line.text.trimmed());
        if (!field)
            return RuleError::make(field.error().code, File, line.number, field.error().message);
        HeaderList &headers = rules.m_rules.last().headers;
        if (headers.size() == limits.maxHeadersPerRule)
            return RuleError::make(u"rules.too_many_headers"_qs, File, line.number,
                                   QStringLiteral("more than %1 headers for one path").arg(limits.maxHeadersPerRule));
        headers.append(std::move(*field));
    }
    return rules;
}

Result<std::pair<QByteArray, QByteArray>> HeaderRules::parseField(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return Error::make(Invalid, u"\""_qs + text + u"\" is not Name: value"_qs);
    const QByteArray name = text.left(colon).trimmed().toUtf8();
    const QByteArray value = text.mid(colon + 1).trimmed().toUtf8();
    if (!isToken(name))
        return Error::make(Invalid, u"\""_qs + QString::fromUtf8(name) + u"\" is not a header name"_qs);
    if (isForbidden(name))
        return Error::make(u"rules.forbidden_header"_qs,
                           u"the agent sets "_qs + QString::fromUtf8(name) + u" itself; it cannot come from _headers"_qs);
    if (!isPlainValue(value))
        return Error::make(Invalid, u"the value of "_qs + QString::fromUtf8(name) + u" must be plain ASCII"_qs);
    return std::pair{name, value};
}

bool HeaderRules::isForbidden(const QByteArray &name)
{
    static const QList<QByteArray> exact{
        // Hop-by-hop (RFC 9110 §7.6.1) and message framing: the server's alone.
        "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
        "content-range", "content-encoding",
        // Computed per answer: a stale ETag would turn If-None-Match into
        // wrong 304s; Location belongs to redirect rules.
        "host", "date", "server", "etag", "accept-ranges", "location",
        // Never sniff (security guide 3.6): not optional per site.
        "x-content-type-options"};
    const QByteArray lower = name.toLower();
    return exact.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("x-ddd-");
}

HeaderRules::HeaderList HeaderRules::headersFor(const QString &path) const
{
    HeaderList out;
    const QStringList segments = PathPattern::segmentsOf(path);
    const bool trailingSlash = path.size() > 1 && path.endsWith(u'/');
    PathPattern::Captures captures;
    for (const Rule &rule : m_rules)
        if (rule.pattern.match(segments, trailingSlash, captures))
            for (const auto &field : rule.headers)
                addMerged(out, field);
    return out;
}

} // namespace ddd::core::rules
