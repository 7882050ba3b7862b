// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineOption>

namespace ddd::cli {

// Options several commands share, spelled once.
inline QCommandLineOption projectOption()
{
    return QCommandLineOption(QStringList{u"p"_qs, u"project"_qs},
                              u"The project: id, name, domain or slug (else DDD_PROJECT, else your only one)."_qs,
                              u"project"_qs);
}

} // namespace ddd::cli
