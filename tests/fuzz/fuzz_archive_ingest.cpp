// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// An uploaded archive, as the bytes a client sends: zip, tar or tar.gz told
// apart by content, ingested into a temporary data root by the real
// Ingest::fromArchive. The properties are those of ingestAndCheck().
#include "tests/fuzz/archiveingest.h"
#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::fuzz::ingestAndCheck(ddd::fuzz::bytes(data, size));
    return 0;
}
