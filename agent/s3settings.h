// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/s3endpoint.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace ddd::agent {

// blobs.s3.*: the S3-compatible bucket agents share their blobs through
// (issue 12). Off while `endpoint` is empty.
//
// The access key pair comes from `credentialsFile` or from the environment
// (DDD_BLOBS_S3_ACCESS_KEY_ID and DDD_BLOBS_S3_SECRET_ACCESS_KEY), never
// from the command line, where every user of the machine can read it.
struct S3Settings final
{
    QString endpoint; // http(s)://host[:port]
    QString region = u"us-east-1"_qs;
    QString bucket;
    QString prefix;
    QString credentialsFile;
    QString caFile;
    // From the environment only; never printed.
    QByteArray accessKeyId;
    QByteArray secretAccessKey;

    bool enabled() const { return !endpoint.isEmpty(); }
    // Takes the key pair from DDD_BLOBS_S3_* in a KEY=VALUE list.
    void readEnvironment(const QStringList &environment);
    // Checks everything and reads the credentials file: config.invalid
    // naming the setting, or config.unreadable for the file.
    core::Result<http::S3Endpoint> toEndpoint() const;

private:
    core::Status readCredentialsFile(core::s3::SigV4Signer::Credentials &credentials) const;
};

} // namespace ddd::agent
