// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::model {

// How a version's files reached the agent.
enum class VersionSource { Archive, Incremental, Build };

QString versionSourceName(VersionSource source);
std::optional<VersionSource> versionSourceFromName(const QString &name);

} // namespace ddd::core::model
