// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/requesttarget.h"

#include "core/util/safepath.h"

#include "agent/http/hostfield.h"

#include <QStringDecoder>

#include <utility>

namespace ddd::agent::http {

namespace {

core::Error badTarget(const QString &message)
{
    return core::Error::make(u"http.bad_target"_qs, message);
}

core::Error badPath(const QString &message)
{
    return core::Error::make(u"http.bad_path"_qs, message);
}

// No escapes and nothing outside printable ASCII: the path is its own
// decoding, without the decoder's copies (this runs for every request).
bool isPlainAscii(QByteArrayView raw)
{
    for (char c : raw)
        if (c <= ' ' || c >= 0x7f || c == '%')
            return false;
    return true;
}

core::Result<QString> decodePath(QByteArrayView raw)
{
    if (isPlainAscii(raw))
        return QString::fromLatin1(raw);
    const std::optional<QByteArray> decoded = core::SafePath::percentDecodeOnce(raw);
    if (!decoded)
        return badPath(u"malformed percent-escape in path"_qs);
    const QByteArray &bytes = *decoded;
    if (bytes.contains('\0'))
        return badPath(u"path contains NUL"_qs);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString path = decoder.decode(bytes);
    if (decoder.hasError())
        return badPath(u"path is not valid UTF-8"_qs);
    return path;
}

// "http://host:port/path?query" -> host, and the origin-form remainder.
core::Result<std::pair<QString, QByteArrayView>> splitAbsoluteForm(QByteArrayView raw)
{
    const qsizetype schemeEnd = raw.indexOf("://");
    const QByteArray scheme = raw.first(schemeEnd).toByteArray().toLower();
    if (scheme != "http" && scheme != "https")
        return badTarget(u"unsupported scheme in request target"_qs);
    const QByteArrayView rest = raw.sliced(schemeEnd + 3);
    qsizetype authorityEnd = rest.size();
    for (char stop : {'/', '?'})
        if (const qsizetype at = rest.indexOf(stop); at >= 0 && at < authorityEnd)
            authorityEnd = at;
    const auto host = HostField::normalise(rest.first(authorityEnd));
    if (!host)
        return badTarget(u"invalid authority in request target"_qs);
    return std::pair<QString, QByteArrayView>{*host, rest.sliced(authorityEnd)};
}

} // namespace

core::Result<RequestTarget> RequestTarget::parse(QByteArrayView raw)
{
    RequestTarget target;
    if (raw == "*") {
        target.m_path = u"*"_qs;
        return target;
    }
    QByteArrayView originForm = raw;
    if (!raw.startsWith('/')) {
        if (!raw.contains("://"))
            return badTarget(u"request target is not in origin, absolute or asterisk form"_qs);
        auto split = splitAbsoluteForm(raw);
        if (!split)
            return split.error();
        target.m_authorityHost = split->first;
        originForm = split->second;
    }
    if (originForm.contains('#'))
        return badTarget(u"request target carries a fragment"_qs);
    const qsizetype queryStart = originForm.indexOf('?');
    const QByteArrayView rawPath = queryStart >= 0 ? originForm.first(queryStart) : originForm;
    auto path = decodePath(rawPath.isEmpty() ? QByteArrayView("/") : rawPath);
    if (!path)
        return path.error();
    target.m_path = *path;
    if (queryStart >= 0)
        target.m_query.setQuery(QString::fromUtf8(originForm.sliced(queryStart + 1)));
    return target;
}

} // namespace ddd::agent::http
