// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/partialblob.h"

#include "core/util/diskfull.h"

#include <QFile>

namespace ddd::core::blobs {

Result<PartialBlob> PartialBlob::open(const QString &path, qint64 maxBytes)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
        return DiskFull::writeError(*file, u"Cannot open "_qs + path);
    const qint64 size = file->size();
    return PartialBlob(std::move(file), size, maxBytes);
}

PartialBlob::PartialBlob(std::unique_ptr<QFile> file, qint64 size, qint64 maxBytes)
    : m_file(std::move(file)), m_size(size), m_maxBytes(maxBytes)
{
}

PartialBlob::PartialBlob(PartialBlob &&other) noexcept = default;
PartialBlob &PartialBlob::operator=(PartialBlob &&other) noexcept = default;
PartialBlob::~PartialBlob() = default;

Status PartialBlob::append(QByteArrayView data)
{
    if (data.size() > m_maxBytes - m_size)
        return Error::make(u"blob.too_large"_qs,
                           QStringLiteral("The blob would grow past its announced %1 bytes").arg(m_maxBytes),
                           {{u"maximum"_qs, m_maxBytes}});
    if (m_file->write(data.data(), data.size()) != data.size() || !m_file->flush())
        return DiskFull::writeError(*m_file, u"Cannot write "_qs + m_file->fileName());
    m_size += data.size();
    return {};
}

} // namespace ddd::core::blobs
