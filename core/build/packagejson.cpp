// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/packagejson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <array>
#include <utility>

namespace ddd::core::build {

namespace {

Error invalid(const QString &why)
{
    return Error::make(u"build.undetected"_qs, u"package.json cannot be read: "_qs + why,
                       QJsonObject{{u"reason"_qs, u"package_json_invalid"_qs}});
}

} // namespace

Result<PackageJson> PackageJson::read(const QString &path)
{
    const QFileInfo info(path);
    // Sources pass the upload entry rules (no links), but detection also runs
    // on folders the dashboard reads, so a link is refused here too.
    if (info.isSymLink() || !info.isFile())
        return invalid(u"not a regular file"_qs);
    if (info.size() > MaxBytes)
        return invalid(u"larger than 1 MiB"_qs);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(MaxBytes), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalid(u"not a JSON object"_qs);
    return fromJson(document.object());
}

PackageJson PackageJson::fromJson(const QJsonObject &json)
{
    PackageJson package;
    package.m_json = json;
    return package;
}

bool PackageJson::hasScript(const QString &name) const
{
    const QJsonValue script = m_json.value(u"scripts"_qs).toObject().value(name);
    return script.isString() && !script.toString().trimmed().isEmpty();
}

bool PackageJson::hasDependencies() const
{
    return !m_json.value(u"dependencies"_qs).toObject().isEmpty()
           || !m_json.value(u"devDependencies"_qs).toObject().isEmpty();
}

bool PackageJson::dependsOn(const QString &package) const
{
    return m_json.value(u"dependencies"_qs).toObject().contains(package)
           || m_json.value(u"devDependencies"_qs).toObject().contains(package);
}

QString PackageJson::conventionalOutputDir() const
{
    // Order matters: SvelteKit and Astro projects list Vite as well.
    static const std::array<std::pair<QStringView, QStringView>, 6> conventions{{
        {u"@11ty/eleventy", u"_site"},
        {u"next", u"out"},
        {u"@sveltejs/adapter-static", u"build"},
        {u"astro", u"dist"},
        {u"vite", u"dist"},
        {u"parcel", u"dist"},
    }};
    for (const auto &[package, folder] : conventions) {
        if (dependsOn(package.toString()))
            return folder.toString();
    }
    return u"dist"_qs;
}

} // namespace ddd::core::build
