// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Request bodies as every API controller reads them (JsonBody::parse over
// StrictJson), with the fields of the project routes then read the way
// ProjectsController hands them on (domain, aliases). Properties: an
// accepted body is one object whose keys the route allows, which serialises
// and parses back to itself; a refusal is request.invalid_json or
// request.unknown_field; a domain or alias list that is accepted is normal.
#include "agent/api/jsonbody.h"
#include "core/model/projectaliases.h"
#include "core/util/hostnamerules.h"
#include "core/util/strictjson.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QJsonDocument>

using ddd::fuzz::violated;

namespace {

// The union of the fields the controllers allow: keys outside it must be
// refused, keys in it reach the field readers below.
const QStringList kAllowed = {u"name"_qs, u"domain"_qs, u"aliases"_qs, u"settings"_qs, u"email"_qs,
                              u"password"_qs, u"currentPassword"_qs, u"newPassword"_qs, u"size"_qs,
                              u"sha256"_qs, u"activate"_qs, u"build"_qs, u"sourceId"_qs, u"from"_qs,
                              u"pinned"_qs, u"deployId"_qs, u"expiresInSeconds"_qs, u"capabilities"_qs,
                              u"projectId"_qs, u"expiresAt"_qs, u"url"_qs, u"events"_qs};

void checkAccepted(const QJsonObject &object, const QByteArray &body)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        if (!kAllowed.contains(it.key()))
            violated("only allowed fields are accepted", it.key());
    const QByteArray again = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const auto reparsed = ddd::core::StrictJson::parseObject(again);
    if (!reparsed.ok() || reparsed.value() != object)
        violated("an accepted body serialises and parses back to itself", QString::fromUtf8(body));
}

void checkProjectFields(const QJsonObject &object)
{
    const auto domain = ddd::core::HostnameRules::normaliseProjectDomain(object.value(u"domain"_qs).toString());
    if (domain.ok() && domain.value() != domain.value().toLower())
        violated("an accepted domain is lower-case", domain.value());
    if (!object.contains(u"aliases"_qs))
        return;
    const auto aliases = ddd::core::model::ProjectAliases::fromJson(object.value(u"aliases"_qs), u"staging.example"_qs);
    if (!aliases.ok())
        return;
    for (const QString &alias : aliases.value())
        if (ddd::core::HostnameRules::normaliseProjectDomain(alias).value() != alias
            || ddd::core::HostnameRules::isWithin(alias, u"staging.example"_qs))
            violated("an accepted alias is a normal domain outside the staging suffix", alias);
    if (aliases.value().size() > ddd::core::model::ProjectAliases::MaxAliases
        || QSet<QString>(aliases.value().cbegin(), aliases.value().cend()).size() != aliases.value().size())
        violated("aliases are bounded and unique", aliases.value().join(u' '));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::agent::http::Request request;
    request.body = ddd::fuzz::bytes(data, size);
    const auto body = ddd::agent::api::JsonBody::parse(request, kAllowed);
    if (!body.ok()) {
        const QString code = body.error().code;
        if (code != u"request.invalid_json" && code != u"request.unknown_field")
            violated("a refusal is invalid_json or unknown_field", code);
        return 0;
    }
    checkAccepted(body.value(), request.body);
    checkProjectFields(body.value());
    return 0;
}
