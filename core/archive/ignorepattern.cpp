// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/ignorepattern.h"

namespace ddd::core::archive {

namespace {

// Trailing spaces are dropped unless escaped with a backslash (git does so).
QStringView trimTrailingSpaces(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && line.at(end - 1) == u' ') {
        if (end > 1 && line.at(end - 2) == u'\\')
            break;
        --end;
    }
    return line.first(end);
}

// `[...]` starting at `start` (the '['): the regex class and where it ends,
// or nullopt when unclosed (the '[' is then a plain character, as in git).
std::optional<std::pair<QString, qsizetype>> bracket(QStringView glob, qsizetype start)
{
    qsizetype i = start + 1;
    QString out = u"["_qs;
    if (i < glob.size() && (glob.at(i) == u'!' || glob.at(i) == u'^')) {
        out += u'^';
        ++i;
    }
    const qsizetype first = i;
    for (; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u']' && i > first)
            return std::pair{out + u"]"_qs, i};
        if (c == u'\\' && i + 1 < glob.size())
            out += QRegularExpression::escape(QString(glob.at(++i)));
        else if (c == u'-')
            out += u'-';
        else if (c == u'/')
            return std::nullopt; // a class never matches a folder separator
        else
            out += QRegularExpression::escape(QString(c));
    }
    return std::nullopt;
}

} // namespace

std::optional<IgnorePattern> IgnorePattern::parse(QStringView line)
{
    QStringView text = trimTrailingSpaces(line);
    if (text.isEmpty() || text.startsWith(u'#'))
        return std::nullopt;
    IgnorePattern pattern;
    pattern.m_text = text.toString();
    if (text.startsWith(u'!')) {
        pattern.m_negated = true;
        text = text.sliced(1);
    } else if (text.startsWith(u"\\!") || text.startsWith(u"\\#")) {
        text = text.sliced(1);
    }
    if (text.endsWith(u'/') && !text.endsWith(u"\\/")) {
        pattern.m_directoryOnly = true;
        text.chop(1);
    }
    if (text.isEmpty())
        return std::nullopt;
    // A slash anywhere but at the end anchors the pattern at the root.
    const bool anchored = text.contains(u'/');
    if (text.startsWith(u'/'))
        text = text.sliced(1);
    const QString body = toRegex(text);
    const QString prefix = anchored ? u"^"_qs : u"^(?:.*/)?"_qs;
    pattern.m_regex = QRegularExpression(prefix + body + u"$"_qs, QRegularExpression::DontCaptureOption);
    if (!pattern.m_regex.isValid())
        return std::nullopt;
    return pattern;
}

bool IgnorePattern::matches(const QString &path, bool isDirectory) const
{
    if (m_directoryOnly && !isDirectory)
        return false;
    return m_regex.match(path).hasMatch();
}

// `**` is special only as a whole path segment: `**/` at the start (any
// folders), `/**` at the end (everything inside) and `/**/` (zero or more
// folders); elsewhere it is an ordinary `*`.
QString IgnorePattern::toRegex(QStringView glob)
{
    QString out;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        const bool segmentStart = i == 0 || glob.at(i - 1) == u'/';
        if (c == u'*' && i + 1 < glob.size() && glob.at(i + 1) == u'*' && segmentStart) {
            const qsizetype after = i + 2;
            if (after == glob.size()) {
                out += u".*"_qs; // "x/**": anything inside x (x itself never ends in "/")
                ++i;
                continue;
            }
            if (glob.at(after) == u'/') {
                out += u"(?:.*/)?"_qs;
                i = after;
                continue;
            }
        }
        if (c == u'*') {
            while (i + 1 < glob.size() && glob.at(i + 1) == u'*')
                ++i;
            out += u"[^/]*"_qs;
        } else if (c == u'?') {
            out += u"[^/]"_qs;
        } else if (c == u'[') {
            if (const auto cls = bracket(glob, i)) {
                out += cls->first;
                i = cls->second;
            } else {
                out += u"\\["_qs;
            }
        } else if (c == u'\\' && i + 1 < glob.size()) {
            out += QRegularExpression::escape(QString(glob.at(++i)));
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    return out;
}

} // namespace ddd::core::archive
