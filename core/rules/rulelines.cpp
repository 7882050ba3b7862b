// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/rulelines.h"

#include "core/rules/ruleerror.h"
#include "core/util/safepath.h"

namespace ddd::core::rules {

namespace {

bool hasControlCharacter(QByteArrayView line)
{
    for (const char c : line)
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f)
            return true;
    return false;
}

} // namespace

Result<QList<RuleLine>> RuleLines::split(const QByteArray &bytes, const QString &file, const QString &invalidCode,
                                         const RuleLimits &limits)
{
    if (bytes.size() > limits.maxFileBytes)
        return RuleError::make(u"rules.file_too_large"_qs, file, 0,
                               QStringLiteral("larger than %1 bytes").arg(limits.maxFileBytes));
    QByteArrayView rest(bytes);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    QList<RuleLine> lines;
    int number = 0;
    while (!rest.isEmpty()) {
        const qsizetype end = rest.indexOf('\n');
        QByteArrayView raw = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        if (++number > limits.maxLines)
            return RuleError::make(u"rules.too_many_lines"_qs, file, 0,
                                   QStringLiteral("more than %1 lines").arg(limits.maxLines));
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (raw.size() > limits.maxLineBytes)
            return RuleError::make(u"rules.line_too_long"_qs, file, number,
                                   QStringLiteral("line longer than %1 bytes").arg(limits.maxLineBytes));
        if (!SafePath::isValidUtf8(raw) || hasControlCharacter(raw))
            return RuleError::make(invalidCode, file, number, u"not UTF-8 text, or holds a control character"_qs);
        const QString text = QString::fromUtf8(raw);
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        qsizetype keep = text.size();
        while (keep > 0 && text.at(keep - 1).isSpace())
            --keep;
        lines.append(RuleLine{number, text.left(keep)});
    }
    return lines;
}

} // namespace ddd::core::rules
