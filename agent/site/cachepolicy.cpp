// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/cachepolicy.h"

#include "agent/site/contenttypes.h"

#include <QStringList>

#include <algorithm>

namespace ddd::agent::site {

namespace {

bool looksLikeHash(const QString &part)
{
    if (part.size() < 8)
        return false;
    bool digit = false;
    bool letter = false;
    for (QChar c : part) {
        const char16_t u = c.toLower().unicode();
        const bool isDigit = u >= u'0' && u <= u'9';
        const bool isHexLetter = u >= u'a' && u <= u'f';
        if (!isDigit && !isHexLetter)
            return false;
        digit = digit || isDigit;
        letter = letter || isHexLetter;
    }
    return digit && letter;
}

} // namespace

QByteArray CachePolicy::forFile(const QString &path, const QByteArray &contentType)
{
    if (ContentTypes::isHtml(contentType))
        return "no-cache";
    if (isFingerprinted(path))
        return "public, max-age=31536000, immutable";
    return "public, max-age=0, must-revalidate";
}

bool CachePolicy::isFingerprinted(const QString &path)
{
    const QString name = path.mid(path.lastIndexOf(u'/') + 1);
    const qsizetype extensionDot = name.lastIndexOf(u'.');
    if (extensionDot <= 0)
        return false;
    // The first part is the name itself ("app" in "app.3f2a9c1b.js").
    const QStringList parts = name.left(extensionDot).replace(u'-', u'.').split(u'.');
    return std::any_of(parts.begin() + 1, parts.end(), [](const QString &part) { return looksLikeHash(part); });
}

} // namespace ddd::agent::site
