// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/headerrules.h"
#include "core/rules/redirectrules.h"
#include "core/rules/rulelimits.h"
#include "core/util/result.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ddd::core::rules {

// The rules files at the root of one version, parsed: part of the version
// like its files, so they go live and roll back with it. Built once per
// version (deploy check, activation); the site listener only matches.
class SiteRules final
{
public:
    // Where the bytes of a root file of the version are, and how many.
    struct FileRef
    {
        QString diskPath;
        qint64 size = 0;
    };
    // Answers the root file with this manifest path, or nothing.
    using Locate = std::function<std::optional<FileRef>(const QString &name)>;

    static const QString RedirectsFile; // "_redirects"
    static const QString HeadersFile;   // "_headers"

    // Reads and parses both files; nullptr when the version has neither.
    // A file larger than the limit is refused before it is read. Codes: the
    // rules.* ones of RedirectRules and HeaderRules, io.error.
    static Result<std::shared_ptr<const SiteRules>> load(const Locate &locate, const RuleLimits &limits = {});

    // A request path ("/_redirects", any letter case) naming a rules file:
    // those are configuration, never content.
    static bool isRulesPath(const QString &path);

    const RedirectRules &redirects() const { return m_redirects; }
    const HeaderRules &headers() const { return m_headers; }

private:
    static Result<std::optional<QByteArray>> read(const Locate &locate, const QString &name, const RuleLimits &limits);

    RedirectRules m_redirects;
    HeaderRules m_headers;
};

} // namespace ddd::core::rules
