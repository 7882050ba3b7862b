// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/ruleerror.h"

#include <QJsonObject>

namespace ddd::core::rules {

Error RuleError::make(const QString &code, const QString &file, int line, const QString &reason)
{
    const QString where = line > 0 ? file + u':' + QString::number(line) : file;
    return Error::make(code, where + u": "_qs + reason,
                       QJsonObject{{u"file"_qs, file}, {u"line"_qs, line}, {u"reason"_qs, reason}});
}

} // namespace ddd::core::rules
