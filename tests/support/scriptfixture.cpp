// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/scriptfixture.h"

#include <QProcess>

namespace ddd::test {

ScriptFixture::ScriptFixture(QString scriptName)
    : m_script(QStringLiteral(DDD_TEST_SUPPORT_DIR "/") + scriptName)
{
}

ScriptFixture::~ScriptFixture()
{
    // Also after a failed start: it may have left daemons behind.
    if (m_started)
        QProcess::execute(m_script, {u"stop"_qs, m_dir.path()});
}

std::optional<QByteArray> ScriptFixture::start(std::chrono::milliseconds timeout)
{
    if (!m_dir.isValid()) {
        m_failure = u"no temporary folder: "_qs + m_dir.errorString();
        return std::nullopt;
    }
    QProcess script;
    script.start(m_script, {u"start"_qs, m_dir.path()});
    m_started = true;
    if (!script.waitForFinished(int(timeout.count()))) {
        m_failure = m_script + u" did not start within %1 s"_qs.arg(timeout.count() / 1000);
        return std::nullopt;
    }
    if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
        m_failure = m_script + u" failed: "_qs + QString::fromUtf8(script.readAllStandardError());
        return std::nullopt;
    }
    return script.readAllStandardOutput().trimmed();
}

bool ScriptFixture::run(const QString &command, std::chrono::milliseconds timeout)
{
    QProcess script;
    script.start(m_script, {command, m_dir.path()});
    return script.waitForFinished(int(timeout.count())) && script.exitStatus() == QProcess::NormalExit
        && script.exitCode() == 0;
}

} // namespace ddd::test
