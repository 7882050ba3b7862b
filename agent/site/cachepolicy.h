// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::agent::site {

// Cache-Control for a site file. HTML is revalidated on every use so a new
// deploy shows at once; fingerprinted assets ("app.3f2a9c1b.js",
// "index-BqXz12_a.js") never change under their name and are cached for a
// year; anything else may be stored but is revalidated (cheap: strong ETag).
// Caching a file for a year by mistake is far worse than revalidating a
// real fingerprint, so the rule errs towards "not fingerprinted".
class CachePolicy final
{
public:
    static QByteArray forFile(const QString &path, const QByteArray &contentType);
    // True when the file name carries a content fingerprint: after the name
    // itself, a dot- or hyphen-separated part before the extension that is
    //  - hex: 8+ of [0-9a-f] (or all upper case), with at least one letter
    //    (webpack "main.3f2a9c1b.js", "logo.deadbeef.svg"); all digits are
    //    dates or build numbers ("report.20240101.pdf"), so not a hash; or
    //  - base64url: 8+ of [A-Za-z0-9_] with an upper-case letter, a
    //    lower-case letter and a digit or '_' that is not merely at either
    //    end (Rollup/Vite "index-BqXz12_a.js"). Words fail it, even
    //    CamelCase font styles ("Inter-SemiBoldItalic", "Roboto-700Italic").
    // Missed on purpose: Vite hashes without a digit or '_' inside (about a
    // fifth of them), and ones holding '-' (split as separators); those
    // files are revalidated, which is merely slower.
    static bool isFingerprinted(const QString &path);
};

} // namespace ddd::agent::site
