// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/checkreport.h"

#include <QJsonArray>

namespace ddd::core::backup {

QJsonObject CheckReport::toJson() const
{
    QJsonArray list;
    for (const CheckProblem &problem : problems)
        list.append(QJsonObject{{u"code"_qs, problem.code}, {u"message"_qs, problem.message}, {u"details"_qs, problem.details}});
    QJsonObject checked;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        checked.insert(it.key(), it.value());
    return {{u"ok"_qs, ok()}, {u"problems"_qs, list}, {u"checked"_qs, checked}, {u"elapsedMs"_qs, elapsedMs}};
}

QString CheckReport::toText() const
{
    QString text;
    for (const CheckProblem &problem : problems)
        text += u"problem "_qs + problem.code + u": "_qs + problem.message + u'\n';
    const auto count = [this](const QString &key) { return QString::number(counts.value(key)); };
    const QString inBucket = counts.contains(u"blobs_in_bucket"_qs)
        ? u", %1 of them only in the bucket"_qs.arg(count(u"blobs_in_bucket"_qs))
        : QString();
    text += QStringLiteral("checked %1 versions, %2 sources, %3 blobs (%4 bytes%5) in %6 ms: %7\n")
                .arg(count(u"versions"_qs), count(u"sources"_qs), count(u"blobs"_qs), count(u"blob_bytes"_qs), inBucket)
                .arg(elapsedMs)
                .arg(ok() ? u"ok"_qs : QString::number(problems.size()) + u" problem(s)"_qs);
    return text;
}

} // namespace ddd::core::backup
