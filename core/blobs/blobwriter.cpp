// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobwriter.h"

#include "core/util/diskfull.h"

#include <QFile>
#include <QRandomGenerator>

namespace ddd::core::blobs {

namespace {

constexpr QFileDevice::Permissions kBlobPermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;

Error writeError(const QFile &file)
{
    return DiskFull::writeError(file, u"Cannot write "_qs + file.fileName());
}

} // namespace

Result<BlobWriter> BlobWriter::create(const QString &stagingDirectory)
{
    // A named file from the start (QTemporaryFile may use an unnamed
    // O_TMPFILE inode that only gets a name through /proc); NewOnly makes
    // the random name exclusive.
    const QString name = QString::number(QRandomGenerator::system()->generate64(), 16);
    auto file = std::make_unique<QFile>(stagingDirectory + u"/blob-"_qs + name);
    if (!file->open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::make(u"io.error"_qs,
                           QStringLiteral("Cannot create a staging file in %1: %2").arg(stagingDirectory, file->errorString()));
    return BlobWriter(std::move(file));
}

BlobWriter::BlobWriter(std::unique_ptr<QFile> file) : m_file(std::move(file)) {}

BlobWriter::BlobWriter(BlobWriter &&other) noexcept = default;

BlobWriter &BlobWriter::operator=(BlobWriter &&other) noexcept
{
    if (this != &other) {
        discard();
        m_file = std::move(other.m_file);
        m_hash = std::move(other.m_hash);
        m_size = other.m_size;
    }
    return *this;
}

BlobWriter::~BlobWriter()
{
    discard();
}

Status BlobWriter::write(QByteArrayView data)
{
    if (m_file->write(data.data(), data.size()) != data.size())
        return writeError(*m_file);
    m_hash.addData(data);
    m_size += data.size();
    return {};
}

Result<StagedBlob> BlobWriter::finish()
{
    if (!m_file->setPermissions(kBlobPermissions) || !m_file->flush())
        return writeError(*m_file);
    m_file->close();
    StagedBlob staged{m_file->fileName(), m_hash.hexResult(), m_size};
    m_file.reset();
    return staged;
}

void BlobWriter::discard()
{
    if (m_file)
        m_file->remove();
    m_file.reset();
}

} // namespace ddd::core::blobs
