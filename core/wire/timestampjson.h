// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::wire {

// Times travel as ISO 8601 UTC text with milliseconds
// ("2027-01-15T08:00:00.000Z"); inside the code they are Unix milliseconds.
QString timestampToJson(qint64 unixMs);
// Accepts ISO 8601 with an explicit zone (Z or an offset); a time without a
// zone is refused because its meaning would depend on the reader's locale.
std::optional<qint64> timestampFromJson(const QString &text);

} // namespace ddd::core::wire
