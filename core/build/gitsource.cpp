// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/gitsource.h"

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

} // namespace

Status GitSource::validate(const QString &url, const QString &branch)
{
    if (Status valid = checkUrl(url); !valid)
        return valid;
    return checkBranch(branch);
}

} // namespace ddd::core::build
