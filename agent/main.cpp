// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// ddd-agent: the headless daemon. Reads top to bottom: options -> config ->
// logging -> Agent (database, services, listeners) -> event loop.
#include "agent/agent.h"
#include "agent/agentconfig.h"
#include "agent/combinedlogfile.h"
#include "agent/logsink.h"
#include "agent/maintenancecommands.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

#include <csignal>
#include <string>
#include <iostream>
#include <malloc.h>
#include <mutex>
#include <pthread.h>
#include <pwd.h>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

using ddd::agent::Agent;
using ddd::agent::AgentConfig;

const char *const kUsage = R"(Usage:
  ddd-agent [options]                       run the agent
  ddd-agent user add EMAIL [--role ROLE]    create an account; the password is read from stdin
  ddd-agent backup DEST [options]           copy the data root to DEST while the agent runs
  ddd-agent restore SRC [--force] [options] make the data root from a backup
  ddd-agent check [--json] [options]        verify the database and every retained blob
  ddd-agent migrate [--blobs-only] [options]
                                            publish every blob to the bucket of blobs.s3.*
                                            and copy <data_dir>/agent.db into the empty
                                            PostgreSQL database of database.url, verifying
                                            both (stop the agent first)
  ddd-agent --print-config [options]        show the effective configuration
  ddd-agent --help-config                   list every setting with its default
  ddd-agent --version | --help

Every setting can come from a TOML file (--config FILE or DDD_CONFIG), an
environment variable (DDD_*) or an option; see docs/configuration.md.
Common options: --data-dir DIR, --api-port N, --site-port N, --config FILE.
)";

int fail(const QString &message)
{
    std::cerr << "ddd-agent: " << message.toStdString() << '\n';
    return 1;
}

// The agent SIGHUP reloads the certificates of; set while it serves. The
// mutex keeps it from being stopped under a reload.
std::mutex s_runningAgentMutex;
Agent *s_runningAgent = nullptr;

// SIGINT and SIGTERM end the event loop from a thread of their own, so no
// signal handler touches Qt. SIGHUP reopens the log files (after logrotate
// renamed them), reloads the site certificates, and the agent goes on.
void handleSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, nullptr); // inherited by every thread started later
    std::thread([set] {
        int signal = 0;
        while (sigwait(&set, &signal) == 0 && signal == SIGHUP) {
            ddd::agent::CombinedLogFile::reopenAll();
            const std::lock_guard lock(s_runningAgentMutex);
            if (s_runningAgent)
                (void)s_runningAgent->reloadCertificates(); // logs what it loaded and skipped
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    }).detach();
}

int addUser(QStringList arguments, const QStringList &environment)
{
    // arguments: EMAIL [--role ROLE] [config options]
    if (arguments.isEmpty() || arguments.first().startsWith(u"--"))
        return fail(u"usage: ddd-agent user add EMAIL [--role user|admin|operator] (password on stdin)"_qs);
    const QString email = arguments.takeFirst();
    QString role;
    if (const qsizetype at = arguments.indexOf(u"--role"_qs); at >= 0 && at + 1 < arguments.size()) {
        role = arguments.at(at + 1);
        arguments.remove(at, 2);
    }
    auto config = AgentConfig::load(arguments, environment);
    if (!config)
        return fail(config.error().message);
    std::string password;
    std::getline(std::cin, password);
    ddd::core::SystemClock clock;
    Agent agent(*config, clock);
    if (auto s = agent.openAccounts(); !s)
        return fail(s.error().message);
    if (auto s = agent.addUser(email, QString::fromStdString(password), role); !s)
        return fail(s.error().message + u" ("_qs + s.error().code + u')');
    std::cout << "created account " << email.toStdString() << '\n';
    return 0;
}

// The command that creates the first account for this very agent: the same
// config file (or data directory), run as the user the agent runs as, so
// the packaged service's files stay owned by `ddd`.
QString firstAccountHint(const AgentConfig &config)
{
    const passwd *account = getpwuid(geteuid());
    const QString asUser = account && geteuid() != 0 ? u"sudo -u %1 "_qs.arg(QString::fromLocal8Bit(account->pw_name))
                                                     : QString();
    const QString where = config.configFile.isEmpty() ? u"--data-dir "_qs + config.dataDir
                                                      : u"--config "_qs + config.configFile;
    return u"No accounts yet. Create the operator with:\n  echo 'a-password-of-12+-chars' | "
           "%1ddd-agent user add you@example.com --role operator %2"_qs.arg(asUser, where);
}

