#pragma once

// The hash chain of the audit trail (table audit_event). The triggers that
// write events and verifyAuditChain() both use these functions, so the
// encoding exists once.
//
// details_digest = SHA-256(details_salt ‖ details), over the stored bytes of
// details (UTF-8 JSON). The salt is 16 random bytes per event, so that the
// digest of an erased event cannot be matched against guessed details.
//
// hash = SHA-256(prev_hash ‖ field_1 ‖ … ‖ field_10), where each field is a
// 4-byte big-endian length followed by that many bytes, in this order:
// seq (8-byte big-endian two's complement), at, user_name, role_code, action,
// record_type, record_id, family_id, person_id (UTF-8 text as stored) and
// details_digest (32 bytes). prev_hash of the first event is 32 zero bytes.

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace earlyhelp::audit {

// Bytes in a hash, a digest and a salt.
inline constexpr qsizetype chainHashSize = 32;
inline constexpr qsizetype detailsSaltSize = 16;

// The columns of one event that its hash covers, as stored.
struct ChainFields {
    qint64 sequence = 0;
    QByteArrayView at;
    QByteArrayView user;
    QByteArrayView roleCode;
    QByteArrayView action;
    QByteArrayView recordType;
    QByteArrayView recordId;
    QByteArrayView familyId;
    QByteArrayView personId;
    QByteArrayView detailsDigest;
};

// Returns SHA-256(salt ‖ details).
[[nodiscard]] QByteArray detailsDigest(QByteArrayView salt, QByteArrayView details);

// Returns the hash of the event with fields whose predecessor's hash is
// previousHash.
[[nodiscard]] QByteArray chainHash(QByteArrayView previousHash, const ChainFields& fields);

// Returns detailsSaltSize random bytes from the operating system's generator.
[[nodiscard]] QByteArray newDetailsSalt();

} // namespace earlyhelp::audit
