// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::build {

// Checks what a build left behind before anything else touches it (minify,
// ingest): the tree is walked by lstat, never following a link, and
// anything but regular files and folders is refused, as is a total over the
// operator's cap. The build's processes are gone by then, so nothing can be
// swapped in behind the walk; files are still opened with O_NOFOLLOW when
// copied.
//
// Codes: build.output_missing (no folder, or no file in it),
// build.output_invalid (details.path relative to the root, details.type:
// "symlink" or "special"; also for a tree deeper than maxDepth),
// build.output_too_large (details.limitBytes), io.error.
class OutputWalker final
{
public:
    struct Totals final
    {
        qint64 files = 0;
        qint64 folders = 0;
        qint64 bytes = 0;
    };

    explicit OutputWalker(qint64 maxTotalBytes, int maxDepth = 64);

    Result<Totals> walk(const QString &root) const;
    // The same walk over `from`, copying every regular file and folder into
    // `to` (created); a plain site goes from the source to the output this way.
    Result<Totals> copy(const QString &from, const QString &to) const;

private:
    Status visit(const QString &root, const QString &relative, int depth, const QString &target, Totals &totals) const;
    Status checkRoot(const QString &root) const;
    Status admit(qint64 size, Totals &totals) const;

    qint64 m_maxTotalBytes;
    int m_maxDepth;
};

} // namespace ddd::core::build
