// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>

namespace ddd::core::build {

// The few facts of an npm project's package.json the agent needs before
// anything runs: its scripts, whether it has dependencies to install, and
// the framework whose output folder convention applies.
class PackageJson final
{
public:
    // A package.json larger than this is not a real one; refusing it keeps
    // detection cheap on hostile sources.
    static constexpr qint64 MaxBytes = qint64(1) << 20;

    // build.undetected (details.reason "package_json_invalid") when the file
    // is unreadable, too large, not a regular file or not a JSON object.
    static Result<PackageJson> read(const QString &path);
    static PackageJson fromJson(const QJsonObject &json);

    bool hasScript(const QString &name) const;
    // Anything in "dependencies" or "devDependencies".
    bool hasDependencies() const;
    // Eleventy "_site", Next "out", SvelteKit static "build", Astro and Vite
    // "dist"; "dist" when no known framework is listed.
    QString conventionalOutputDir() const;

private:
    bool dependsOn(const QString &package) const;

    QJsonObject m_json;
};

} // namespace ddd::core::build
