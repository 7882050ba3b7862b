// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/safepath.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace ddd::core {

namespace {

constexpr qsizetype kDisplayLimit = 200;

// The three refusal kinds, named per caller: archive entries and site
// requests answer with different codes.
struct Codes
{
    QString traversal;
    QString badName;
    QString tooLong;
    QString subject;    // how messages name the input
    QString detailKey;  // the details field carrying the input
};

Codes archiveCodes()
{
    return {u"archive.path_traversal"_qs, u"archive.bad_name"_qs, u"archive.path_too_long"_qs, u"Entry"_qs,
            u"entry"_qs};
}

Codes urlCodes()
{
    return {u"site.bad_path"_qs, u"site.bad_path"_qs, u"site.bad_path"_qs, u"Request path"_qs, u"path"_qs};
}

Error refuse(const Codes &codes, const QString &code, QByteArrayView raw, const QString &reason)
{
    const QString shown = SafePath::displayName(raw);
    return Error::make(code, QStringLiteral("%1 \"%2\" %3").arg(codes.subject, shown, reason),
                       QJsonObject{{codes.detailKey, shown}});
}

bool isControl(uchar c)
{
    return c < 0x20 || c == 0x7f;
}

// Length of the well-formed UTF-8 sequence starting at bytes[i], or 0 when the
// bytes there are not one (RFC 3629 table of well-formed byte sequences).
int utf8SequenceLength(QByteArrayView bytes, qsizetype i)
{
    const auto lead = uchar(bytes[i]);
    if (lead < 0x80)
        return 1;
    int length = 0;
    uchar secondMin = 0x80;
    uchar secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        secondMin = lead == 0xE0 ? 0xA0 : 0x80; // overlong
        secondMax = lead == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        secondMin = lead == 0xF0 ? 0x90 : 0x80; // overlong
        secondMax = lead == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const auto b = uchar(bytes[i + k]);
        if (b < (k == 1 ? secondMin : 0x80) || b > (k == 1 ? secondMax : 0xBF))
            return 0;
    }
    return length;
}

std::optional<QString> characterProblem(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c == '\0')
            return u"contains a NUL byte"_qs;
        if (isControl(uchar(c)))
            return u"contains a control character"_qs;
        if (c == '\\')
            return u"contains a backslash"_qs;
    }
    if (!SafePath::isValidUtf8(bytes))
        return u"is not valid UTF-8"_qs;
    return std::nullopt;
}

// "C:" or "c:anything" as the first component: a Windows drive, absolute or
// drive-relative, never a name we can store portably.
bool startsWithDriveLetter(QByteArrayView path)
{
    return path.size() >= 2 && ((path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z'))
        && path[1] == ':';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}


// Checks shared by both entry points once the bytes are decoded.
std::optional<Error> checkDecoded(const Codes &codes, QByteArrayView decoded, const PathLimits &limits)
{
    if (decoded.size() > limits.maxPathBytes)
        return refuse(codes, codes.tooLong, decoded, QStringLiteral("is longer than %1 bytes").arg(limits.maxPathBytes));
    if (const auto problem = characterProblem(decoded))
        return refuse(codes, codes.badName, decoded, *problem);
    return std::nullopt;
}

std::optional<Error> checkSegments(const Codes &codes, QByteArrayView raw, const QList<QByteArray> &segments,
                                   const PathLimits &limits)
{
    if (!segments.isEmpty() && startsWithDriveLetter(segments.first()))
        return refuse(codes, codes.traversal, raw, u"starts with a drive letter"_qs);
    if (segments.size() > limits.maxDepth)
        return refuse(codes, codes.tooLong, raw, QStringLiteral("is nested deeper than %1 levels").arg(limits.maxDepth));
    for (const QByteArray &segment : segments)
        if (segment.size() > limits.maxComponentBytes)
            return refuse(codes, codes.tooLong, raw,
                          QStringLiteral("has a component longer than %1 bytes").arg(limits.maxComponentBytes));
    return std::nullopt;
}

// The common request path ("/assets/app.js"): printable ASCII without
// escapes, backslashes, empty or dot segments, within the limits. It is
// already in normal form, so it is accepted after one scan; anything else
// takes the full route below, which also names the refusal.
bool isPlainNormalUrlPath(QByteArrayView raw, const PathLimits &limits)
{
    if (raw.size() > limits.maxPathBytes || startsWithDriveLetter(raw.sliced(1)))
        return false;
    int depth = 0;
    qsizetype componentStart = 1;
    for (qsizetype i = 1; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] != '/') {
            const char c = raw[i];
            if (c <= ' ' || c >= 0x7f || c == '%' || c == '\\' || (c == '.' && i == componentStart))
                return false;
            continue;
        }
        const qsizetype length = i - componentStart;
        if ((length == 0 && i < raw.size()) || length > limits.maxComponentBytes)
            return false;
        depth += length > 0 ? 1 : 0;
        componentStart = i + 1;
    }
    return depth <= limits.maxDepth;
}

} // namespace

