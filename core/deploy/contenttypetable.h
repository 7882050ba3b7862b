// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QtGlobal>

namespace ddd::core::deploy {

// Content-Type by the file name's extension (security guide 3.6), as a small
// id per type so a version index (VersionIndex) can store it in one byte per
// file and the site listener need not look at extensions per request. Id 0 is
// application/octet-stream. The ids are part of the index file format:
// tableHash() changes whenever the table does, and an index written under
// another table is rebuilt at start-up.
class ContentTypeTable final
{
public:
    static quint8 idForPath(const QString &path);
    // "application/octet-stream" for an id the table does not know.
    static const char *type(quint8 id);
    static quint32 tableHash();
};

} // namespace ddd::core::deploy
