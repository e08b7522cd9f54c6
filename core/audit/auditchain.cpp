#include "auditchain.h"

#include <sodium.h>

#include <array>

namespace earlyhelp::audit {

namespace {

void addBytes(crypto_hash_sha256_state& state, QByteArrayView bytes) {
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()),
                              static_cast<unsigned long long>(bytes.size()));
}

void addField(crypto_hash_sha256_state& state, QByteArrayView bytes) {
    const auto size = static_cast<quint32>(bytes.size());
    const std::array<unsigned char, 4> length{static_cast<unsigned char>(size >> 24),
                                              static_cast<unsigned char>(size >> 16),
                                              static_cast<unsigned char>(size >> 8),
                                              static_cast<unsigned char>(size)};
    crypto_hash_sha256_update(&state, length.data(), length.size());
    addBytes(state, bytes);
}

QByteArray finish(crypto_hash_sha256_state& state) {
    QByteArray hash(chainHashSize, Qt::Uninitialized);
    crypto_hash_sha256_final(&state, reinterpret_cast<unsigned char*>(hash.data()));
    return hash;
}

} // namespace

QByteArray detailsDigest(QByteArrayView salt, QByteArrayView details) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    addBytes(state, salt);
    addBytes(state, details);
    return finish(state);
}

QByteArray chainHash(QByteArrayView previousHash, const ChainFields& fields) {
    std::array<char, 8> sequence{};
    const auto value = static_cast<quint64>(fields.sequence);
    for (std::size_t i = 0; i < sequence.size(); ++i)
        sequence[i] = static_cast<char>(value >> (56 - 8 * i));

    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    addBytes(state, previousHash);
    addField(state, QByteArrayView(sequence.data(), qsizetype(sequence.size())));
    addField(state, fields.at);
    addField(state, fields.user);
    addField(state, fields.roleCode);
    addField(state, fields.action);
    addField(state, fields.recordType);
    addField(state, fields.recordId);
    addField(state, fields.familyId);
    addField(state, fields.personId);
    addField(state, fields.detailsDigest);
    return finish(state);
}

QByteArray newDetailsSalt() {
    // randombytes_buf() needs sodium_init(), which is idempotent and thread-safe.
    static const bool initialised = sodium_init() >= 0;
    Q_UNUSED(initialised);
    QByteArray salt(detailsSaltSize, Qt::Uninitialized);
    randombytes_buf(salt.data(), std::size_t(salt.size()));
    return salt;
}

} // namespace earlyhelp::audit
