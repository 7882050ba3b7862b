// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/diffsummary.h"

#include <QString>
#include <QStringList>

namespace ddd::core::model {

// The agent's answer to a manifest (POST /api/v1/projects/{id}/uploads): the
// session to send blobs to, the hashes it lacks, the diff against the live
// version and the bytes still to send.
struct UploadPlan final
{
    QString uploadId;
    QStringList missing;
    DiffSummary diff;
    qint64 bytesToSend = 0;
};

} // namespace ddd::core::model
