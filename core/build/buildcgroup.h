// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace ddd::core::build {

// The control groups of one sandboxed run: a memory limit and a process
// limit, plus a way to kill everything inside at once. Made below the
// agent's own cgroup (so builds stay inside whatever limits the operator put
// on the agent), in a parent group named by SandboxRunner::Options.
//
// cgroup v2 is used where its controllers are delegated to the agent (the
// unified hierarchy's own group, or its parent when systemd put the agent in
// a "supervisor" subgroup with DelegateSubgroup=); each controller missing
// there is taken from the v1 hierarchy of that name. A v2 group without
// controllers is still made when possible: its cgroup.kill ends the whole
// tree in one write. Whatever cannot be made is simply absent; the caller
// decides whether that is acceptable (limitsMemory(), limitsProcesses()).
class BuildCgroup final
{
public:
    struct Limits final
    {
        qint64 memoryBytes = 0;
        int maxProcesses = 0;
    };

    static std::unique_ptr<BuildCgroup> create(const QString &parentName, const QString &runName, const Limits &limits);
    // Kills what is left and removes the run's groups.
    ~BuildCgroup();
    BuildCgroup(const BuildCgroup &) = delete;
    BuildCgroup &operator=(const BuildCgroup &) = delete;

    bool limitsMemory() const { return !m_memoryDir.isEmpty(); }
    bool limitsProcesses() const { return m_pidsVersion != 0; }
    // For operators: which mechanism enforces what ("memory: cgroup v1, ...").
    QString describe() const;

    // Write-only descriptors of every group's cgroup.procs (close-on-exec):
    // the forked child writes "0" to each to join before it drops root.
    std::vector<int> procsDescriptors() const;

    // SIGKILL to every process in the groups (cgroup.kill where present).
    void killAll() const;
    // Kills until the groups are empty or the time is up; true when empty.
    bool killAndWait(int timeoutMs) const;

    bool oomKilled() const;
    qint64 peakMemoryBytes() const; // -1 when the group does not tell

private:
    struct Group final
    {
        QByteArray dir;
        int procsFd = -1;
    };

    BuildCgroup() = default;
    void setUpV2(const QByteArray &parentName, const QByteArray &runName, const Limits &limits);
    void setUpV1(const QByteArray &parentName, const QByteArray &runName, const Limits &limits);
    bool addGroup(const QByteArray &dir);
    bool empty() const;

    std::vector<Group> m_groups;
    QByteArray m_killFile;   // v2 cgroup.kill, when there is one
    QByteArray m_memoryDir;
    int m_memoryVersion = 0;
    int m_pidsVersion = 0;
    int m_cpuVersion = 0;
};

} // namespace ddd::core::build
