// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace ddd::core::archive {

// Follows the block structure of an uncompressed tar stream alongside
// libarchive, to see the name bytes libarchive does not show us: it copies
// pax "path" values and GNU long names up to the first NUL, so
// "index.html\0.png" would silently become "index.html" (security guide 2.1).
//
// Refusals: archive.bad_name for a pax path, linkpath or GNU long name that
// holds a NUL byte or is not valid UTF-8; archive.corrupt for anything but
// zero bytes after the end-of-archive block (libarchive stops reading there,
// so entries after it would be dropped silently).
//
// The scanner mirrors how libarchive 3.6 sizes each record. It stops
// following the stream (and reports nothing more) where libarchive itself
// fails or the entry will be refused anyway: a bad header checksum, an
// unparsable size, a link, device or FIFO entry.
class TarHeaderScanner final
{
public:
    // Feeds the next bytes of the uncompressed stream, in order.
    Status feed(QByteArrayView bytes);

    // True for a first block that starts a tar stream: ustar magic (POSIX or
    // GNU) or an all-zero end block (an empty archive).
    static bool looksLikeTar(QByteArrayView firstBlock);

private:
    enum class State { Header, SparseExtension, Skip, Collect, Trailer, Stopped };

    Status consumeData(QByteArrayView &bytes);
    Status consumeBlock(QByteArrayView &bytes);
    Status processHeader();
    std::optional<Status> processSpecialHeader(char type, qint64 size);
    void processEntryHeader(char type, qint64 size);
    Status processSparseExtension();
    Status processCollected();
    Status processPaxRecords();
    void skipPadded(qint64 bytes);
    void collect(qint64 bytes, char type);

    State m_state = State::Header;
    QByteArray m_block;       // the header block being assembled
    qint64 m_remaining = 0;   // bytes still to skip or collect
    qint64 m_padding = 0;     // skipped after a collected body
    QByteArray m_body;        // a pax or GNU long-name body being collected
    char m_bodyType = 0;
    qint64 m_pendingSize = -1; // a pax "size" for the next entry
    qint64 m_sparseDataSize = 0;
};

} // namespace ddd::core::archive
