// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

// What the harnesses of tests/fuzz share. Every harness defines
// LLVMFuzzerTestOneInput; libFuzzer's main (DDD_FUZZ builds) or replaymain.cpp
// (every other build) calls it.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace ddd::fuzz {

// The input as a QByteArray (a deep copy: harnesses may keep it).
QByteArray bytes(const std::uint8_t *data, std::size_t size);

// A broken property: prints which one and why, then aborts, which libFuzzer
// and the replay test both report as a crash with this input.
[[noreturn]] void violated(const char *property, const QString &detail);

// Reads an input as a little sequence of fields, for harnesses that need
// more than one value (a tree of files, a token and a clock). Running out of
// bytes yields empty values, never an error: every input means something.
class InputReader final
{
public:
    explicit InputReader(QByteArray data) : m_data(std::move(data)) {}
    bool atEnd() const { return m_pos >= m_data.size(); }
    quint8 byte();
    // The bytes up to the next `separator` (consumed) or the end.
    QByteArray until(char separator);
    QByteArray rest();

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

// A directory under the temp dir (TMPDIR) for this process, removed at exit.
QString scratchRoot();

// Writes `content` to `path`, creating parent directories; false on failure.
bool writeFile(const QString &path, const QByteArray &content);

} // namespace ddd::fuzz
