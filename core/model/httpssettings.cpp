// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/httpssettings.h"

#include "core/model/settingsjson.h"

#include <QJsonArray>

#include <cmath>

namespace ddd::core::model {

namespace {

using namespace settingsjson;
using Https = ProjectSettings::Https;
using Hsts = ProjectSettings::Https::Hsts;

Result<qint64> readMaxAge(const QJsonValue &value)
{
    const QString field = u"https.hsts.maxAge"_qs;
    if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
        return invalidSetting(field, u"not_integer"_qs);
    const double seconds = value.toDouble();
    if (seconds < 0 || seconds > double(HttpsSettings::MaxMaxAge))
        return invalidSetting(field, u"out_of_range"_qs);
    return qint64(seconds);
}

Status mergeBool(const QJsonObject &json, const QString &key, const QString &prefix, bool &target)
{
    if (!json.contains(key))
        return {};
    Result<bool> value = readBool(json.value(key), prefix + key);
    if (!value)
        return value.error();
    target = *value;
    return {};
}

Result<Hsts> mergeHsts(const QJsonValue &value, const Hsts &base)
{
    const QString prefix = u"https.hsts."_qs;
    if (!value.isObject())
        return invalidSetting(u"https.hsts"_qs, u"not_object"_qs);
    const QJsonObject json = value.toObject();
    const QStringList known{u"enabled"_qs, u"maxAge"_qs, u"includeSubDomains"_qs, u"preload"_qs};
    if (Status fields = checkKnownFields(json, known, prefix); !fields)
        return fields.error();
    Hsts hsts = base;
    Status merged = mergeBool(json, u"enabled"_qs, prefix, hsts.enabled);
    if (merged)
        merged = mergeBool(json, u"includeSubDomains"_qs, prefix, hsts.includeSubDomains);
    if (merged)
        merged = mergeBool(json, u"preload"_qs, prefix, hsts.preload);
    if (!merged)
        return merged.error();
    if (json.contains(u"maxAge"_qs)) {
        Result<qint64> maxAge = readMaxAge(json.value(u"maxAge"_qs));
        if (!maxAge)
            return maxAge.error();
        hsts.maxAge = *maxAge;
    }
    return hsts;
}

Status checkPreload(const Hsts &hsts)
{
    if (!hsts.preload || (hsts.includeSubDomains && hsts.maxAge >= HttpsSettings::PreloadMinMaxAge))
        return {};
    return Error::make(u"project.invalid_hsts_preload"_qs,
                       u"HSTS preload needs includeSubDomains and a maxAge of at least 31536000 seconds"_qs,
                       QJsonObject{{u"requires"_qs, QJsonArray{u"includeSubDomains"_qs, u"maxAge>=31536000"_qs}}});
}

// Only a request turning a setting on is refused: one that leaves it as it
// was (on from a time the agent had HTTPS, sent again whole) or turns it off
// passes.
bool turnsOn(const Https &base, const Https &merged)
{
    return (merged.redirect && !base.redirect) || (merged.hsts.enabled && !base.hsts.enabled);
}

} // namespace

Result<Https> HttpsSettings::merge(const QJsonValue &value, const Https &base, const ProjectSettings::Policy &policy)
{
    if (!value.isObject())
        return invalidSetting(u"https"_qs, u"not_object"_qs);
    const QJsonObject json = value.toObject();
    if (Status fields = checkKnownFields(json, {u"redirect"_qs, u"hsts"_qs}, u"https."_qs); !fields)
        return fields.error();
    Https https = base;
    if (Status redirect = mergeBool(json, u"redirect"_qs, u"https."_qs, https.redirect); !redirect)
        return redirect.error();
    if (json.contains(u"hsts"_qs)) {
        Result<Hsts> hsts = mergeHsts(json.value(u"hsts"_qs), base.hsts);
        if (!hsts)
            return hsts.error();
        https.hsts = *hsts;
        if (Status preload = checkPreload(https.hsts); !preload)
            return preload.error();
    }
    if (turnsOn(base, https) && !(policy.httpsAvailable && policy.httpsAvailable()))
        return Error::make(u"project.https_unavailable"_qs,
                           u"The agent serves no HTTPS for sites (no certificate yet), so HTTPS settings would do "
                           "nothing"_qs);
    return https;
}

QJsonObject HttpsSettings::toJson(const Https &https)
{
    return QJsonObject{{u"redirect"_qs, https.redirect},
                       {u"hsts"_qs, QJsonObject{{u"enabled"_qs, https.hsts.enabled},
                                                {u"maxAge"_qs, https.hsts.maxAge},
                                                {u"includeSubDomains"_qs, https.hsts.includeSubDomains},
                                                {u"preload"_qs, https.hsts.preload}}}};
}

Https HttpsSettings::fromJson(const QJsonObject &json)
{
    Https https;
    https.redirect = json.value(u"redirect"_qs).toBool(false);
    const QJsonObject hsts = json.value(u"hsts"_qs).toObject();
    https.hsts.enabled = hsts.value(u"enabled"_qs).toBool(false);
    https.hsts.maxAge = hsts.value(u"maxAge"_qs).toInteger(https.hsts.maxAge);
    https.hsts.includeSubDomains = hsts.value(u"includeSubDomains"_qs).toBool(false);
    https.hsts.preload = hsts.value(u"preload"_qs).toBool(false);
    return https;
}

QByteArray HttpsSettings::headerValue(const Hsts &hsts)
{
    QByteArray value = "max-age=" + QByteArray::number(hsts.maxAge);
    if (hsts.includeSubDomains)
        value += "; includeSubDomains";
    if (hsts.preload)
        value += "; preload";
    return value;
}

} // namespace ddd::core::model
