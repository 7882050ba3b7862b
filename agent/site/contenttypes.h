// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace ddd::agent::site {

// Content-Type as the site listener sends it. The type was decided from the
// file name's extension, never from the content (security guide 3.6), when
// the version's index was written (core::deploy::ContentTypeTable); serving
// only turns the stored id back into the field value.
class ContentTypes final
{
public:
    // The table's literal, referenced rather than copied: one goes out with
    // every file.
    static QByteArray forId(quint8 contentTypeId);
    static bool isHtml(const QByteArray &contentType);
};

} // namespace ddd::agent::site
