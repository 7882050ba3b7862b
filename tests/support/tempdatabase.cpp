// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/tempdatabase.h"

#include "tests/support/testdatabases.h"

namespace ddd::test {

TempDatabase::TempDatabase() : m_provider(TestDatabases::provider(m_root.file(u"agent.db"_qs)))
{
    const auto status = m_provider->initialise();
    if (!status.ok())
        qFatal("cannot open the test database: %s", qPrintable(status.error().message));
}

} // namespace ddd::test