Result<QString> SafePath::fromArchiveEntry(const QByteArray &raw, const PathLimits &limits)
{
    const Codes codes = archiveCodes();
    if (raw.isEmpty())
        return refuse(codes, codes.badName, raw, u"has an empty name"_qs);
    if (auto error = checkDecoded(codes, raw, limits))
        return *error;
    if (raw.startsWith('/'))
        return refuse(codes, codes.traversal, raw, u"is an absolute path"_qs);

    QList<QByteArray> kept;
    for (const QByteArray &segment : raw.split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..")
            return refuse(codes, codes.traversal, raw, u"contains a \"..\" segment"_qs);
        kept.append(segment);
    }
    if (auto error = checkSegments(codes, raw, kept, limits))
        return *error;

    QByteArray normalised = kept.join('/');
    if (!normalised.isEmpty() && raw.endsWith('/'))
        normalised += '/';
    return QString::fromUtf8(normalised);
}

Result<QString> SafePath::fromUrlPath(const QByteArray &rawPath, const PathLimits &limits)
{
    const Codes codes = urlCodes();
    if (!rawPath.startsWith('/'))
        return refuse(codes, codes.badName, rawPath, u"does not start with a slash"_qs);
    if (isPlainNormalUrlPath(rawPath, limits))
        return QString::fromLatin1(rawPath);
    // Bound the work before decoding: each decoded byte takes at most 3 raw ones.
    if (rawPath.size() > 3 * qsizetype(limits.maxPathBytes))
        return refuse(codes, codes.tooLong, rawPath, u"is too long"_qs);
    const std::optional<QByteArray> decoded = SafePath::percentDecodeOnce(rawPath);
    if (!decoded)
        return refuse(codes, codes.badName, rawPath, u"has a malformed percent escape"_qs);
    if (auto error = checkDecoded(codes, *decoded, limits))
        return *error;

    // Repeated slashes are merged first, then "." and ".." are resolved; a
    // ".." with nothing left to remove would leave the root, so it is refused.
    QList<QByteArray> kept;
    bool directory = false;
    const QList<QByteArray> segments = decoded->mid(1).split('/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QByteArray &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == "..") {
            if (kept.isEmpty())
                return refuse(codes, codes.traversal, rawPath, u"climbs above the site root"_qs);
            kept.removeLast();
            directory = last;
        } else if (segment.isEmpty() || segment == ".") {
            directory = last;
        } else {
            kept.append(segment);
            directory = false;
        }
    }
    if (auto error = checkSegments(codes, rawPath, kept, limits))
        return *error;

    QByteArray normalised = '/' + kept.join('/');
    if (directory && !kept.isEmpty())
        normalised += '/';
    return QString::fromUtf8(normalised);
}

bool SafePath::isValidUtf8(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        const int length = utf8SequenceLength(bytes, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

QString SafePath::displayName(QByteArrayView raw)
{
    QString shown;
    qsizetype i = 0;
    while (i < raw.size() && shown.size() < kDisplayLimit) {
        const auto byte = uchar(raw[i]);
        const int length = utf8SequenceLength(raw, i);
        if (length == 0 || isControl(byte) || byte == '\\') {
            shown += QStringLiteral("\\x%1").arg(uint(byte), 2, 16, QChar(u'0'));
            ++i;
            continue;
        }
        shown += QString::fromUtf8(raw.data() + i, length);
        i += length;
    }
    if (i < raw.size())
        shown += u"…"_qs;
    return shown;
}

std::optional<QByteArray> SafePath::percentDecodeOnce(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size())
            return std::nullopt;
        const int high = hexValue(in[i + 1]);
        const int low = hexValue(in[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out += char(high * 16 + low);
        i += 2;
    }
    return out;
}

} // namespace ddd::core
