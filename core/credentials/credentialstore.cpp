// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/credentials/credentialstore.h"

#include "core/credentials/filesecretbackend.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcCredentials, "ddd.credentials")

namespace ddd::core::credentials {

using ddd::core::Error;
using ddd::core::Result;
using ddd::core::Status;

CredentialStore::CredentialStore(std::unique_ptr<SecretBackend> keychain, std::unique_ptr<FileSecretBackend> fallback,
                                 QObject *parent)
    : QObject(parent), m_keychain(std::move(keychain)), m_fallback(std::move(fallback))
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::fallbackPath() const
{
    return m_fallback->path();
}

void CredentialStore::read(const QString &key, QObject *context, std::function<void(Result<QString>)> done)
{
    auto answer = [this, context, done = std::move(done)](const Answer &result) {
        if (result.outcome == Outcome::Ok || result.outcome == Outcome::NotFound)
            deliver<Result<QString>>(context, done, result.secret);
        else
            deliver<Result<QString>>(context, done, errorFor(result));
    };
    if (m_fallbackActive)
        return m_fallback->read(key, answer);
    m_keychain->read(key, [this, key, answer](const Answer &result) {
        if (switchToFallback(result) || result.outcome == Outcome::NotFound)
            return readFromFallback(key, answer);
        answer(result);
    });
}

void CredentialStore::write(const QString &key, const QString &secret, QObject *context,
                            std::function<void(Status)> done)
{
    auto answer = [this, context, done = std::move(done)](const Answer &result) {
        deliver<Status>(context, done, result.outcome == Outcome::Ok ? Status() : Status(errorFor(result)));
    };
    if (m_fallbackActive)
        return m_fallback->write(key, secret, answer);
    m_keychain->write(key, secret, [this, key, secret, answer](const Answer &result) {
        if (switchToFallback(result))
            return m_fallback->write(key, secret, answer);
        if (result.outcome == Outcome::Ok)
            m_fallback->remove(key, [](const Answer &) {}); // no stale copy outside the keychain
        answer(result);
    });
}

void CredentialStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    auto answer = [this, context, done = std::move(done)](const Answer &result) {
        const bool gone = result.outcome == Outcome::Ok || result.outcome == Outcome::NotFound;
        deliver<Status>(context, done, gone ? Status() : Status(errorFor(result)));
    };
    m_fallback->remove(key, [this, key, answer](const Answer &fileResult) {
        if (m_fallbackActive || (fileResult.outcome != Outcome::Ok && fileResult.outcome != Outcome::NotFound))
            return answer(fileResult);
        m_keychain->remove(key, [this, answer](const Answer &result) {
            answer(switchToFallback(result) ? Answer{Outcome::Ok, {}, {}} : result);
        });
    });
}

bool CredentialStore::switchToFallback(const Answer &answer)
{
    if (answer.outcome != Outcome::Unavailable)
        return false;
    if (!m_fallbackActive) {
        m_fallbackActive = true;
        qCWarning(lcCredentials) << "no keychain service:" << answer.reason << "- tokens go to" << m_fallback->path();
        emit fallbackActivated(answer.reason);
    }
    return true;
}

void CredentialStore::readFromFallback(const QString &key, std::function<void(Answer)> done)
{
    m_fallback->read(key, [this, key, done = std::move(done)](const Answer &result) {
        if (!m_fallbackActive && result.outcome == Outcome::Ok)
            moveIntoKeychain(key, result.secret);
        done(result);
    });
}

void CredentialStore::moveIntoKeychain(const QString &key, const QString &secret)
{
    m_keychain->write(key, secret, [this, key](const Answer &result) {
        if (result.outcome == Outcome::Ok)
            m_fallback->remove(key, [](const Answer &) {});
    });
}

Error CredentialStore::errorFor(const Answer &answer)
{
    const QString code = answer.outcome == Outcome::Unavailable ? u"credentials.unavailable"_qs : u"credentials.failed"_qs;
    return Error::make(code, answer.reason, QJsonObject{{u"reason"_qs, answer.reason}});
}

template<typename T>
void CredentialStore::deliver(QObject *context, std::function<void(T)> done, T value)
{
    QTimer::singleShot(0, context, [done = std::move(done), value = std::move(value)] { done(value); });
}

} // namespace ddd::core::credentials
