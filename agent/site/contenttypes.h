// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::agent::site {

// Content-Type from the file name's extension, never from the content
// (security guide 3.6): a table of common web types, text types with
// "; charset=utf-8", anything else application/octet-stream.
class ContentTypes final
{
public:
    static QByteArray forPath(const QString &path);
    static bool isHtml(const QByteArray &contentType);
};

} // namespace ddd::agent::site
