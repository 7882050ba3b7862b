// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/hashingslots.h"

namespace ddd::core::auth {

std::optional<HashingSlots::Permit> HashingSlots::tryAcquire()
{
    std::lock_guard lock(m_mutex);
    if (m_inUse >= m_capacity)
        return std::nullopt;
    ++m_inUse;
    return std::optional<Permit>(std::in_place, *this);
}

void HashingSlots::release()
{
    std::lock_guard lock(m_mutex);
    --m_inUse;
}

} // namespace ddd::core::auth
