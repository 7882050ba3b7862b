// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::model {

// Life cycle of a version (docs/api.md, "Versions"): uploading -> processing ->
// ready | failed; ready -> live -> retired -> live again.
enum class VersionStatus { Uploading, Processing, Ready, Failed, Live, Retired };

QString versionStatusName(VersionStatus status);
std::optional<VersionStatus> versionStatusFromName(const QString &name);
// Only stored, healthy versions can go live (`deploy.not_activatable` otherwise).
bool isActivatable(VersionStatus status);
// Stored and retained (ready, live or retired): it has a preview host.
bool isPreviewable(VersionStatus status);

} // namespace ddd::core::model