// The one line scripts wait for: where each listener this agent's roles
// open is. With a certificate the API speaks only TLS; sites stay on plain
// HTTP and get HTTPS on a port of their own.
std::string listenersLine(const AgentConfig &config, const Agent &agent)
{
    std::string line = "ddd-agent " DDD_VERSION;
    if (agent.apiPort() != 0)
        line += std::string(" API on ") + (config.tlsCertFile.isEmpty() ? "http://" : "https://")
            + config.apiAddress.toStdString() + ':' + std::to_string(agent.apiPort());
    if (agent.sitePort() != 0) {
        const std::string site = config.siteAddress.toStdString();
        line += std::string(agent.apiPort() != 0 ? "," : "") + " sites on http://" + site + ':'
            + std::to_string(agent.sitePort());
        if (agent.siteHttpsPort() != 0)
            line += " and https://" + site + ':' + std::to_string(agent.siteHttpsPort());
        line += " (<slug>." + config.siteBaseDomain.toStdString() + ')';
    }
    if (config.roles().followsAnother())
        line += ", following the agent with the api role";
    else if (!config.roles().api)
        line += " running builds queued by the agents with the api role";
    return line;
}

int run(const AgentConfig &config)
{
    ddd::agent::LogSink::install(config.logLevel);
    handleSignals();
    ddd::core::SystemClock clock;
    Agent agent(config, clock);
    if (auto s = agent.open(); !s)
        return fail(s.error().message);
    if (config.roles().api && agent.userCount() == 0)
        qInfo().noquote() << firstAccountHint(config);
    if (auto s = agent.start(); !s)
        return fail(s.error().message);
    {
        const std::lock_guard lock(s_runningAgentMutex);
        s_runningAgent = &agent;
    }
    std::cout << listenersLine(config, agent) << std::endl;
    const int code = QCoreApplication::exec();
    {
        const std::lock_guard lock(s_runningAgentMutex);
        s_runningAgent = nullptr;
    }
    agent.stop();
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    // Every argon2id hash takes 19 MiB. With glibc's sliding mmap threshold,
    // the first free raises the threshold and later hashes come from each
    // worker thread's arena, which keeps the memory: idle RSS grew by 19 MiB
    // per worker that ever hashed (20 -> 60 MiB after three logins, measured).
    // A fixed threshold returns every large block to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ddd-agent"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(DDD_VERSION));
    QStringList arguments = app.arguments().mid(1);
    const QStringList environment = QProcessEnvironment::systemEnvironment().toStringList();

    if (arguments.contains(u"--help"_qs) || arguments.contains(u"-h"_qs)) {
        std::cout << kUsage;
        return 0;
    }
    if (arguments.contains(u"--help-config"_qs)) {
        std::cout << AgentConfig::documentation().toStdString();
        return 0;
    }
    if (arguments.contains(u"--version"_qs)) {
        std::cout << "ddd-agent " DDD_VERSION "\n";
        return 0;
    }
    if (arguments.size() >= 2 && arguments.at(0) == u"user" && arguments.at(1) == u"add")
        return addUser(arguments.mid(2), environment);
    if (!arguments.isEmpty() && arguments.at(0) == u"backup")
        return ddd::agent::MaintenanceCommands::backup(arguments.mid(1), environment);
    if (!arguments.isEmpty() && arguments.at(0) == u"restore")
        return ddd::agent::MaintenanceCommands::restore(arguments.mid(1), environment);
    if (!arguments.isEmpty() && arguments.at(0) == u"check")
        return ddd::agent::MaintenanceCommands::check(arguments.mid(1), environment);
    if (!arguments.isEmpty() && arguments.at(0) == u"migrate")
        return ddd::agent::MaintenanceCommands::migrate(arguments.mid(1), environment);
    const bool printConfig = arguments.removeAll(u"--print-config"_qs) > 0;
    auto config = AgentConfig::load(arguments, environment);
    if (!config)
        return fail(config.error().message);
    if (printConfig) {
        std::cout << config->toToml().toStdString();
        return 0;
    }
    return run(*config);
}
