// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/ignorerules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ddd::core::archive {

namespace {

// An ignore file is a short list; a huge one is a mistake, not a config.
constexpr qint64 MaxIgnoreFileBytes = 1024 * 1024;

} // namespace

QStringList IgnoreRules::defaultPatterns()
{
    return {
        u".env*"_qs,                              // secrets: .env, .env.local, .env.production
        u".git/"_qs, u".hg/"_qs, u".svn/"_qs,    // version control
        u".DS_Store"_qs, u"Thumbs.db"_qs,        // desktop junk
        u"*~"_qs, u"*.swp"_qs, u"*.swo"_qs,       // editor backups (Emacs, Vim)
        u"\\#*#"_qs, u".#*"_qs,                    // Emacs autosave (escaped: "#" starts a comment) and lock files
    };
}

IgnoreRules::IgnoreRules()
{
    for (const QString &line : defaultPatterns())
        if (auto pattern = IgnorePattern::parse(line))
            m_patterns.append(*pattern);
}

Result<IgnoreRules> IgnoreRules::forFolder(const QString &folder)
{
    IgnoreRules rules;
    const QString path = QDir(folder).filePath(FileName.toString());
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return rules;
    QFile file(path);
    if (!info.isFile() || info.isSymLink() || info.size() > MaxIgnoreFileBytes || !file.open(QIODevice::ReadOnly))
        return Error::make(u"ignore.unreadable"_qs, QStringLiteral("Cannot read %1").arg(path),
                           QJsonObject{{u"path"_qs, path}});
    rules.addText(QString::fromUtf8(file.readAll()));
    return rules;
}

void IgnoreRules::addText(QStringView text)
{
    for (QStringView line : text.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (auto pattern = IgnorePattern::parse(line))
            m_patterns.append(*pattern);
    }
}

bool IgnoreRules::ignores(const QString &path, bool isDirectory) const
{
    for (qsizetype slash = path.indexOf(u'/'); slash > 0; slash = path.indexOf(u'/', slash + 1))
        if (ignoresEntry(path.left(slash), true))
            return true;
    return ignoresEntry(path, isDirectory);
}

bool IgnoreRules::ignoresEntry(const QString &path, bool isDirectory) const
{
    if (path == FileName || path.endsWith(u"/.dddignore"))
        return true; // the rules themselves stay home, whatever they say
    bool ignored = false;
    for (const IgnorePattern &pattern : m_patterns)
        if (pattern.negated() == ignored && pattern.matches(path, isDirectory))
            ignored = !pattern.negated();
    return ignored;
}

} // namespace ddd::core::archive
