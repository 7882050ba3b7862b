// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/passwordhasher.h"

#include "core/auth/hashingslots.h"
#include "core/auth/securerandom.h"

#include <QStringList>

#include <argon2.h>
#include <openssl/crypto.h>

namespace ddd::core::auth {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

// The UTF-8 bytes argon2 sees; wiped when the hashing call is done.
class PasswordBytes final
{
public:
    // UTF-16 units never outnumber UTF-8 bytes, so a huge input is refused
    // before it is even normalised.
    explicit PasswordBytes(const QString &password)
        : m_bytes(password.size() > PasswordHasher::kMaxPasswordBytes
                      ? QByteArray()
                      : password.normalized(QString::NormalizationForm_KC).toUtf8()),
          m_tooLong(password.size() > PasswordHasher::kMaxPasswordBytes
                    || m_bytes.size() > PasswordHasher::kMaxPasswordBytes)
    {
    }
    ~PasswordBytes() { OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size())); }
    PasswordBytes(const PasswordBytes &) = delete;
    PasswordBytes &operator=(const PasswordBytes &) = delete;

    const char *data() const { return m_bytes.constData(); }
    size_t size() const { return size_t(m_bytes.size()); }
    bool tooLong() const { return m_tooLong; }

private:
    QByteArray m_bytes;
    bool m_tooLong;
};

Error tooLongError()
{
    return Error::make(u"auth.password_too_long"_qs,
                       QStringLiteral("password is longer than %1 bytes").arg(PasswordHasher::kMaxPasswordBytes),
                       {{u"maxBytes"_qs, PasswordHasher::kMaxPasswordBytes}});
}

Error busyError()
{
    return Error::make(u"auth.busy"_qs, u"too many password checks in progress, try again shortly"_qs);
}

Error hashFailed(int code)
{
    return Error::make(u"crypto.hash_failed"_qs, u"password hashing failed"_qs,
                       {{u"reason"_qs, QString::fromUtf8(argon2_error_message(code))}});
}

} // namespace

PasswordHasher::PasswordHasher(HashingSlots &hashingSlots) : PasswordHasher(hashingSlots, Parameters{}) {}

PasswordHasher::PasswordHasher(HashingSlots &hashingSlots, Parameters parameters)
    : m_slots(hashingSlots), m_parameters(parameters)
{
}

Status PasswordHasher::checkLength(const QString &password, int minLength)
{
    const PasswordBytes bytes(password);
    if (bytes.tooLong())
        return tooLongError();
    if (QString::fromUtf8(bytes.data(), qsizetype(bytes.size())).toUcs4().size() < minLength)
        return Error::make(u"auth.password_too_short"_qs,
                           QStringLiteral("password must have at least %1 characters").arg(minLength),
                           {{u"minLength"_qs, minLength}});
    return {};
}

Result<QString> PasswordHasher::hash(const QString &password, int minLength) const
{
    if (Status length = checkLength(password, minLength); !length)
        return length.error();
    Result<QByteArray> salt = SecureRandom::bytes(kSaltBytes);
    if (!salt)
        return salt.error();
    const PasswordBytes bytes(password);
    const auto &p = m_parameters;
    QByteArray encoded(qsizetype(argon2_encodedlen(p.iterations, p.memoryKiB, p.parallelism, kSaltBytes,
                                                   kHashBytes, Argon2_id)),
                       '\0');
    const auto permit = m_slots.tryAcquire();
    if (!permit)
        return busyError();
    const int rc = argon2id_hash_encoded(p.iterations, p.memoryKiB, p.parallelism, bytes.data(), bytes.size(),
                                         salt->constData(), kSaltBytes, kHashBytes, encoded.data(),
                                         size_t(encoded.size()));
    if (rc != ARGON2_OK)
        return hashFailed(rc);
    return QString::fromLatin1(encoded.constData()); // stops at the terminating NUL
}

Result<bool> PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    const PasswordBytes bytes(password);
    if (bytes.tooLong())
        return tooLongError();
    const QByteArray encodedBytes = encoded.toLatin1();
    const auto permit = m_slots.tryAcquire();
    if (!permit)
        return busyError();
    const int rc = argon2id_verify(encodedBytes.constData(), bytes.data(), bytes.size());
    if (rc == ARGON2_OK)
        return true;
    if (rc == ARGON2_VERIFY_MISMATCH)
        return false;
    return hashFailed(rc);
}

Status PasswordHasher::verifyDummy(const QString &password) const
{
    const PasswordBytes bytes(password);
    if (bytes.tooLong())
        return tooLongError();
    // Verifying is one hash computation plus a compare, so hashing with the
    // current parameters and a fixed salt costs the same.
    static const QByteArray fixedSalt(kSaltBytes, '\x5a');
    unsigned char out[kHashBytes];
    const auto &p = m_parameters;
    const auto permit = m_slots.tryAcquire();
    if (!permit)
        return busyError();
    const int rc = argon2id_hash_raw(p.iterations, p.memoryKiB, p.parallelism, bytes.data(), bytes.size(),
                                     fixedSalt.constData(), kSaltBytes, out, kHashBytes);
    if (rc != ARGON2_OK)
        return hashFailed(rc);
    return {};
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    // $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    const QStringList parts = encoded.split(u'$');
    const QString wanted = QStringLiteral("m=%1,t=%2,p=%3")
                               .arg(m_parameters.memoryKiB)
                               .arg(m_parameters.iterations)
                               .arg(m_parameters.parallelism);
    const QString version = QStringLiteral("v=%1").arg(ARGON2_VERSION_NUMBER);
    return parts.size() != 6 || parts.at(1) != u"argon2id" || parts.at(2) != version || parts.at(3) != wanted;
}

} // namespace ddd::core::auth
