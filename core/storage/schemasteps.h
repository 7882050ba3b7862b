// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ddd::core::storage {

// The SQL of every schema step, in order; Migrations applies them. Step N
// brings the schema from version N-1 to N.
const QStringList &schemaSteps();

} // namespace ddd::core::storage
