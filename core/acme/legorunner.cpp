// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/legorunner.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <csignal>
#include <sys/prctl.h>

namespace ddd::core::acme {

LegoOutcome LegoRunner::run(const LegoCommand &command, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : command.environment) {
        const qsizetype eq = entry.indexOf(u'=');
        environment.insert(entry.left(eq), entry.mid(eq + 1));
    }
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.start(command.program, command.arguments);
    if (!process.waitForStarted(10000))
        return {false, u"cannot start %1: %2"_qs.arg(command.program, process.errorString())};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return {false, summary(QString::fromUtf8(process.readAll())) + u"\nlego timed out after %1 s"_qs.arg(timeoutMs / 1000)};
    }
    const QString output = QString::fromUtf8(process.readAll()).right(maxOutputChars);
    const bool ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return {ok, ok ? output : summary(output)};
}

// lego logs "[INFO]" progress and one fatal line ("... error: ..."); an owner
// wants the fatal one, not the banner about backing up the account folder.
QString LegoRunner::summary(const QString &output)
{
    QStringList kept;
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        if (!line.contains(u"[INFO]"_qs) && (line.contains(u"error"_qs, Qt::CaseInsensitive)
                                              || line.contains(u"Could not"_qs) || line.contains(u"[WARN]"_qs)))
            kept << line.trimmed();
    if (kept.isEmpty())
        kept = lines.mid(qMax<qsizetype>(0, lines.size() - 5));
    return kept.join(u'\n').right(maxOutputChars);
}

} // namespace ddd::core::acme
