// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/credentials/keychainbackend.h"

#include <qt6keychain/keychain.h>

namespace ddd::core::credentials {

namespace {

SecretBackend::Outcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError: return SecretBackend::Outcome::Ok;
    case QKeychain::EntryNotFound: return SecretBackend::Outcome::NotFound;
    // No session bus, no Secret Service, or no backend built in: the usual
    // picture under a bare window manager or in CI.
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: return SecretBackend::Outcome::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied: return SecretBackend::Outcome::Failed;
    }
    return SecretBackend::Outcome::Failed;
}

} // namespace

KeychainBackend::KeychainBackend(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void KeychainBackend::read(const QString &key, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    run(job, std::move(done));
}

void KeychainBackend::write(const QString &key, const QString &secret, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    run(job, std::move(done));
}

void KeychainBackend::remove(const QString &key, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    run(job, std::move(done));
}

void KeychainBackend::run(QKeychain::Job *job, Done done)
{
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        Answer answer{outcomeOf(finished->error()), {}, finished->errorString()};
        if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished); reader && answer.outcome == Outcome::Ok)
            answer.secret = reader->textData();
        done(std::move(answer));
    });
    job->start();
}

} // namespace ddd::core::credentials
