// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/preflight.h"

#include "core/archive/archivereader.h"
#include "core/archive/directoryreader.h"
#include "core/archive/entrysink.h"

#include <QMap>

#include <algorithm>
#include <functional>

namespace ddd::core::archive {

namespace {

// Counts what the readers deliver and keeps nothing else.
class SizeSink final : public EntrySink
{
public:
    Status directory(const QString &) override { return {}; }
    Status beginFile(const QString &path) override
    {
        m_current = path;
        m_sizes.insert(path, 0);
        return {};
    }
    Status write(QByteArrayView chunk) override
    {
        m_sizes[m_current] += chunk.size();
        return {};
    }
    Status endFile() override { return {}; }
    Status leftOut(const QString &path, bool isDirectory) override
    {
        m_leftOut.append(isDirectory ? path + u'/' : path);
        return {};
    }

    const QMap<QString, qint64> &sizes() const { return m_sizes; }
    const QStringList &leftOutPaths() const { return m_leftOut; }

private:
    QString m_current;
    QMap<QString, qint64> m_sizes;
    QStringList m_leftOut;
};

Preflight::Finding refusal(const Error &error)
{
    // As the file system spells it (a backslash stays a backslash), else as the reader saw it.
    const QString path = error.details.contains(u"onDisk"_qs) ? error.details.value(u"onDisk"_qs).toString()
                                                              : error.details.value(u"entry"_qs).toString();
    return {Preflight::Severity::Error, error.code, error.message, path, error.details};
}

Preflight::Report scan(const std::function<Status(EntrySink &, QList<Error> &)> &read, qint64 largeFileBytes)
{
    SizeSink sink;
    QList<Error> problems;
    const Status status = read(sink, problems);
    Preflight::Report report;
    report.leftOut = sink.leftOutPaths();
    for (const Error &problem : std::as_const(problems))
        report.findings.append(refusal(problem));
    if (!status)
        report.findings.append(refusal(status.error()));
    if (!report.findings.isEmpty())
        return report;
    for (auto it = sink.sizes().cbegin(); it != sink.sizes().cend(); ++it) {
        ++report.fileCount;
        report.totalBytes += it.value();
        if (it.value() > largeFileBytes)
            report.findings.append({Preflight::Severity::Warning, u"preflight.large_file"_qs,
                                    QStringLiteral("\"%1\" is %2 bytes; large files slow every deploy down")
                                        .arg(it.key())
                                        .arg(it.value()),
                                    it.key()});
    }
    if (!sink.sizes().contains(u"index.html"_qs))
        report.findings.append({Preflight::Severity::Warning, u"preflight.no_index"_qs,
                                u"There is no index.html at the top level, so the site root will answer 404"_qs, {}});
    return report;
}

} // namespace

bool Preflight::Report::wouldBeAccepted() const
{
    return std::none_of(findings.cbegin(), findings.cend(),
                        [](const Finding &finding) { return finding.severity == Severity::Error; });
}

Preflight::Report Preflight::scanArchive(const QString &path, const ArchiveLimits &limits, qint64 largeFileBytes)
{
    const ArchiveReader reader(path, limits);
    return scan([&reader](EntrySink &sink, QList<Error> &problems) { return reader.readAll(sink, problems); },
                largeFileBytes);
}

Preflight::Report Preflight::scanDirectory(const QString &path, const ArchiveLimits &limits, qint64 largeFileBytes,
                                           std::optional<IgnoreRules> ignore)
{
    DirectoryReader reader(path, limits);
    if (ignore)
        reader.setIgnoreRules(std::move(*ignore));
    return scan([&reader](EntrySink &sink, QList<Error> &problems) { return reader.readAll(sink, problems); },
                largeFileBytes);
}

} // namespace ddd::core::archive
