// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The `_redirects` parser and matcher (RedirectRules), fed what a deploy may
// upload. Input: the file, then optionally a NUL byte and a request path
// with an optional "?query" matched against the parsed rules. Properties:
// an answer has a status the syntax allows and a Location free of control
// bytes (no response splitting whatever the file says); a local answer
// (200, 404, 410, 451) names an absolute path.
#include "core/rules/redirectrules.h"
#include "core/util/safepath.h"
#include "tests/fuzz/fuzzsupport.h"

using ddd::core::rules::RedirectMatch;
using ddd::core::rules::RedirectRules;
using ddd::fuzz::violated;

namespace {

bool hasControlByte(const QByteArray &bytes)
{
    for (char c : bytes)
        if (uchar(c) < 0x20 || c == 0x7f)
            return true;
    return false;
}

void checkMatch(const RedirectMatch &match, const QString &path)
{
    static const QList<int> statuses{200, 301, 302, 303, 307, 308, 404, 410, 451};
    const QString where = path + u" -> "_qs + QString::fromLatin1(match.location.toHex());
    if (!statuses.contains(match.status))
        violated("a match has a status the syntax allows", where);
    if (match.location.isEmpty() || hasControlByte(match.location))
        violated("a Location is non-empty without control bytes", where);
    if (!match.isRedirect() && !match.location.startsWith('/'))
        violated("local content is named by an absolute path", where);
}

// Only what a request target can carry reaches the rules: both transports
// refuse controls, space and DEL in it (Beast; nghttp2 for :path), and the
// query is passed on raw, so an unfiltered one would "find" splitting
// that no client can cause.
QByteArray targetBytes(QByteArray raw)
{
    raw.removeIf([](char c) { return uchar(c) <= 0x20 || c == 0x7f || c == '#'; });
    return raw;
}

void matchAll(const RedirectRules &rules, const QByteArray &rawRequest)
{
    const QByteArray request = targetBytes(rawRequest);
    const qsizetype question = request.indexOf('?');
    const QByteArray rawPath = question < 0 ? request : request.left(question);
    const QByteArray query = question < 0 ? QByteArray() : request.mid(question + 1);
    const auto path = ddd::core::SafePath::fromUrlPath(rawPath.isEmpty() ? "/" : rawPath);
    if (!path.ok())
        return; // the site listener refuses it before any rule is tried
    for (bool fileExists : {false, true})
        if (const auto match = rules.match(path.value(), query, fileExists))
            checkMatch(*match, path.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::fuzz::InputReader input(ddd::fuzz::bytes(data, size));
    const QByteArray file = input.until('\0');
    const QByteArray request = input.rest();
    const auto rules = RedirectRules::parse(file);
    if (!rules.ok()) {
        if (!rules.error().code.startsWith(u"rules."))
            violated("every refusal has a rules.* code", rules.error().code);
        return 0;
    }
    matchAll(rules.value(), request);
    matchAll(rules.value(), "/");
    return 0;
}
