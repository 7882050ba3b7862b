// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::build {

// Measures what a running build has written under its output folder: the
// sizes of the regular files, walked without following a link (the tree is
// written by untrusted code while we walk it). Stops counting once past
// `stopAbove`, so an oversized tree costs no more than needed.
class OutputMeter final
{
public:
    static qint64 bytesUnder(const QString &folder, qint64 stopAbove);
};

} // namespace ddd::core::build
