// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/logredactor.h"

#include <QRegularExpression>

#include <algorithm>

namespace ddd::core::build {

namespace {

constexpr qsizetype MinSecretLength = 3;

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

const QList<Rule> &rules()
{
    using Option = QRegularExpression::PatternOption;
    static const QList<Rule> all = {
        {QRegularExpression(u"(Bearer)\\s+\\S+"_qs, Option::CaseInsensitiveOption), u"\\1 [redacted]"_qs},
        {QRegularExpression(u"(--?[A-Za-z0-9_-]*(?:key|secret|token|password|auth)[A-Za-z0-9_-]*)(=|\\s+)\\S+"_qs,
                            Option::CaseInsensitiveOption),
         u"\\1\\2[redacted]"_qs},
        {QRegularExpression(u"([A-Za-z0-9_.-]*(?:key|secret|token|password)[A-Za-z0-9_.-]*)=(\"[^\"]*\"|\\S+)"_qs,
                            Option::CaseInsensitiveOption),
         u"\\1=[redacted]"_qs},
        {QRegularExpression(u"[0-9A-Fa-f]{32,}"_qs), u"[redacted]"_qs},
    };
    return all;
}

} // namespace

LogRedactor::LogRedactor(QStringList secrets)
{
    for (const QString &secret : secrets)
        if (secret.size() >= MinSecretLength)
            m_secrets.append(secret);
    // Longest first, so a secret containing another is blanked whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QByteArray LogRedactor::redact(const QByteArray &line) const
{
    QString text = QString::fromUtf8(line);
    for (const QString &secret : m_secrets)
        text.replace(secret, QString::fromLatin1(Mask));
    for (const Rule &rule : rules())
        text.replace(rule.pattern, rule.replacement);
    return text.toUtf8();
}

QStringList LogRedactor::flagValues(const QStringList &buildFlags)
{
    QStringList values;
    for (const QString &flag : buildFlags) {
        const qsizetype equals = flag.indexOf(u'=');
        if (equals >= 0)
            values.append(flag.mid(equals + 1));
    }
    return values;
}

} // namespace ddd::core::build
