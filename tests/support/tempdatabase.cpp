// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/tempdatabase.h"

namespace ddd::test {

TempDatabase::TempDatabase() : m_provider(m_root.file(u"agent.db"_qs))
{
    const auto status = m_provider.initialise();
    Q_ASSERT(status.ok());
}

} // namespace ddd::test
