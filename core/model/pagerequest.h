// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/pagekey.h"

#include <QString>

#include <optional>

namespace ddd::core::model {

// One page of a listing asked for: at most `limit` rows after `after` (the
// first page without it). `prefix` narrows a file listing to paths that
// start with it; other listings ignore it.
struct PageRequest final
{
    int limit = 50;
    std::optional<PageKey> after;
    QString prefix;
};

} // namespace ddd::core::model
