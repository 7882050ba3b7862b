// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/tempdataroot.h"

namespace ddd::test {

TempDataRoot::TempDataRoot() : m_dir(QDir::tempPath() + u"/ddd-test-XXXXXX"_qs)
{
    Q_ASSERT(m_dir.isValid());
}

} // namespace ddd::test
