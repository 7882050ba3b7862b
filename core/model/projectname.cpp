// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/projectname.h"

#include "core/util/textrules.h"

namespace ddd::core::model {

namespace {

Error invalidName(const QString &reason, const QString &message)
{
    return Error::make(u"project.invalid_name"_qs, message, QJsonObject{{u"reason"_qs, reason}});
}

} // namespace

Result<QString> ProjectName::normalise(const QString &input)
{
    const QString name = input.trimmed();
    if (name.isEmpty())
        return invalidName(u"empty"_qs, u"The project name must not be empty"_qs);
    if (TextRules::codePointCount(name) > MaxLength)
        return invalidName(u"too_long"_qs, u"The project name must be at most 100 characters"_qs);
    if (TextRules::hasControlCharacters(name))
        return invalidName(u"control_character"_qs, u"The project name must not contain control characters"_qs);
    return name;
}

} // namespace ddd::core::model
