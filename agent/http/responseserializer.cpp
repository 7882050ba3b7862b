// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/responseserializer.h"

#include "agent/http/asiostreams.h"

#include <boost/beast/http/status.hpp>

#include <algorithm>

namespace ddd::agent::http {

namespace {

bool isTokenChar(char c)
{
    static constexpr std::string_view separators = "\"(),/:;<=>?@[\\]{}";
    return c > 0x20 && c < 0x7f && separators.find(c) == std::string_view::npos;
}

bool isValidName(const QByteArray &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), isTokenChar);
}

bool isValidValue(const QByteArray &value)
{
    return std::none_of(value.cbegin(), value.cend(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool isFramingField(const QByteArray &name)
{
    for (const char *owned : {"Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive"})
        if (name.compare(owned, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

core::Error badHead(const QString &what)
{
    return core::Error::make(u"internal"_qs, u"handler produced an invalid response head: "_qs + what);
}

// Appended piece by piece into one reserved buffer: a temporary per field
// was a tenth of a small file's whole answer.
void appendField(QByteArray &head, const QByteArray &name, const QByteArray &value)
{
    head.append(name).append(": ", 2).append(value).append("\r\n", 2);
}

} // namespace

core::Result<QByteArray> ResponseSerializer::head(const Response &response, const Framing &framing,
                                                  const QByteArray &date)
{
    if (response.status < 100 || response.status > 599)
        return badHead(u"status "_qs + QString::number(response.status));
    const auto reason = beast::http::obsolete_reason(static_cast<beast::http::status>(response.status));
    QByteArray head;
    head.reserve(512);
    head.append("HTTP/1.1 ", 9).append(QByteArray::number(response.status)).append(' ');
    head.append(reason.data(), qsizetype(reason.size())).append("\r\n", 2);
    for (const auto &[name, value] : response.headers.all()) {
        if (!isValidName(name) || !isValidValue(value))
            return badHead(u"field "_qs + QString::fromLatin1(name.toPercentEncoding()));
        if (!isFramingField(name))
            appendField(head, name, value);
    }
    if (!response.headers.contains("Date"))
        appendField(head, "Date", date);
    if (statusAllowsBody(response.status) && !framing.untilClose)
        appendField(head, "Content-Length", QByteArray::number(framing.bodyLength));
    if (!framing.keepAlive)
        appendField(head, "Connection", "close");
    else if (framing.http10Client)
        appendField(head, "Connection", "keep-alive");
    head.append("\r\n", 2);
    return head;
}

bool ResponseSerializer::statusAllowsBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace ddd::agent::http
