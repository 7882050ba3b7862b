// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace ddd::core::model {

// The `https` part of a project's settings JSON:
// {"redirect": bool, "hsts": {"enabled", "maxAge", "includeSubDomains", "preload"}}.
// A setting that would do nothing is refused rather than stored: turning
// either on while the agent has no HTTPS site listener is
// `project.https_unavailable`. HSTS preload lists take a domain only with
// includeSubDomains and a max-age of a year or more, so preload without them
// is `project.invalid_hsts_preload` (details {"requires"}).
class HttpsSettings final
{
public:
    static constexpr qint64 PreloadMinMaxAge = 31536000; // hstspreload.org: one year
    static constexpr qint64 MaxMaxAge = 63072000;        // two years, the longest browsers keep it

    // Validates the client's `https` object and merges it over `base`.
    // Other refusals: `project.invalid_settings` with details {"field", "reason"}.
    static Result<ProjectSettings::Https> merge(const QJsonValue &value, const ProjectSettings::Https &base,
                                                const ProjectSettings::Policy &policy);
    static QJsonObject toJson(const ProjectSettings::Https &https);
    // Lenient reader for stored rows and agent answers: absent fields keep
    // their defaults, so older rows read as "off".
    static ProjectSettings::Https fromJson(const QJsonObject &json);
    // The Strict-Transport-Security field value, e.g.
    // "max-age=31536000; includeSubDomains; preload".
    static QByteArray headerValue(const ProjectSettings::Https::Hsts &hsts);
};

} // namespace ddd::core::model
