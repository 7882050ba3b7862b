// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace ddd::test {

// A fresh data root under the system temp dir, removed when the test ends.
class TempDataRoot final
{
public:
    TempDataRoot();
    QString path() const { return m_dir.path(); }
    QString file(const QString &relative) const { return m_dir.filePath(relative); }
    // Leaves the directory behind for a post-mortem (a failed crash round).
    void keep() { m_dir.setAutoRemove(false); }

private:
    QTemporaryDir m_dir;
};

} // namespace ddd::test
