// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <cstddef>

namespace ddd::core::deploy::indexlayout {

// The version index file, shared by VersionIndexWriter and VersionIndex.
// Little-endian, host layout (the agent runs on x86-64 and arm64 Linux):
//
//   Header       64 bytes
//   Entry[n]     64 bytes each, sorted by path bytes (UTF-8, memcmp order,
//                which is SQLite's BINARY collation of version_files.path)
//   strings      the paths' UTF-8 bytes, back to back, no terminators
//
// Fixed-size entries make a lookup a binary search over the entry array
// comparing in place against the mapped path bytes: nothing is decoded or
// copied until a path is found.
inline constexpr char kMagic[8] = {'D', 'D', 'D', 'V', 'I', 'D', 'X', '1'};
inline constexpr quint32 kFormat = 1;
inline constexpr quint32 kFlagVariantsPending = 1u; // a compressible file had no variant decision yet
inline constexpr quint8 kEntryCompressible = 1u;
inline constexpr std::size_t kMaxPathBytes = 0xffff;

struct Header
{
    char magic[8];
    quint32 format;
    quint32 flags;
    qint64 versionId;
    quint32 fileCount;
    quint32 entrySize;
    quint64 stringsSize;
    quint64 fileSize;
    quint32 typeTableHash; // ContentTypeTable::tableHash() when written
    quint32 bodyCrc;       // CRC-32 of everything after the header (checked at start-up)
    quint32 reserved;
    quint32 headerCrc;     // CRC-32 of the header's first 60 bytes (checked on every open)
};
static_assert(sizeof(Header) == 64);

struct Entry
{
    quint8 sha256[32];
    qint64 size;
    qint64 brotliSize; // 0: no kept variant
    qint64 gzipSize;
    quint32 pathOffset; // into the strings area
    quint16 pathLength;
    quint8 contentType; // ContentTypeTable id
    quint8 flags;       // kEntryCompressible
};
static_assert(sizeof(Entry) == 64);

inline constexpr std::size_t kHeaderCrcBytes = offsetof(Header, headerCrc);

} // namespace ddd::core::deploy::indexlayout
