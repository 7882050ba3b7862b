// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/buildtestkit.h"

#include "core/build/buildlogsink.h"
#include "tests/support/zipbuilder.h"

#include <QDeadlineTimer>
#include <QThread>

namespace ddd::test {

void BuildGate::release()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->open = true;
    }
    m_state->changed.notify_all();
}

core::build::BuildService::Engine BuildGate::engine()
{
    return [state = m_state](const core::build::BuildRequest &request, core::build::BuildLogSink &log,
                             std::stop_token stop) -> core::Result<core::build::BuildOutcome> {
        log.output("step one");
        log.output("export API_TOKEN=hunter2hunter2 then Bearer abc.def.ghi");
        log.output("using flag value s3cr3t-flag-value and hash 0123456789abcdef0123456789abcdef01");
        {
            std::unique_lock lock(state->mutex);
            while (!state->open && !stop.stop_requested())
                state->changed.wait_for(lock, std::chrono::milliseconds(10));
        }
        if (stop.stop_requested())
            return core::Error::make(u"build.cancelled"_qs, u"cancelled"_qs);
        log.output("step two");
        return core::build::BuildOutcome{{}, {{u"build"_qs, 5, 0}}, request.sourceDirectory};
    };
}

HttpTestClient BuildApi::client() const
{
    HttpTestClient http(m_agent.apiPort());
    http.setToken(m_token);
    return http;
}

qint64 BuildApi::createProject(const QString &name, QByteArray *stagingHost)
{
    const HttpReply project = client().post(u"/api/v1/projects"_qs, {{u"name"_qs, name}});
    if (stagingHost)
        *stagingHost = project.json().value(u"stagingHost"_qs).toString().toLatin1();
    return project.json().value(u"id"_qs).toInteger();
}

HttpReply BuildApi::uploadSource(qint64 project, const QByteArray &zip, const QString &query)
{
    return client().send("POST", u"/api/v1/projects/%1/sources%2"_qs.arg(project).arg(query), zip,
                         {{"Content-Type", "application/zip"}});
}

QJsonObject BuildApi::waitFor(qint64 build, const QString &status, int timeoutMs)
{
    QJsonObject last;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        last = client().get(u"/api/v1/builds/%1"_qs.arg(build)).json();
        if (last.value(u"status"_qs).toString() == status)
            return last;
        QThread::msleep(20);
    }
    qWarning() << "build" << build << "never reached" << status << ":" << last;
    return last;
}

QByteArray BuildApi::siteZip(const QByteArray &index)
{
    return ZipBuilder().file("index.html", index).file("about/index.html", "<p>about</p>").build();
}

} // namespace ddd::test
