// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::core::storage {

// The JSON text kept in projects.settings. Unlike the client-facing form it
// carries the site users' password hashes. Values were validated when they
// were saved, so reading checks types only; a missing key takes its default
// (rows written before the key existed hold '{}').
class ProjectSettingsRecord final
{
public:
    static QString toText(const model::ProjectSettings &settings);
    // `storage.corrupt` when the text is not the JSON this class writes.
    static Result<model::ProjectSettings> fromText(const QString &text);
};

} // namespace ddd::core::storage
