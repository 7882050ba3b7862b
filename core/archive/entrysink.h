// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QString>

namespace ddd::core::archive {

// Receives the entries of an archive or directory tree that passed every
// rule, in order. Paths are normalised (SafePath) and relative to the site
// root. The readers stop at the first error a sink returns, so a sink may
// refuse too. A reader that fails leaves cleaning up to the sink's owner:
// what was written so far is not trustworthy.
class EntrySink
{
public:
    virtual ~EntrySink() = default;

    virtual Status directory(const QString &path) = 0;
    virtual Status beginFile(const QString &path) = 0;
    virtual Status write(QByteArrayView chunk) = 0;
    virtual Status endFile() = 0;
    // An entry of a folder that IgnoreRules kept on the user's machine (a
    // folder is reported once, without what is inside it): the deploy's
    // "left out" list. Only DirectoryReader with ignore rules calls it.
    virtual Status leftOut(const QString &path, bool isDirectory)
    {
        Q_UNUSED(path);
        Q_UNUSED(isDirectory);
        return {};
    }
};

} // namespace ddd::core::archive
