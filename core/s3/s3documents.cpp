// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/s3/s3documents.h"

#include <QJsonObject>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace ddd::core::s3 {

namespace {

Error protocolError(const QString &what)
{
    return Error::make(u"objects.protocol"_qs, u"The object store's answer is not S3: "_qs + what);
}

// One <Contents> element: a key and a size are required, the rest skipped.
bool readObject(QXmlStreamReader &xml, blobs::ObjectStore::Object &object)
{
    bool haveKey = false, haveSize = false;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"Key") {
            object.key = xml.readElementText().toUtf8();
            haveKey = true;
        } else if (xml.name() == u"Size") {
            object.size = xml.readElementText().toLongLong(&haveSize);
        } else {
            xml.skipCurrentElement();
        }
    }
    return haveKey && haveSize && object.size >= 0;
}

} // namespace

Result<blobs::ObjectStore::Page> S3Documents::listPage(const QByteArray &document, const QByteArray &keyPrefix)
{
    QXmlStreamReader xml(document);
    if (!xml.readNextStartElement() || xml.name() != u"ListBucketResult")
        return protocolError(u"no ListBucketResult"_qs);
    blobs::ObjectStore::Page page;
    bool truncated = false;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"Contents") {
            blobs::ObjectStore::Object object;
            if (!readObject(xml, object) || !object.key.startsWith(keyPrefix))
                return protocolError(u"an object without a key and size under the prefix"_qs);
            object.key.remove(0, keyPrefix.size());
            page.objects.append(std::move(object));
        } else if (xml.name() == u"IsTruncated") {
            truncated = xml.readElementText() == u"true";
        } else if (xml.name() == u"NextContinuationToken") {
            page.continuation = xml.readElementText().toUtf8();
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return protocolError(xml.errorString());
    if (truncated && page.continuation.isEmpty())
        return protocolError(u"a truncated list without a continuation token"_qs);
    if (!truncated)
        page.continuation.clear();
    return page;
}

Result<QByteArray> S3Documents::uploadId(const QByteArray &document)
{
    QXmlStreamReader xml(document);
    if (!xml.readNextStartElement() || xml.name() != u"InitiateMultipartUploadResult")
        return protocolError(u"no InitiateMultipartUploadResult"_qs);
    while (xml.readNextStartElement()) {
        if (xml.name() == u"UploadId") {
            const QByteArray id = xml.readElementText().toUtf8();
            if (!id.isEmpty())
                return id;
        } else {
            xml.skipCurrentElement();
        }
    }
    return protocolError(u"no UploadId"_qs);
}

S3Documents::ErrorInfo S3Documents::error(const QByteArray &document)
{
    QXmlStreamReader xml(document);
    ErrorInfo info;
    if (!xml.readNextStartElement() || xml.name() != u"Error")
        return info;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"Code")
            info.code = xml.readElementText().toUtf8();
        else if (xml.name() == u"Message")
            info.message = xml.readElementText().toUtf8();
        else
            xml.skipCurrentElement();
    }
    if (xml.hasError())
        return {};
    return info;
}

Error S3Documents::failure(int status, const QByteArray &body)
{
    const ErrorInfo info = error(body);
    const QJsonObject details{{u"status"_qs, status}, {u"s3Code"_qs, QString::fromUtf8(info.code)}};
    const QString said = info.message.isEmpty() ? QString() : u": "_qs + QString::fromUtf8(info.message);
    if (status >= 500 || status == 429 || info.code == "SlowDown")
        return Error::make(u"objects.unavailable"_qs,
                           u"The object store is unavailable (HTTP %1)"_qs.arg(status) + said, details);
    if (status == 404 && info.code != "NoSuchBucket")
        return Error::make(u"objects.not_found"_qs, u"No such object"_qs, details);
    return Error::make(u"objects.refused"_qs, u"The object store refused the request (HTTP %1)"_qs.arg(status) + said,
                       details);
}

QByteArray S3Documents::completeMultipartUpload(const QList<QByteArray> &etags)
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartElement(u"CompleteMultipartUpload"_qs);
    xml.writeDefaultNamespace(u"http://s3.amazonaws.com/doc/2006-03-01/"_qs);
    for (qsizetype i = 0; i < etags.size(); ++i) {
        xml.writeStartElement(u"Part"_qs);
        xml.writeTextElement(u"PartNumber"_qs, QString::number(i + 1));
        xml.writeTextElement(u"ETag"_qs, QString::fromUtf8(etags[i]));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return body;
}

} // namespace ddd::core::s3
