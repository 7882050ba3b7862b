// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/siterules.h"

#include "core/rules/ruleerror.h"

#include <QFile>

namespace ddd::core::rules {

const QString SiteRules::RedirectsFile = u"_redirects"_qs;
const QString SiteRules::HeadersFile = u"_headers"_qs;

Result<std::shared_ptr<const SiteRules>> SiteRules::load(const Locate &locate, const RuleLimits &limits)
{
    Result<std::optional<QByteArray>> redirects = read(locate, RedirectsFile, limits);
    if (!redirects)
        return redirects.error();
    Result<std::optional<QByteArray>> headers = read(locate, HeadersFile, limits);
    if (!headers)
        return headers.error();
    if (!redirects->has_value() && !headers->has_value())
        return std::shared_ptr<const SiteRules>();
    auto rules = std::make_shared<SiteRules>();
    if (redirects->has_value()) {
        Result<RedirectRules> parsed = RedirectRules::parse(**redirects, limits);
        if (!parsed)
            return parsed.error();
        rules->m_redirects = std::move(*parsed);
    }
    if (headers->has_value()) {
        Result<HeaderRules> parsed = HeaderRules::parse(**headers, limits);
        if (!parsed)
            return parsed.error();
        rules->m_headers = std::move(*parsed);
    }
    return std::shared_ptr<const SiteRules>(std::move(rules));
}

bool SiteRules::isRulesPath(const QString &path)
{
    const QStringView name = QStringView(path).mid(1);
    return path.startsWith(u'/')
        && (name.compare(RedirectsFile, Qt::CaseInsensitive) == 0 || name.compare(HeadersFile, Qt::CaseInsensitive) == 0);
}

Result<std::optional<QByteArray>> SiteRules::read(const Locate &locate, const QString &name, const RuleLimits &limits)
{
    const std::optional<FileRef> ref = locate(name);
    if (!ref)
        return std::optional<QByteArray>();
    // The declared size decides before a byte is read.
    if (ref->size > limits.maxFileBytes)
        return RuleError::make(u"rules.file_too_large"_qs, name, 0,
                               QStringLiteral("larger than %1 bytes").arg(limits.maxFileBytes));
    QFile file(ref->diskPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, u"Cannot read "_qs + name + u": "_qs + file.errorString());
    QByteArray bytes = file.read(limits.maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Error::make(u"io.error"_qs, u"Cannot read "_qs + name + u": "_qs + file.errorString());
    return std::optional<QByteArray>(std::move(bytes));
}

} // namespace ddd::core::rules
