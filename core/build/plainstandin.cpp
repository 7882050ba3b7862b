// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// TEMPORARY stand-in until feat/generators (BuildEngine, BuildDetector) and
// feat/sandbox (SandboxRunner) are merged: plain sites only. Delete this file
// when merging those branches (their definitions would clash with these).
#include "core/build/buildengine.h"
#include "core/build/builddetector.h"
#include "core/build/buildlogsink.h"
#include "core/build/sandboxrunner.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::core::build {

struct SandboxRunner::Impl
{
};

SandboxRunner::SandboxRunner(Options options) : m_impl(std::make_unique<Impl>()), m_options(std::move(options)) {}
SandboxRunner::~SandboxRunner() = default;

Result<Detection> BuildDetector::detect(const QString &sourceDirectory, const Choice &)
{
    const QDir root(sourceDirectory);
    if (root.exists(u"index.html"_qs))
        return Detection{};
    const QStringList entries = root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    if (entries.size() == 1 && QFileInfo(root.filePath(entries.first())).isDir()
        && QDir(root.filePath(entries.first())).exists(u"index.html"_qs))
        return Detection{Generator::Plain, entries.first(), {}, {}, {}};
    return Error::make(u"build.undetected"_qs, u"No index.html at the root or in the only top folder"_qs);
}

BuildEngine::BuildEngine(SandboxRunner &sandbox, BuildPolicy policy) : m_sandbox(sandbox), m_policy(std::move(policy)) {}

Result<BuildOutcome> BuildEngine::run(const BuildRequest &request, BuildLogSink &log, std::stop_token cancel)
{
    Result<Detection> detection = BuildDetector::detect(request.sourceDirectory, {});
    if (!detection)
        return detection.error();
    if (cancel.stop_requested())
        return Error::make(u"build.cancelled"_qs, u"cancelled"_qs);
    log.note("== plain site: deployed as is");
    return BuildOutcome{*detection, {}, QDir(request.sourceDirectory).filePath(detection->siteRoot)};
}

} // namespace ddd::core::build
