// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/spoolsink.h"

namespace ddd::agent::api {

using core::Error;
using core::Status;

namespace {
Error ioError(const QFile &file)
{
    // A full disk is the likely cause; 507 tells the client to stop retrying.
    if (file.error() == QFileDevice::ResourceError || file.error() == QFileDevice::WriteError)
        return Error::make(u"storage.disk_full"_qs, u"the agent could not store the upload: "_qs + file.errorString());
    return Error::make(u"io.error"_qs, u"cannot write the upload spool: "_qs + file.errorString());
}
} // namespace

SpoolSink::SpoolSink(QString path, Discard discard) : m_file(std::move(path)), m_discard(std::move(discard)) {}

core::Result<std::unique_ptr<http::BodySink>> SpoolSink::openFor(http::Request &request, QString path,
                                                                Discard discard)
{
    auto sink = std::make_unique<SpoolSink>(path, std::move(discard));
    if (auto opened = sink->open(); !opened)
        return opened.error();
    request.bodyFile = std::move(path);
    return std::unique_ptr<http::BodySink>(std::move(sink));
}

SpoolSink::~SpoolSink()
{
    if (!m_finished)
        abort();
}

Status SpoolSink::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::make(u"io.error"_qs, u"cannot create the upload spool: "_qs + m_file.errorString());
    return {};
}

Status SpoolSink::write(const char *data, std::size_t size)
{
    if (m_file.write(data, qint64(size)) != qint64(size))
        return ioError(m_file);
    return {};
}

Status SpoolSink::finish()
{
    if (!m_file.flush())
        return ioError(m_file);
    m_file.close();
    m_finished = true;
    return {};
}

void SpoolSink::abort()
{
    if (m_discarded)
        return;
    m_file.close();
    m_discarded = true;
    m_finished = true;
    m_discard(m_file.fileName());
}

} // namespace ddd::agent::api
