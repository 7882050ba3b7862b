// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/archiveerror.h"

namespace ddd::core::archive {

Error ArchiveError::make(const QString &code, const QString &entry, const QString &reason, QJsonObject details)
{
    if (entry.isEmpty())
        return Error::make(code, u"Archive "_qs + reason, std::move(details));
    details.insert(u"entry"_qs, entry);
    return Error::make(code, QStringLiteral("Entry \"%1\" %2").arg(entry, reason), std::move(details));
}

} // namespace ddd::core::archive
