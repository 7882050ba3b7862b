// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/logsink.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>
#include <mutex>

namespace ddd::agent {

namespace {

// One lock for every writer of stderr, so lines never interleave.
std::mutex outputMutex;

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return u"debug"_qs;
    case QtInfoMsg: return u"info"_qs;
    case QtWarningMsg: return u"warning"_qs;
    case QtCriticalMsg: return u"error"_qs;
    case QtFatalMsg: return u"fatal"_qs;
    }
    return u"info"_qs;
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QJsonObject line{
        {u"time"_qs, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {u"level"_qs, levelName(type)},
        {u"category"_qs, QString::fromLatin1(context.category ? context.category : "default")},
        {u"msg"_qs, message},
    };
    LogSink::writeLines(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace

void LogSink::writeLines(const QByteArray &lines)
{
    std::lock_guard lock(outputMutex);
    std::fwrite(lines.constData(), 1, size_t(lines.size()), stderr);
    std::fflush(stderr);
}

void LogSink::install(const QString &level)
{
    qInstallMessageHandler(writeLine);
    QString rules = u"ddd.*.debug=false\n"_qs;
    if (level == u"debug")
        rules = u"ddd.*.debug=true\n"_qs;
    else if (level == u"warning")
        rules += u"ddd.*.info=false\n"_qs;
    else if (level == u"error")
        rules += u"ddd.*.info=false\nddd.*.warning=false\n"_qs;
    QLoggingCategory::setFilterRules(rules);
}

} // namespace ddd::agent
