// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/activityentry.h"
#include "core/model/activityfilter.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/util/result.h"

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of the `activity` table. No visibility checks here: ActivityLog
// decides who may read a project's log.
class ActivityStore final
{
public:
    explicit ActivityStore(ConnectionProvider &connections);

    // Stores `entry` (its id is ignored; an empty actor becomes the e-mail
    // of actorId, or "build hook") and answers its id, then drops the project's oldest
    // entries beyond `retain`, so the log of a busy project stays bounded.
    Result<qint64> append(const model::ActivityEntry &entry, int retain);
    // Newest first, after the entry with id `request.after->id`.
    Result<model::Page<model::ActivityEntry>> page(qint64 projectId, const model::ActivityFilter &filter,
                                                   const model::PageRequest &request);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
