// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/transaction.h"

#include "core/storage/database.h"

namespace ddd::core::storage {

Transaction::Transaction(Database &db) : m_db(db), m_begun(db.beginWrite())
{
    m_done = !m_begun.ok();
}

Transaction::~Transaction()
{
    if (!m_done)
        (void)m_db.rollback();
}

Status Transaction::commit()
{
    if (m_done)
        return Error::make(u"storage.error"_qs, u"transaction is not open"_qs);
    Status status = m_db.commit();
    m_done = status.ok();
    return status;
}

} // namespace ddd::core::storage
