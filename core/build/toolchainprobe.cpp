// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/toolchainprobe.h"

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <mutex>

namespace ddd::core::build {

namespace {

constexpr int ProbeTimeoutMs = 20'000;

QStringList probeCommand(Generator generator)
{
    switch (generator) {
    case Generator::Hugo: return {u"hugo"_qs, u"version"_qs};
    case Generator::Jekyll: return {u"jekyll"_qs, u"--version"_qs};
    case Generator::MkDocs: return {u"mkdocs"_qs, u"--version"_qs};
    case Generator::Npm: return {u"node"_qs, u"--version"_qs};
    case Generator::Plain: break;
    }
    return {};
}

QString runProbe(const QStringList &command)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.first(), command.mid(1));
    const bool finished = process.waitForStarted(ProbeTimeoutMs) && process.waitForFinished(ProbeTimeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(1000);
        return command.first() + u" unavailable"_qs;
    }
    const QString number = ToolchainProbe::versionNumber(process.readAll());
    if (process.exitCode() != 0 || number.isEmpty())
        return command.first() + u" unavailable"_qs;
    return command.first() + u' ' + number;
}

} // namespace

QString ToolchainProbe::version(Generator generator)
{
    const QStringList command = probeCommand(generator);
    if (command.isEmpty())
        return {};
    static std::mutex mutex;
    static QHash<int, QString> cache;
    // Held while probing: two builds starting together run the probe once.
    std::lock_guard lock(mutex);
    auto cached = cache.constFind(int(generator));
    if (cached != cache.cend())
        return *cached;
    const QString version = runProbe(command);
    cache.insert(int(generator), version);
    return version;
}

QString ToolchainProbe::versionNumber(const QByteArray &output)
{
    static const QRegularExpression number(u"(\\d+\\.\\d+(?:\\.\\d+)?)"_qs);
    const QRegularExpressionMatch match = number.match(QString::fromUtf8(output));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace ddd::core::build
