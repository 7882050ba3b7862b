// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/jsonfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ddd::test {

QString JsonFixture::path(const QString &relative)
{
    return QStringLiteral(DDD_TEST_DATA_DIR) + u'/' + relative;
}

QByteArray JsonFixture::bytes(const QString &relative)
{
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture %s: %s", qPrintable(relative), qPrintable(file.errorString()));
    return file.readAll();
}

QJsonValue JsonFixture::json(const QString &relative)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes(relative), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s: %s", qPrintable(relative), qPrintable(error.errorString()));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace ddd::test
