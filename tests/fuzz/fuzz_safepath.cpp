// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// SafePath, the one normaliser every archive entry, manifest path and site
// request goes through. Property: every accepted path stays inside the root,
// is already normal (normalising it again changes nothing) and obeys the
// limits; the URL form gives the same answer whether or not its bytes were
// percent-encoded, so the fast path for plain paths agrees with the full one.
#include "core/util/safepath.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QDir>

using ddd::core::PathLimits;
using ddd::core::SafePath;
using ddd::fuzz::violated;

namespace {

const QString kRoot = u"/srv/site"_qs;

void checkInsideRoot(const QString &path, const QByteArray &raw)
{
    const QString resolved = QDir::cleanPath(kRoot + u'/' + path);
    if (resolved != kRoot && !resolved.startsWith(kRoot + u'/'))
        violated("accepted path stays inside the root", QString::fromLatin1(raw.toHex()) + u" -> "_qs + path);
}

void checkLimits(const QString &path, const QByteArray &raw)
{
    const PathLimits limits;
    const QByteArray utf8 = path.toUtf8();
    const QList<QByteArray> segments = utf8.split('/');
    bool ok = utf8.size() <= limits.maxPathBytes && !utf8.contains('\\') && !utf8.contains('\0');
    int depth = 0;
    for (const QByteArray &segment : segments) {
        ok = ok && segment != "." && segment != ".." && segment.size() <= limits.maxComponentBytes;
        depth += segment.isEmpty() ? 0 : 1;
    }
    if (!ok || depth > limits.maxDepth)
        violated("accepted path is normal and within the limits", QString::fromLatin1(raw.toHex()) + u" -> "_qs + path);
}

// Every byte as %XX: the decoder must give back exactly `bytes`.
QByteArray encodeAll(const QByteArray &bytes)
{
    QByteArray out;
    for (char c : bytes)
        out += '%' + QByteArray(1, c).toHex().toUpper();
    return out;
}

void checkArchiveEntry(const QByteArray &raw)
{
    const auto result = SafePath::fromArchiveEntry(raw);
    if (!result.ok())
        return;
    const QString path = result.value();
    if (path.startsWith(u'/') || path.contains(u"//"_qs))
        violated("archive path is relative and has no empty segment", path);
    checkInsideRoot(path, raw);
    checkLimits(path, raw);
    if (path.isEmpty())
        return; // the root itself ("./"), which has no name to normalise again
    const auto again = SafePath::fromArchiveEntry(path.toUtf8());
    if (!again.ok() || again.value() != path)
        violated("archive path normalisation is idempotent", path);
}

void checkUrlPath(const QByteArray &raw)
{
    const auto result = SafePath::fromUrlPath(raw);
    const auto encoded = SafePath::fromUrlPath(encodeAll(raw.mid(1)).prepend('/'));
    const bool comparable = raw.startsWith('/') && raw.size() <= 1024 && !raw.contains('%');
    if (comparable && (result.ok() != encoded.ok() || (result.ok() && encoded.value() != result.value())))
        violated("a plain path and its percent-encoded form normalise alike", QString::fromLatin1(raw));
    if (!result.ok())
        return;
    const QString path = result.value();
    if (!path.startsWith(u'/') || path.contains(u"//"_qs))
        violated("URL path is absolute without empty segments", path);
    checkInsideRoot(path, raw);
    checkLimits(path.mid(1), raw);
    const auto again = SafePath::fromUrlPath(encodeAll(path.toUtf8().mid(1)).prepend('/'));
    if (!again.ok() || again.value() != path)
        violated("URL path round-trips through percent-encoding", path);
}

void checkPercentCodec(const QByteArray &raw)
{
    const auto decoded = SafePath::percentDecodeOnce(encodeAll(raw));
    if (!decoded || *decoded != raw)
        violated("percentDecodeOnce inverts full encoding", QString::fromLatin1(raw.toHex()));
    // Untrusted names are shown in error messages: rendering never fails.
    (void)SafePath::displayName(raw);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray raw = ddd::fuzz::bytes(data, size);
    checkArchiveEntry(raw);
    checkUrlPath(raw);
    checkUrlPath(QByteArray(raw).prepend('/'));
    checkPercentCodec(raw);
    return 0;
}
