// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/gitsource.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace ddd::core::build {

namespace {

Error invalidUrl(const QString &reason)
{
    return Error::make(u"build.invalid_git_url"_qs, u"the Git URL cannot be used: "_qs + reason,
                       {{u"reason"_qs, reason}});
}

Status checkUrl(const QString &text)
{
    if (text.size() > 2048)
        return invalidUrl(u"longer than 2048 characters"_qs);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return invalidUrl(u"not an absolute URL with a host"_qs);
    const QString scheme = url.scheme();
    if (scheme != u"https"_qs && scheme != u"http"_qs && scheme != u"git"_qs)
        return invalidUrl(u"only https, http and git URLs are supported"_qs);
    if (!url.userInfo().isEmpty())
        return invalidUrl(u"credentials in the URL are not supported"_qs);
    if (url.hasFragment())
        return invalidUrl(u"a fragment is not part of a repository URL"_qs);
    return {};
}

Status checkBranch(const QString &branch)
{
    // A subset of git check-ref-format: printable ASCII, no "..", no
    // component starting with '.' or '-', no special characters.
    static const QRegularExpression shape(u"^(?!-)(?!.*\\.\\.)(?!.*//)(?!/)(?!.*/$)(?!.*\\.lock$)"
                                          "(?!.*(^|/)\\.)[A-Za-z0-9._/-]{1,200}$"_qs);
    if (!shape.match(branch).hasMatch())
        return Error::make(u"build.invalid_git_branch"_qs,
                           u"the branch name is not a valid Git branch name"_qs,
                           {{u"reason"_qs, u"letters, digits, '.', '_', '-' and '/' only, not starting with '-'"_qs}});
    return {};
}

Error invalidSetting(const QString &field, const QString &reason)
{
    return Error::make(u"project.invalid_settings"_qs,
                       QStringLiteral("Invalid project setting %1: %2").arg(field, reason),
                       {{u"field"_qs, field}, {u"reason"_qs, reason}});
}

// Reads json[key] into `target` when present; it must be a string.
Status readString(const QJsonObject &json, const QString &key, QString &target)
{
    if (!json.contains(key))
        return {};
    if (!json.value(key).isString())
        return invalidSetting(u"build.git."_qs + key, u"not_string"_qs);
    target = json.value(key).toString();
    return {};
}

} // namespace

Status GitSource::validate(const QString &url, const QString &branch)
{
    if (Status valid = checkUrl(url); !valid)
        return valid;
    return checkBranch(branch);
}

Result<GitSource> GitSource::merge(const QJsonValue &json, const GitSource &base, bool enabled)
{
    if (!json.isObject())
        return invalidSetting(u"build.git"_qs, u"not_object"_qs);
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key() != u"url"_qs && it.key() != u"branch"_qs)
            return invalidSetting(u"build.git."_qs + it.key(), u"unknown_field"_qs);
    GitSource merged = base;
    if (Status read = readString(object, u"url"_qs, merged.url); !read)
        return read.error();
    if (Status read = readString(object, u"branch"_qs, merged.branch); !read)
        return read.error();
    merged.url = merged.url.trimmed();
    if (!merged.isSet())
        return merged;
    // Only a URL given now is refused: a project saved before the operator
    // turned Git off keeps its other settings editable.
    if (!enabled && object.contains(u"url"_qs))
        return Error::make(u"build.git_disabled"_qs, u"Builds from Git are turned off on this agent (builds.git)"_qs);
    if (Status valid = validate(merged.url, merged.branch); !valid)
        return valid.error();
    return merged;
}

} // namespace ddd::core::build
