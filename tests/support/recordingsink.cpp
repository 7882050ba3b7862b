// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/recordingsink.h"

namespace ddd::test {

core::Status RecordingSink::directory(const QString &path)
{
    directories.append(path);
    order.append(path + u'/');
    return {};
}

core::Status RecordingSink::beginFile(const QString &path)
{
    m_current = path;
    files.insert(path, {});
    order.append(path);
    return {};
}

core::Status RecordingSink::write(QByteArrayView chunk)
{
    files[m_current] += chunk;
    bytesWritten += chunk.size();
    return {};
}

core::Status RecordingSink::endFile()
{
    return {};
}

} // namespace ddd::test
