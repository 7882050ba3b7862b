// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ddd::core {

// Size limits every normalised path must respect (security guide 2.2.4).
struct PathLimits final
{
    int maxPathBytes = 1024;
    int maxComponentBytes = 255;
    int maxDepth = 64;
};

// The one path normaliser (security guide 3.1). Archive entries, manifest
// paths, build output and site requests all pass through here, and the string
// it returns is the one every later check and lookup uses, so no caller ever
// "checks one string and opens another".
//
// Both entry points work on raw bytes: a name is refused when it is not
// strictly valid UTF-8 (no overlong forms, no surrogates), or holds NUL, a
// control character (< 0x20, 0x7f) or a backslash, or starts with a drive
// letter ("C:"), or breaks a PathLimits bound.
class SafePath final
{
public:
    // An archive or manifest entry name. Returns the path relative to the
    // site root with "." segments, a leading "./" and repeated slashes
    // removed; a trailing slash (a directory) is kept. The root itself ("./")
    // comes back as an empty string.
    // Codes: archive.path_traversal (absolute, UNC, drive letter, ".."
    // segment), archive.bad_name (encoding, control characters, backslash,
    // empty name), archive.path_too_long (a PathLimits bound).
    static Result<QString> fromArchiveEntry(const QByteArray &raw, const PathLimits &limits = {});

    // A request path from the site listener (no query string). Percent-decodes
    // exactly once, merges repeated slashes, then removes dot segments as
    // RFC 3986 5.2.4 does, except that climbing above "/" is refused instead
    // of clamped. Returns an absolute path ("/", "/docs/", "/a/b.html"); a
    // trailing slash is kept. Code: site.bad_path.
    static Result<QString> fromUrlPath(const QByteArray &rawPath, const PathLimits &limits = {});

    // Strict UTF-8: rejects overlong encodings, surrogates and code points
    // above U+10FFFF.
    static bool isValidUtf8(QByteArrayView bytes);
    // Decodes %XX escapes exactly once; nothing for a malformed escape.
    static std::optional<QByteArray> percentDecodeOnce(QByteArrayView in);

    // A printable rendering of untrusted name bytes for error messages:
    // control characters, backslashes and bytes that are not valid UTF-8
    // appear as \xNN, and very long names are shortened.
    static QString displayName(QByteArrayView raw);
};

} // namespace ddd::core
