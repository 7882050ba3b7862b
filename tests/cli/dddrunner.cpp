// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/cli/dddrunner.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

namespace ddd::test {

QJsonObject DddRunner::Run::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QString DddRunner::Run::errorCode() const
{
    // The last line: with `logs --follow --json` the build's lines come first.
    const QList<QByteArray> lines = err.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object().value(u"error"_qs).toObject().value(u"code"_qs).toString();
}

DddRunner::DddRunner(QString configHome)
{
    m_environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DDD_AGENT"_qs, u"DDD_TOKEN"_qs, u"DDD_PROJECT"_qs, u"DDD_CONFIG_DIR"_qs})
        m_environment.remove(name);
    m_environment.insert(u"XDG_CONFIG_HOME"_qs, configHome);
    // Tests have no secret service: the choice of the owner-only file is explicit.
    m_environment.insert(u"DDD_TOKEN_STORE"_qs, u"file"_qs);
}

void DddRunner::setVariable(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_environment.remove(name);
    else
        m_environment.insert(name, value);
}

DddRunner::Run DddRunner::run(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(DDD_CLI_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!finished.wait(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = "ddd did not finish";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace ddd::test
