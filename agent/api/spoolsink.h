// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodysink.h"
#include "agent/http/request.h"
#include "core/util/result.h"

#include <QFile>

#include <functional>
#include <memory>

namespace ddd::agent::api {

// Streams an upload body into a spool file chunk by chunk, so an archive is
// never whole in memory. An upload that does not finish (client gone, limit
// hit, server stopping) has its spool discarded.
class SpoolSink final : public http::BodySink
{
public:
    using Discard = std::function<void(const QString &path)>;

    SpoolSink(QString path, Discard discard);
    // The sink an archive route hands the server: opens the spool file and
    // names it in the request, so the handler finds the body there.
    static core::Result<std::unique_ptr<http::BodySink>> openFor(http::Request &request, QString path,
                                                                 Discard discard);
    ~SpoolSink() override;

    core::Status open();
    core::Status write(const char *data, std::size_t size) override;
    core::Status finish() override;
    void abort() override;

private:
    QFile m_file;
    Discard m_discard;
    bool m_finished = false;
    bool m_discarded = false;
};

} // namespace ddd::agent::api
