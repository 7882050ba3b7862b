// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::agent::site {

// Cache-Control for a site file. HTML is revalidated on every use so a new
// deploy shows at once; fingerprinted assets ("app.3f2a9c1b.js",
// "index-4f3b2c1a.js") never change under their name and are cached for a
// year; anything else may be stored but is revalidated (cheap: strong ETag).
class CachePolicy final
{
public:
    static QByteArray forFile(const QString &path, const QByteArray &contentType);
    // True when the file name carries a content fingerprint: a dot- or
    // hyphen-separated part of 8 or more hex digits, holding both a digit and
    // a letter, before the extension. Requiring both keeps dates
    // ("report.20240101.pdf") and words ("deadbeef") out: caching a file for
    // a year by mistake is far worse than revalidating a real fingerprint.
    static bool isFingerprinted(const QString &path);
};

} // namespace ddd::agent::site
