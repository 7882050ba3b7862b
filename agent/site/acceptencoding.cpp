// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/acceptencoding.h"

namespace ddd::agent::site {

namespace {

using core::blobs::BlobVariant;
using core::blobs::ContentCoding;

// token = 1*tchar (RFC 9110 §5.6.2)
bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
std::optional<int> parseQuality(const QByteArray &text)
{
    if (text.isEmpty() || (text[0] != '0' && text[0] != '1'))
        return std::nullopt;
    if (text.size() == 1)
        return text[0] == '1' ? 1000 : 0;
    if (text[1] != '.' || text.size() > 5)
        return std::nullopt;
    int thousandths = 0;
    for (qsizetype i = 2; i < 5; ++i) {
        const char digit = i < text.size() ? text[i] : '0';
        if (digit < '0' || digit > '9')
            return std::nullopt;
        thousandths = thousandths * 10 + (digit - '0');
    }
    if (text[0] == '1')
        return thousandths == 0 ? std::optional<int>(1000) : std::nullopt;
    return thousandths;
}

// "gzip;q=0.5" -> {"gzip", 500}; nullopt when malformed.
std::optional<std::pair<QByteArray, int>> parseElement(const QByteArray &element)
{
    const QList<QByteArray> parts = element.split(';');
    QByteArray token = parts.first().trimmed().toLower();
    if (!isToken(token))
        return std::nullopt;
    if (token == "x-gzip")
        token = "gzip";
    int quality = 1000;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        if (!parameter.toLower().startsWith("q="))
            continue; // no other parameter is defined for codings
        const std::optional<int> q = parseQuality(parameter.mid(2).trimmed());
        if (!q)
            return std::nullopt;
        quality = *q;
    }
    return std::make_pair(token, quality);
}

} // namespace

AcceptEncoding AcceptEncoding::parse(const QList<QByteArray> &fields)
{
    AcceptEncoding parsed;
    for (const QByteArray &element : fields.join(',').split(',')) {
        if (element.trimmed().isEmpty())
            continue;
        if (const auto entry = parseElement(element); entry && !parsed.m_qualities.contains(entry->first))
            parsed.m_qualities.insert(entry->first, entry->second);
    }
    return parsed;
}

std::optional<int> AcceptEncoding::quality(const QByteArray &token) const
{
    if (const auto named = m_qualities.constFind(token); named != m_qualities.cend())
        return *named;
    if (const auto any = m_qualities.constFind("*"); any != m_qualities.cend())
        return *any;
    return std::nullopt;
}

std::optional<ContentCoding> AcceptEncoding::choose(const QList<ContentCoding> &offered) const
{
    std::optional<ContentCoding> best;
    int bestQuality = 0;
    // BlobVariant::codings() lists brotli first: on a tie it stays chosen.
    for (ContentCoding coding : BlobVariant::codings()) {
        const int q = quality(BlobVariant::token(coding)).value_or(0);
        if (offered.contains(coding) && q > bestQuality) {
            best = coding;
            bestQuality = q;
        }
    }
    // An identity the client rates higher than every coding wins; one it
    // does not rate at all loses to any coding it accepts.
    if (best && quality("identity").value_or(0) > bestQuality)
        return std::nullopt;
    return best;
}

} // namespace ddd::agent::site
