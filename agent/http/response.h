// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/filehandle.h"
#include "agent/http/headers.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace ddd::agent::http {

class ResponseStream;

// What a handler answers. The body is either bytes in memory or a range of a
// file on disk that the server streams (site files, blobs); HEAD answers
// carry the headers only.
struct Response final
{
    int status = 200;
    Headers headers;
    QByteArray body;
    QString filePath;        // when set, the body is streamed from this file
    // Already open (the site's descriptor cache): streamed from this instead
    // of opening filePath again. Either names the body's file.
    std::shared_ptr<const FileHandle> file;
    qint64 fileOffset = 0;
    qint64 fileLength = -1;  // -1: to the end of the file
    // ResponseSerializer::prepare() of an earlier answer with the same
    // status and fields: HTTP/1.1 sends it as is (HTTP/2 encodes `headers`).
    QByteArray preparedHead;
    bool headOnly = false;   // send headers (with the body's length) but no body
    bool closeConnection = false;
    // When set, the body comes from this producer while it is sent, without
    // a length, and the connection closes after it (see ResponseStream).
    std::shared_ptr<ResponseStream> stream;
    // For the access log only, never sent: the refusal's stable code, and on
    // the site listener the project and version number that answered.
    QString errorCode;
    qint64 projectId = 0;
    int versionNumber = 0;

    static Response json(int status, const QJsonObject &object);
    static Response json(int status, const QJsonArray &array);
    static Response text(int status, QByteArray body, QByteArray contentType = "text/plain; charset=utf-8");
    static Response noContent();
};

} // namespace ddd::agent::http
