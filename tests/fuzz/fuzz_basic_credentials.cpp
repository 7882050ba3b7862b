// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `Authorization: Basic` (BasicCredentials::parse), what a protected site's
// visitor sends. The first input byte picks a mode: even, the rest is the
// field as sent; odd, the rest is "user:password" bytes the harness encodes,
// so the fuzzer reaches the UTF-8 and colon checks behind base64.
// Properties: an accepted field has a non-empty user name without a colon,
// and encoding what was parsed gives a field that parses to the same pair.
#include "core/auth/basiccredentials.h"
#include "core/util/safepath.h"
#include "tests/fuzz/fuzzsupport.h"

using ddd::core::auth::BasicCredentials;
using ddd::fuzz::violated;

namespace {

QByteArray fieldFor(const QByteArray &userPass)
{
    return "Basic " + userPass.toBase64();
}

void checkAccepted(const BasicCredentials &credentials, const QByteArray &field)
{
    if (credentials.username.isEmpty() || credentials.username.contains(u':'))
        violated("the user name is non-empty without a colon", QString::fromLatin1(field));
    const QByteArray again = fieldFor((credentials.username + u':' + credentials.password).toUtf8());
    const auto reparsed = BasicCredentials::parse(again);
    // Re-encoding may only grow past the field limit, never change the pair.
    if (again.size() <= BasicCredentials::kMaxFieldBytes
        && (!reparsed || reparsed->username != credentials.username || reparsed->password != credentials.password))
        violated("encoding the parsed pair round-trips", QString::fromLatin1(field));
}

// What an encoded pair must do: accepted exactly when it is valid UTF-8
// with a colon after a non-empty user name and fits in the field.
void checkEncoded(const QByteArray &userPass, const std::optional<BasicCredentials> &parsed)
{
    const bool acceptable = ddd::core::SafePath::isValidUtf8(userPass) && userPass.indexOf(':') > 0
        && fieldFor(userPass).size() <= BasicCredentials::kMaxFieldBytes;
    if (acceptable != parsed.has_value())
        violated("a well-encoded pair is accepted exactly when it is valid", QString::fromLatin1(userPass.toHex()));
    // What gets hashed is exactly what the visitor typed, byte for byte.
    if (parsed && (parsed->username + u':' + parsed->password).toUtf8() != userPass)
        violated("the parsed pair is the bytes that were sent", QString::fromLatin1(userPass.toHex()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::fuzz::InputReader input(ddd::fuzz::bytes(data, size));
    const bool encode = input.byte() & 1;
    const QByteArray rest = input.rest();
    const QByteArray field = encode ? fieldFor(rest) : rest;
    const std::optional<BasicCredentials> parsed = BasicCredentials::parse(field);
    if (parsed)
        checkAccepted(*parsed, field);
    if (encode)
        checkEncoded(rest, parsed);
    return 0;
}
