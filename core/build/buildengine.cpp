// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildengine.h"

#include "core/build/builddetector.h"
#include "core/build/buildlogsink.h"
#include "core/build/generatorplan.h"
#include "core/build/outputwalker.h"
#include "core/build/sandboxrunner.h"
#include "core/build/toolchainprobe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace ddd::core::build {

namespace {

using model::ProjectSettings;

void note(BuildLogSink &log, const QString &line)
{
    log.note(u"== "_qs.append(line).toUtf8());
}

Result<BuildDetector::Choice> choiceFrom(const ProjectSettings::Build &settings)
{
    BuildDetector::Choice choice;
    if (settings.generator != u"auto"_qs) {
        choice.generator = generatorFromName(settings.generator);
        if (!choice.generator)
            return Error::make(u"build.invalid_settings"_qs, u"Unknown generator: "_qs + settings.generator,
                               QJsonObject{{u"field"_qs, u"build.generator"_qs}});
    }
    choice.npmScript = settings.npmScript;
    choice.outputDir = settings.outputDir;
    return choice;
}

// The settings were checked when saved, but the operator's lists may have
// shrunk since: everything is checked again against today's policy.
Status checkPolicy(const ProjectSettings &settings, const BuildPolicy &policy, Generator generator)
{
    QStringList rejected;
    for (const QString &flag : settings.buildFlags) {
        const QString name = ProjectSettings::buildFlagName(flag);
        if (!policy.flagsAllowlist.contains(name) && !rejected.contains(name))
            rejected.append(name);
    }
    if (generator != Generator::Plain && !rejected.isEmpty())
        return Error::make(u"build.flag_not_allowed"_qs, u"Build flags not allowed: "_qs + rejected.join(u", "_qs),
                           QJsonObject{{u"rejected"_qs, QJsonArray::fromStringList(rejected)}});
    if (generator == Generator::Npm && !policy.npmScripts.contains(settings.build.npmScript))
        return Error::make(u"build.script_not_allowed"_qs,
                           QStringLiteral("The npm script \"%1\" is not on the operator's list (builds.npm_scripts)")
                               .arg(settings.build.npmScript),
                           QJsonObject{{u"script"_qs, settings.build.npmScript}});
    if (auto problem = ProjectSettings::outputDirProblem(settings.build.outputDir))
        return Error::make(u"build.invalid_settings"_qs, u"The output folder setting is not a safe relative path"_qs,
                           QJsonObject{{u"field"_qs, u"build.outputDir"_qs}, {u"reason"_qs, *problem}});
    return {};
}

Error phaseError(const QString &phase, const SandboxExit &exit, const SandboxLimits &limits)
{
    QJsonObject details{{u"phase"_qs, phase}};
    switch (exit.reason) {
    case SandboxExit::Reason::TimedOut:
        details.insert(u"limitSeconds"_qs, limits.wallClockMs / 1000);
        return Error::make(u"build.timeout"_qs, QStringLiteral("The %1 phase ran past the time limit").arg(phase), details);
    case SandboxExit::Reason::Cancelled:
        return Error::make(u"build.cancelled"_qs, u"The build was cancelled"_qs, details);
    case SandboxExit::Reason::MemoryExceeded:
        details.insert(u"limitBytes"_qs, limits.memoryBytes);
        return Error::make(u"build.memory_exceeded"_qs, QStringLiteral("The %1 phase ran out of memory").arg(phase), details);
    case SandboxExit::Reason::OutputTooLarge:
        details.insert(u"limitBytes"_qs, limits.maxOutputBytes);
        return Error::make(u"build.output_too_large"_qs, u"The build wrote more than the output limit"_qs, details);
    case SandboxExit::Reason::Signalled:
        details.insert(u"signal"_qs, exit.signal);
        details.insert(u"exitCode"_qs, 128 + exit.signal);
        return Error::make(u"build.failed"_qs, QStringLiteral("The %1 phase was killed by signal %2").arg(phase).arg(exit.signal), details);
    case SandboxExit::Reason::Exited: break;
    }
    details.insert(u"exitCode"_qs, exit.exitCode);
    return Error::make(u"build.failed"_qs, QStringLiteral("The %1 phase failed with exit code %2").arg(phase).arg(exit.exitCode), details);
}

int phaseExitCode(const SandboxExit &exit)
{
    return exit.reason == SandboxExit::Reason::Signalled ? 128 + exit.signal : exit.exitCode;
}

bool wantsMinify(const BuildPolicy &policy, const ProjectSettings &settings)
{
    switch (policy.minify) {
    case BuildPolicy::Minify::Always: return true;
    case BuildPolicy::Minify::Never: return false;
    case BuildPolicy::Minify::PerProject: break;
    }
    return !settings.optOutMinify;
}

Error cancelled()
{
    return Error::make(u"build.cancelled"_qs, u"The build was cancelled"_qs);
}

} // namespace

BuildEngine::BuildEngine(SandboxRunner &sandbox, BuildPolicy policy) : m_sandbox(sandbox), m_policy(std::move(policy)) {}

