// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ddd::fuzz {

// Ingests `upload` (the bytes of an uploaded archive) into a blob store
// under this process's scratch root with the real Ingest::fromArchive, and
// checks what every ingest must guarantee: a refusal has a stable code and
// leaves no staging behind; an accepted archive gives a manifest of normal,
// unique paths within the limits whose blobs hold exactly the declared bytes.
void ingestAndCheck(const QByteArray &upload);

} // namespace ddd::fuzz
