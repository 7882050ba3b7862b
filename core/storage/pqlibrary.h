// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::storage {

// libpq, loaded the first time PostgreSQL is asked for rather than at every
// start: an agent, CLI or dashboard on SQLite never maps it, nor the GnuTLS,
// LDAP and Kerberos libraries it brings (about 2.6 MiB of resident pages per
// process, docs/performance.md). pqlibrary.cpp defines the PQ* functions
// the Pg* classes call as forwarders into it. Process-wide, as the dynamic
// linker's own state is; thread-safe.
class PqLibrary final
{
public:
    // Loads libpq.so.5 once; false, with loadError() saying why, when it
    // cannot be (the libpq5 package missing).
    static bool available();
    static QString loadError();
    // The address of `name` in the loaded library; aborts when the library
    // lacks it (a libpq older than anything Debian ships).
    static void *symbol(const char *name);
};

} // namespace ddd::core::storage
