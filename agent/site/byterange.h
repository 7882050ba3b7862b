// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ddd::agent::site {

// A Range field (RFC 9110 §14.2) against a representation of `size` bytes.
// Only one range is served: "bytes=a-b", "bytes=a-" and "bytes=-n". Several
// ranges, another unit or a malformed field are ignored (the full file goes
// out with 200), which RFC 9110 allows and which avoids multipart bodies and
// overlapping-range amplification.
class ByteRange final
{
public:
    enum class Kind { Ignored, Unsatisfiable, Satisfiable };

    static ByteRange parse(QByteArrayView field, qint64 size);

    Kind kind() const { return m_kind; }
    qint64 first() const { return m_first; }
    qint64 length() const { return m_length; }
    // "bytes 0-99/1234" for a satisfiable range, "bytes */1234" otherwise.
    QByteArray contentRange(qint64 size) const;

private:
    static ByteRange suffix(QByteArrayView digits, qint64 size);
    static ByteRange span(QByteArrayView spec, qint64 size);

    Kind m_kind = Kind::Ignored;
    qint64 m_first = 0;
    qint64 m_length = 0;
};

} // namespace ddd::agent::site
