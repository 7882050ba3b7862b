// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/bwrapcommand.h"

#include <QFile>

namespace ddd::core::build {

const char *const BwrapCommand::kHome = "/home/build";

namespace {

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray path(const QString &value)
{
    return QFile::encodeName(value);
}

// Read-only, skipped when the host lacks them: what toolchains read in /etc.
// Nothing that names the host or its users (hostname, passwd, shadow).
const char *const kEtcFiles[] = {
    "/etc/ld.so.cache", "/etc/alternatives", "/etc/ssl",      "/etc/ca-certificates", "/etc/mime.types",
    "/etc/nsswitch.conf", "/etc/localtime", "/etc/python3",   "/etc/python3.11",
};

// Debian's merged /usr: the top-level names are symlinks into /usr.
const char *const kUsrLinks[][2] = {
    {"usr/bin", "/bin"}, {"usr/sbin", "/sbin"}, {"usr/lib", "/lib"}, {"usr/lib64", "/lib64"}, {"usr/lib32", "/lib32"},
};

void appendNamespaces(QList<QByteArray> &args, bool network)
{
    args << "--unshare-all" << "--unshare-user" << "--disable-userns" << "--die-with-parent" << "--new-session"
         << "--uid" << number(BwrapCommand::kUid) << "--gid" << number(BwrapCommand::kUid);
    if (network)
        args << "--share-net";
}

void appendFileSystem(QList<QByteArray> &args, const SandboxSpec &spec, const BwrapCommand::Input &input)
{
    args << "--ro-bind" << "/usr" << "/usr";
    for (const auto &link : kUsrLinks)
        args << "--symlink" << link[0] << link[1];
    for (const char *file : kEtcFiles)
        args << "--ro-bind-try" << file << file;
    if (spec.network)
        args << "--ro-bind-try" << "/etc/resolv.conf" << "/etc/resolv.conf" << "--ro-bind-try" << "/etc/hosts"
             << "/etc/hosts";
    args << "--perms" << "0644" << "--ro-bind-data" << number(input.passwdFd) << "/etc/passwd";
    args << "--perms" << "0644" << "--ro-bind-data" << number(input.groupFd) << "/etc/group";
    for (const auto &[inside, fd] : input.fileFds)
        args << "--perms" << "0644" << "--ro-bind-data" << number(fd) << path(inside);
    args << "--proc" << "/proc" << "--dev" << "/dev";
    args << "--size" << number(spec.limits.tmpBytes) << "--tmpfs" << "/tmp";
    args << "--size" << number(spec.limits.tmpBytes) << "--tmpfs" << BwrapCommand::kHome;
    args << "--ro-bind" << path(input.hostSource) << "/src";
    args << "--bind" << path(input.hostOutput) << "/out";
    args << "--remount-ro" << "/";
}

void appendEnvironment(QList<QByteArray> &args, const SandboxSpec &spec)
{
    args << "--clearenv";
    const QList<QPair<QByteArray, QByteArray>> base{
        {"PATH", "/usr/bin:/bin"}, {"HOME", BwrapCommand::kHome}, {"TMPDIR", "/tmp"},
        {"LANG", "C.UTF-8"},       {"CI", "true"},                {"USER", "build"},
    };
    for (const auto &[name, value] : base)
        args << "--setenv" << name << value;
    for (const auto &[name, value] : spec.environment)
        args << "--setenv" << name.toUtf8() << value.toUtf8();
}

} // namespace

QList<QByteArray> BwrapCommand::arguments(const SandboxSpec &spec, const Input &input)
{
    QList<QByteArray> args{path(input.bwrap)};
    appendNamespaces(args, spec.network);
    appendFileSystem(args, spec, input);
    appendEnvironment(args, spec);
    args << "--chdir" << path(spec.workingDirectory.isEmpty() ? u"/src"_qs : spec.workingDirectory);
    args << "--";
    for (const QString &arg : spec.argv)
        args << arg.toUtf8();
    return args;
}

QByteArray BwrapCommand::passwdFile()
{
    return "build:x:" + number(kUid) + ':' + number(kUid) + "::" + kHome + ":/usr/sbin/nologin\n"
           + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
}

QByteArray BwrapCommand::groupFile()
{
    return "build:x:" + number(kUid) + ":\nnogroup:x:65534:\n";
}

} // namespace ddd::core::build
