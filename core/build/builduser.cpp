// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/builduser.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <mutex>
#include <vector>

#include <pwd.h>
#include <unistd.h>

namespace ddd::core::build {

namespace {

Error unavailable(const QString &message)
{
    return Error::make(u"build.sandbox_unavailable"_qs, message);
}

// The name reaches useradd as an argument: keep it to what useradd accepts
// anyway, so it can never be read as an option.
bool validName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z_][a-z0-9_-]{0,31}$"_qs);
    return pattern.match(name).hasMatch();
}

} // namespace

Result<BuildUser::Account> BuildUser::lookup(const QString &name)
{
    if (!validName(name))
        return unavailable(QStringLiteral("The build user name \"%1\" is not a valid account name.").arg(name));
    std::vector<char> buffer(16384);
    struct passwd entry = {};
    struct passwd *found = nullptr;
    const int rc = ::getpwnam_r(QFile::encodeName(name).constData(), &entry, buffer.data(), buffer.size(), &found);
    if (rc != 0 || !found)
        return unavailable(QStringLiteral("The build user \"%1\" does not exist.").arg(name));
    if (found->pw_uid == 0 || found->pw_gid == 0)
        return unavailable(QStringLiteral("The build user \"%1\" is privileged (uid or gid 0); builds never run as root.")
                               .arg(name));
    return Account{name, uint(found->pw_uid), uint(found->pw_gid)};
}

Result<BuildUser::Account> BuildUser::lookupOrCreate(const QString &name)
{
    // Several builds may start at once; one of them creates the account.
    static std::mutex creating;
    const std::lock_guard lock(creating);
    if (auto existing = lookup(name); existing.ok() || !validName(name))
        return existing;
    if (::geteuid() != 0)
        return unavailable(QStringLiteral("The build user \"%1\" does not exist and the agent is not root.").arg(name));
    QProcess useradd;
    useradd.setProcessChannelMode(QProcess::MergedChannels);
    useradd.start(u"useradd"_qs, {u"--system"_qs, u"--user-group"_qs, u"--no-create-home"_qs, u"--home-dir"_qs,
                                  u"/nonexistent"_qs, u"--shell"_qs, u"/usr/sbin/nologin"_qs, name});
    const bool finished = useradd.waitForFinished(30'000);
    const QString output = QString::fromLocal8Bit(useradd.readAll()).trimmed();
    // Another process (a second agent, a package script) may have won the
    // race: the account existing afterwards is all that counts.
    if (auto created = lookup(name); created.ok())
        return created;
    return unavailable(QStringLiteral("Cannot create the build user \"%1\" with useradd: %2")
                           .arg(name, finished ? output : useradd.errorString()));
}

} // namespace ddd::core::build
