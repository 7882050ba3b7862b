// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/projectaliases.h"

#include "core/util/hostnamerules.h"

#include <QJsonArray>

namespace ddd::core::model {

namespace {

Error invalidAliases(const QString &reason, std::optional<qsizetype> index = {})
{
    QJsonObject details{{u"reason"_qs, reason}};
    QString message = u"Invalid domain aliases: "_qs + reason;
    if (index) {
        details.insert(u"index"_qs, qint64(*index));
        message += QStringLiteral(" (alias %1)").arg(*index + 1);
    }
    return Error::make(u"project.invalid_aliases"_qs, message, details);
}

Result<QString> readAlias(const QJsonValue &value, qsizetype index, const QString &reservedSuffix)
{
    if (!value.isString())
        return invalidAliases(u"not_string"_qs, index);
    Result<QString> host = HostnameRules::normaliseProjectDomain(value.toString());
    if (!host)
        return invalidAliases(host.error().details.value(u"reason"_qs).toString(u"invalid"_qs), index);
    if (HostnameRules::isWithin(*host, reservedSuffix))
        return invalidAliases(u"reserved"_qs, index);
    return host;
}

} // namespace

Result<QStringList> ProjectAliases::fromJson(const QJsonValue &value, const QString &reservedSuffix)
{
    if (!value.isArray())
        return invalidAliases(u"not_array"_qs);
    const QJsonArray array = value.toArray();
    if (array.size() > MaxAliases)
        return invalidAliases(u"too_many"_qs);
    QStringList aliases;
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<QString> host = readAlias(array.at(i), i, reservedSuffix);
        if (!host)
            return host.error();
        if (aliases.contains(*host))
            return invalidAliases(u"duplicate"_qs, i);
        aliases.append(*host);
    }
    return aliases;
}

Status ProjectAliases::checkAgainstDomain(const QStringList &aliases, const std::optional<QString> &domain)
{
    if (!aliases.isEmpty() && !domain)
        return invalidAliases(u"needs_domain"_qs);
    if (domain && aliases.contains(*domain))
        return invalidAliases(u"same_as_domain"_qs, aliases.indexOf(*domain));
    return {};
}

} // namespace ddd::core::model
