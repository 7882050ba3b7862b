// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/cachepolicy.h"

#include "agent/site/contenttypes.h"

#include <QStringList>

#include <algorithm>

namespace ddd::agent::site {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHex(const QString &part)
{
    bool letter = false;
    const bool lower = part == part.toLower();
    for (QChar c : part) {
        const char16_t u = c.toLower().unicode();
        const bool hexLetter = u >= u'a' && u <= u'f';
        if (!isDigit(c) && !hexLetter)
            return false;
        letter = letter || hexLetter;
    }
    return letter && (lower || part == part.toUpper());
}

bool isBase64Hash(const QString &part)
{
    bool upper = false;
    bool lower = false;
    for (QChar c : part) {
        if (!isDigit(c) && c != u'_' && !(c >= u'a' && c <= u'z') && !(c >= u'A' && c <= u'Z'))
            return false;
        upper = upper || (c >= u'A' && c <= u'Z');
        lower = lower || (c >= u'a' && c <= u'z');
    }
    // Digits or '_' only at the ends are a word with a number ("700Italic",
    // "Bold2"), not a hash.
    qsizetype first = 0;
    qsizetype last = part.size() - 1;
    while (first <= last && (isDigit(part[first]) || part[first] == u'_'))
        ++first;
    while (last >= first && (isDigit(part[last]) || part[last] == u'_'))
        --last;
    const QStringView inner = QStringView(part).mid(first, last - first + 1);
    const bool mixedInside = std::any_of(inner.begin(), inner.end(), [](QChar c) { return isDigit(c) || c == u'_'; });
    return upper && lower && mixedInside;
}

bool looksLikeHash(const QString &part)
{
    return part.size() >= 8 && (isHex(part) || isBase64Hash(part));
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
