// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/http2responsehead.h"

#include "agent/http/errorresponse.h"
#include "agent/http/responseserializer.h"

namespace ddd::agent::http {

Http2ResponseHead::Prepared Http2ResponseHead::prepare(Response response, bool withBody, const QByteArray &date)
{
    Prepared prepared;
    if (const core::Status checked = ResponseSerializer::checkHead(response); !checked)
        response = errorResponse(checked.error());
    if (const core::Status filled = fillBody(response, prepared.body); !filled) {
        response = errorResponse(filled.error()); // as HTTP/1.1 answers it (500, or 503 without descriptors)
        static_cast<void>(fillBody(response, prepared.body));
    }
    prepared.status = response.status;
    prepared.fields.append({QByteArrayLiteral(":status"), QByteArray::number(response.status)});
    for (const auto &[name, value] : response.headers.all()) {
        const QByteArray lower = name.toLower();
        if (!isConnectionSpecific(lower) && lower != "content-length")
            prepared.fields.append({lower, value});
    }
    if (!response.headers.contains("Date"))
        prepared.fields.append({QByteArrayLiteral("date"), date});
    const bool allowsBody = ResponseSerializer::statusAllowsBody(response.status);
    if (allowsBody && !prepared.body.live)
        prepared.fields.append({QByteArrayLiteral("content-length"), QByteArray::number(prepared.body.remaining)});
    else if (allowsBody && prepared.body.live->length() >= 0)
        prepared.fields.append({QByteArrayLiteral("content-length"), QByteArray::number(prepared.body.live->length())});
    prepared.hasBody = withBody && allowsBody && !response.headOnly
        && (prepared.body.live || prepared.body.remaining > 0);
    return prepared;
}

// The same window of the same file (or memory) the HTTP/1.1 writer sends.
core::Status Http2ResponseHead::fillBody(Response &response, Http2Body &body)
{
    body = Http2Body{};
    if (response.stream) {
        body.live = std::move(response.stream);
        return {};
    }
    if (!response.file && response.filePath.isEmpty()) {
        body.memory = std::move(response.body);
        body.remaining = body.memory.size();
        return {};
    }
    std::shared_ptr<const FileHandle> file = response.file;
    if (!file) {
        auto opened = FileHandle::openRegular(response.filePath);
        if (!opened)
            return opened.error();
        file = std::move(*opened);
    }
    const qint64 available = file->size() - response.fileOffset;
    if (response.fileOffset < 0 || available < 0 || response.fileLength > available)
        return core::Error::make(u"internal"_qs, u"range outside the file"_qs);
    body.file = std::move(file);
    body.offset = response.fileOffset;
    body.remaining = response.fileLength < 0 ? available : response.fileLength;
    return {};
}

bool Http2ResponseHead::isConnectionSpecific(const QByteArray &lowerName)
{
    return lowerName == "connection" || lowerName == "keep-alive" || lowerName == "proxy-connection"
        || lowerName == "transfer-encoding" || lowerName == "upgrade";
}

} // namespace ddd::agent::http
