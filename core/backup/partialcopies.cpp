// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/partialcopies.h"

#include <QDir>

namespace ddd::core::backup {

namespace {

QString prefix(const QFileInfo &target, QStringView kind)
{
    return u"."_qs + target.fileName() + u'.' + kind.toString() + u'-';
}

} // namespace

QString PartialCopies::templateFor(const QFileInfo &target, QStringView kind)
{
    return target.absolutePath() + u'/' + prefix(target, kind) + u"XXXXXX"_qs;
}

void PartialCopies::removeLeftovers(const QFileInfo &target, QStringView kind)
{
    const QDir beside = target.absoluteDir();
    const QStringList leftovers = beside.entryList({prefix(target, kind) + u'*'}, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &leftover : leftovers)
        QDir(beside.filePath(leftover)).removeRecursively();
}

} // namespace ddd::core::backup
