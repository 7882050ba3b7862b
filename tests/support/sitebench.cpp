// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sitebench.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace ddd::test {

SiteBench::SiteBench() : SiteBench(agent::site::SitePipeline::Options{})
{
}

SiteBench::SiteBench(agent::site::SitePipeline::Options options, core::auth::SiteAccess::Options access)
    : m_blobs(m_root.path()),
      m_sites(u"localhost"_qs),
      m_access(access),
      m_pipeline(m_sites, m_blobs, m_access.access, std::move(options))
{
    // Not BlobStore::initialise(): its 256 shard directories and fsync cost
    // more than a table row; SiteBuilder creates the shards it writes to.
    QDir().mkpath(blobsRoot());
}

SiteBuilder SiteBench::site(qint64 projectId, QString slug) const
{
    return SiteBuilder(blobsRoot(), projectId, std::move(slug));
}

agent::http::Response SiteBench::call(const QByteArray &method, const QString &host, const QByteArray &target,
                                      const HeaderList &headers, const QString &clientAddress)
{
    agent::http::Request request;
    request.clientAddress = clientAddress.isEmpty() ? u"192.0.2.1"_qs : clientAddress;
    request.method = method;
    request.target = target;
    request.host = host;
    for (const auto &[name, value] : headers)
        request.headers.add(name, value);
    agent::http::RequestPlan plan = m_pipeline.plan(request);
    if (plan.bodyLimit != 0 || (!plan.answer && !plan.respond))
        qFatal("the site pipeline planned something other than a bodiless answer");
    return plan.answer ? std::move(*plan.answer) : plan.respond(request);
}

agent::http::Response SiteBench::get(const QString &host, const QByteArray &target, const HeaderList &headers)
{
    return call("GET", host, target, headers);
}

QByteArray SiteBench::body(const agent::http::Response &response)
{
    if (response.file) {
        const qint64 length = response.fileLength < 0 ? response.file->size() - response.fileOffset : response.fileLength;
        QByteArray bytes(length, Qt::Uninitialized);
        const ssize_t read = ::pread(response.file->fd(), bytes.data(), size_t(length), off_t(response.fileOffset));
        return read == length ? bytes : QByteArray();
    }
    if (response.filePath.isEmpty())
        return response.body;
    QFile file(response.filePath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(response.fileOffset))
        return {};
    return file.read(response.fileLength < 0 ? file.size() - response.fileOffset : response.fileLength);
}

} // namespace ddd::test