Result<BuildOutcome> BuildEngine::run(const BuildRequest &request, BuildLogSink &log, std::stop_token cancel)
{
    Result<BuildDetector::Choice> choice = choiceFrom(request.settings.build);
    if (!choice)
        return choice.error();
    Result<Detection> detection = BuildDetector::detect(request.sourceDirectory, *choice);
    if (!detection)
        return detection.error();
    const Generator generator = detection->generator;
    if (Status allowed = checkPolicy(request.settings, m_policy, generator); !allowed)
        return allowed.error();
    GeneratorPlan::Input input{*detection,       request.sourceDirectory,  request.outputDirectory,
                               choice->npmScript, request.settings.buildFlags, m_policy.installNetwork,
                               m_policy.limits};
    if (generator == Generator::Plain)
        input.flags.clear();
    Result<BuildPlan> plan = GeneratorPlan::make(input);
    if (!plan)
        return plan.error();
    BuildOutcome outcome;
    outcome.detection = *detection;
    outcome.detection.toolchain = ToolchainProbe::version(generator);
    const bool installs = !plan->phases.isEmpty() && plan->phases.first().name == u"install"_qs;
    outcome.detection.command = GeneratorPlan::displayCommand(generator, input.npmScript, input.flags, installs);
    outcome.siteDirectory = plan->siteDirectory;
    noteDetection(outcome.detection, log);
    Status built = generator == Generator::Plain ? copyPlain(request, *plan, outcome, log)
                                                 : runPhases(request, *plan, outcome, log, cancel);
    if (!plan->workDirectory.isEmpty())
        QDir(plan->workDirectory).removeRecursively(); // never follows links (Qt removes the link itself)
    if (!built)
        return built.error();
    return outcome;
}

void BuildEngine::noteDetection(const Detection &detection, BuildLogSink &log) const
{
    note(log, QStringLiteral("detected: %1, site root /%2, output folder %3")
                  .arg(generatorName(detection.generator), detection.siteRoot,
                       detection.outputDir.isEmpty() ? u"(the site root)"_qs : detection.outputDir));
    if (!detection.toolchain.isEmpty())
        note(log, u"toolchain: "_qs + detection.toolchain);
}

Status BuildEngine::copyPlain(const BuildRequest &request, const BuildPlan &plan, BuildOutcome &outcome,
                              BuildLogSink &log) const
{
    QElapsedTimer timer;
    timer.start();
    const QString siteRoot = QDir(request.sourceDirectory).filePath(outcome.detection.siteRoot);
    Result<OutputWalker::Totals> copied = OutputWalker(m_policy.limits.maxOutputBytes).copy(siteRoot, plan.siteDirectory);
    if (!copied)
        return copied.error();
    outcome.phases.append(BuildPhase{u"copy"_qs, timer.elapsed(), 0});
    note(log, QStringLiteral("copy: %1 files, %2 bytes, deployed as is (no build, no minify)")
                  .arg(copied->files)
                  .arg(copied->bytes));
    return {};
}

Status BuildEngine::runPhases(const BuildRequest &request, const BuildPlan &plan, BuildOutcome &outcome,
                              BuildLogSink &log, std::stop_token cancel)
{
    if (Status sandbox = m_sandbox.probe(); !sandbox)
        return sandbox;
    if (!QDir().mkpath(plan.siteDirectory))
        return Error::make(u"io.error"_qs, u"Cannot create "_qs + plan.siteDirectory);
    for (const PlannedPhase &phase : plan.phases) {
        note(log, QStringLiteral("%1: %2%3").arg(phase.name, phase.command,
                                                 phase.spec.network ? u" (with network)"_qs : QString()));
        Result<BuildPhase> ran = runPhase(phase.name, phase.spec, log, cancel);
        if (!ran)
            return ran.error();
        outcome.phases.append(*ran);
    }
    Result<OutputWalker::Totals> walked = OutputWalker(m_policy.limits.maxOutputBytes).walk(plan.siteDirectory);
    if (!walked)
        return walked.error();
    note(log, QStringLiteral("output: %1 files, %2 bytes").arg(walked->files).arg(walked->bytes));
    if (!wantsMinify(m_policy, request.settings)) {
        note(log, u"minify: skipped"_qs);
        return {};
    }
    note(log, u"minify: minify -r -a -o ./ ."_qs);
    const SandboxSpec spec = GeneratorPlan::minifySpec(plan.siteDirectory, request.sourceDirectory, m_policy.limits);
    Result<BuildPhase> minified = runPhase(u"minify"_qs, spec, log, cancel, true);
    if (!minified)
        return minified.error();
    outcome.phases.append(*minified);
    return {};
}

// `tolerateExitCode`: minify exits 1 when one file does not parse, after
// leaving that file as it was and minifying the rest; that is no reason to
// fail the build.
Result<BuildPhase> BuildEngine::runPhase(const QString &name, const SandboxSpec &spec, BuildLogSink &log,
                                         std::stop_token cancel, bool tolerateExitCode)
{
    if (cancel.stop_requested())
        return cancelled();
    QElapsedTimer timer;
    timer.start();
    Result<SandboxExit> exit = m_sandbox.run(spec, [&log](const QByteArray &line) { log.output(line); }, cancel);
    if (!exit)
        return exit.error();
    const BuildPhase phase{name, timer.elapsed(), phaseExitCode(*exit)};
    note(log, QStringLiteral("%1 finished in %2 ms, exit code %3").arg(name).arg(phase.durationMs).arg(phase.exitCode));
    const bool tolerated = tolerateExitCode && exit->reason == SandboxExit::Reason::Exited;
    if (!exit->succeeded() && !tolerated)
        return phaseError(name, *exit, spec.limits);
    return phase;
}

} // namespace ddd::core::build
