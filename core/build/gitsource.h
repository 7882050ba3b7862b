// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonValue>
#include <QString>

namespace ddd::core::build {

// A Git repository a project builds from instead of an upload (settings
// "build.git": {"url", "branch"}). Only https, http and git URLs without
// credentials: no ssh (no keys in the sandbox), no file or ext transports
// (the latter runs commands), no user:password@ (it would land in logs and
// the database). Branch names follow git check-ref-format, without a leading
// '-' so they can never be read as an option.
struct GitSource final
{
    QString url;
    QString branch = QStringLiteral("main");

    bool isSet() const { return !url.isEmpty(); }
    bool operator==(const GitSource &) const = default;

    // build.invalid_git_url / build.invalid_git_branch, details {"reason"}.
    static Status validate(const QString &url, const QString &branch);

    // The settings object "build.git": {"url"?, "branch"?} merged over
    // `base` (absent fields keep their value). Wrong shapes are
    // project.invalid_settings (details {"field", "reason"}); a non-empty
    // URL must pass validate(), and is build.git_disabled when `enabled` is
    // false (the operator's builds.git). An empty URL turns Git off.
    static Result<GitSource> merge(const QJsonValue &json, const GitSource &base, bool enabled);
};

} // namespace ddd::core::build
