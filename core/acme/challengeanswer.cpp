// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/challengeanswer.h"

#include "core/util/localfile.h"

#include <QFile>

namespace ddd::core::acme {

std::optional<QByteArray> ChallengeAnswer::read(const QString &folder, const QString &token)
{
    QFile file;
    if (!LocalFile::openRegularFile(file, folder + u'/' + token) || file.size() > maxBytes)
        return std::nullopt;
    return file.readAll();
}

} // namespace ddd::core::acme
