// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QString>

class QFileDevice;

namespace ddd::core {

// A write that failed for want of space is `storage.disk_full` (507 on the
// API) on every upload path, so the client knows to free space rather than
// retry; one refused by a read-only file system (EROFS: the kernel remounted
// the data root after I/O errors) is `storage.read_only` (503) so the
// operator sees the cause; any other failure stays io.error.
class DiskFull final
{
public:
    static bool isDiskFull(int errnoValue);
    static bool isReadOnly(int errnoValue);
    // storage.disk_full, storage.read_only or io.error.
    static QString codeFor(int errnoValue);
    // From errno, read right after the failed call.
    static Error fromErrno(int errnoValue, const QString &what);
    // From a QFile whose write, flush or close failed: QFile keeps only the
    // text of the error, so that is compared as well as errno.
    static Error writeError(const QFileDevice &file, const QString &what);
};

} // namespace ddd::core
