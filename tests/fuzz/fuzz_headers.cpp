// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The `_headers` parser and matcher (HeaderRules), fed what a deploy may
// upload. Input: the file, then optionally a NUL byte and a request path.
// Properties: every header a request gets has a token name the server does
// not own (HeaderRules::isForbidden) and a value without control bytes, so a
// rules file can never split a response or override framing.
#include "core/rules/headerrules.h"
#include "core/util/safepath.h"
#include "tests/fuzz/fuzzsupport.h"

using ddd::core::rules::HeaderRules;
using ddd::fuzz::violated;

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

void checkHeader(const QByteArray &name, const QByteArray &value)
{
    const QString shown = QString::fromLatin1(name.toHex() + ": " + value.toHex());
    if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isTokenChar))
        violated("a header name is a token", shown);
    if (HeaderRules::isForbidden(name))
        violated("no header the server owns is set", shown);
    for (char c : value)
        if ((uchar(c) < 0x20 && c != '\t') || c == 0x7f)
            violated("a header value has no control bytes", shown);
}

void headersFor(const HeaderRules &rules, const QByteArray &rawPath)
{
    const auto path = ddd::core::SafePath::fromUrlPath(rawPath.isEmpty() ? "/" : rawPath);
    if (!path.ok())
        return;
    for (const auto &[name, value] : rules.headersFor(path.value()))
        checkHeader(name, value);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::fuzz::InputReader input(ddd::fuzz::bytes(data, size));
    const QByteArray file = input.until('\0');
    const QByteArray request = input.rest();
    const auto rules = HeaderRules::parse(file);
    if (!rules.ok()) {
        if (!rules.error().code.startsWith(u"rules."))
            violated("every refusal has a rules.* code", rules.error().code);
        return 0;
    }
    headersFor(rules.value(), request);
    headersFor(rules.value(), "/");
    return 0;
}
