// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A tar.gz upload whose tar the fuzzer writes: the harness gzips the input
// before ingesting it, so mutations land on tar headers and names instead of
// breaking the deflate stream, and the gzip path of ArchiveReader reaches
// them. The properties are those of ingestAndCheck().
#include "core/util/gzipcompressor.h"
#include "tests/fuzz/archiveingest.h"
#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray tar = ddd::fuzz::bytes(data, size);
    ddd::fuzz::ingestAndCheck(ddd::core::GzipCompressor::compress(tar, 1));
    return 0;
}
