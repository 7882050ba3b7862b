// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/cachepolicy.h"

#include "agent/site/contenttypes.h"


#include <algorithm>

namespace ddd::agent::site {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isLower(QChar c)
{
    return c >= u'a' && c <= u'z';
}

// Works on views of the path, never copies: it runs for every file served.
bool isHex(QStringView part)
{
    bool lower = false;
    bool upper = false;
    for (QChar c : part) {
        lower = lower || (c >= u'a' && c <= u'f');
        upper = upper || (c >= u'A' && c <= u'F');
        if (!isDigit(c) && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F'))
            return false;
    }
    return lower != upper; // at least one letter, and all in one case
}

bool isBase64Hash(QStringView part)
{
    bool upper = false;
    bool lower = false;
    for (QChar c : part) {
        if (!isDigit(c) && c != u'_' && !isLower(c) && !isUpper(c))
            return false;
        upper = upper || isUpper(c);
        lower = lower || isLower(c);
    }
    // Digits or '_' only at the ends are a word with a number ("700Italic",
    // "Bold2"), not a hash.
    qsizetype first = 0;
    qsizetype last = part.size() - 1;
    while (first <= last && (isDigit(part[first]) || part[first] == u'_'))
        ++first;
    while (last >= first && (isDigit(part[last]) || part[last] == u'_'))
        --last;
    const QStringView inner = part.mid(first, last - first + 1);
    const bool mixedInside = std::any_of(inner.begin(), inner.end(), [](QChar c) { return isDigit(c) || c == u'_'; });
    return upper && lower && mixedInside;
}

bool looksLikeHash(QStringView part)
{
    return part.size() >= 8 && (isHex(part) || isBase64Hash(part));
}

} // namespace

QByteArray CachePolicy::forFile(const QString &path, const QByteArray &contentType)
{
    // Literals referenced, not copied: one of these goes out with every file.
    static const QByteArray revalidateHtml = QByteArray::fromRawData("no-cache", 8);
    static const QByteArray immutable = QByteArray::fromRawData("public, max-age=31536000, immutable", 35);
    static const QByteArray revalidate = QByteArray::fromRawData("public, max-age=0, must-revalidate", 34);
    if (ContentTypes::isHtml(contentType))
        return revalidateHtml;
    return isFingerprinted(path) ? immutable : revalidate;
}

bool CachePolicy::isFingerprinted(const QString &path)
{
    const QStringView name = QStringView(path).mid(path.lastIndexOf(u'/') + 1);
    const qsizetype extensionDot = name.lastIndexOf(u'.');
    if (extensionDot <= 0)
        return false;
    // The first part is the name itself ("app" in "app.3f2a9c1b.js").
    const QStringView stem = name.first(extensionDot);
    qsizetype partStart = -1;
    for (qsizetype i = 0; i <= stem.size(); ++i) {
        if (i < stem.size() && stem[i] != u'.' && stem[i] != u'-')
            continue;
        if (partStart >= 0 && looksLikeHash(stem.sliced(partStart, i - partStart)))
            return true;
        partStart = i + 1;
    }
    return false;
}

} // namespace ddd::agent::site
