// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/sandboxspec.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ddd::core::build {

// The bubblewrap argument vector for one spec. Pure: the caller opens the
// descriptors (generated /etc/passwd and /etc/group, the spec's extra files)
// and says where bwrap finds the source and output folders on the host.
//
// Inside: a tmpfs root made read-only at the end; /usr and the /lib, /bin
// symlinks; the few /etc files toolchains need (dynamic linker cache,
// alternatives, TLS roots, mime.types); /proc, a minimal /dev; private
// size-limited tmpfs /tmp and HOME; /src read-only and /out writable.
// Every namespace is new (network too unless spec.network), no nested user
// namespaces, a new session, death with the parent, an empty environment
// plus an allow-list.
class BwrapCommand final
{
public:
    struct Input final
    {
        QString bwrap;
        QString hostSource;  // bound read-only at /src
        QString hostOutput;  // bound read-write at /out
        int passwdFd = -1;
        int groupFd = -1;
        QList<QPair<QString, int>> fileFds; // path inside -> descriptor with the content
    };

    static constexpr int kUid = 1000; // the build's uid and gid inside
    static const char *const kHome;

    static QList<QByteArray> arguments(const SandboxSpec &spec, const Input &input);
    // The generated account files: only the build user (and nobody).
    static QByteArray passwdFile();
    static QByteArray groupFile();
};

} // namespace ddd::core::build
