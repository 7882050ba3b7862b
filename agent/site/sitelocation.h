// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::agent::site {

// A same-site Location value for a redirect: the decoded, normalised path
// percent-encoded again, then the raw query. Normalised paths have no
// repeated slashes, so the value can never become a scheme-relative
// "//other-host" URL.
class SiteLocation final
{
public:
    static QByteArray forPath(const QString &path, const QByteArray &rawQuery);
};

} // namespace ddd::agent::site
