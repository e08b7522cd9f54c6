#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstddef>

namespace earlyhelp::keys {

// The failed-unlock journal: "<key file>.failed-unlocks", beside the key file.
// A wrong passphrase cannot open the store, so KeyFile appends each one here,
// and the next successful unlock moves the records into the audit trail (see
// audit/unlockaudit.h) and then removes them. The journal outlives the
// process, so attempts made by a process that then ends are still recorded.
//
// Format: UTF-8 text, one JSON object per line, appended with O_APPEND and
// created with mode 0600.
//   {"attemptedAt":"<ISO 8601 UTC>","sealed":"<Base64>"}   a wrong passphrase
//   {"unlockedAt":"<ISO 8601 UTC>"}                         a right passphrase
// "sealed" is crypto_box_seal of the JSON {"typedUser","attemptedAt","via"},
// padded with spaces to a multiple of 128 bytes, to the store's failure key
// (the key file's "failureKey"). So only a holder of the store key can read
// who was typed. A failure written while the key file has no failure key yet
// has no "sealed" field. The times stay in the clear because the throttle
// (unlockthrottle.h) counts the failures since the last right passphrase
// before anything is unlocked.
//
// NOTE: anyone who may write to the store's folder can delete or truncate the
// journal, and the deleted attempts are then not recorded. The journal keeps
// attempts made through this code; it does not stop tampering with the
// folder.

// Size in bytes of a failure key, the X25519 public key of crypto_box_seal.
inline constexpr std::size_t failureKeyBytes = 32;

// Derives the store's failure key pair from the store key with
// crypto_kdf_derive_from_key (context "EHfailun", subkey 1) and
// crypto_box_seed_keypair. Every user who can unlock the store can derive the
// secret key, so nothing more is stored for it.
[[nodiscard]] QByteArray failurePublicKey(const SecretBytes& storeKey);
[[nodiscard]] SecretBytes failureSecretKey(const SecretBytes& storeKey);

// Names the program that writes failures ("app" or "cli"), stored in each
// record as "via". Process-wide; "app" until set. Call before any unlock.
void setFailedUnlockClient(const QString& via);
[[nodiscard]] QString failedUnlockClient();

// One line of the journal, with only what can be read without the store key.
struct JournalEntry {
    enum class Kind {
        Failure,   // a wrong passphrase, sealed is empty for an older key file
        Success,   // a right passphrase, at is the unlock time
        Unreadable // a line that is not a well-formed record
    };
    Kind kind = Kind::Unreadable;
    // attemptedAt or unlockedAt, invalid for an unreadable line.
    QDateTime at;
    QByteArray sealed;
    // The reason an unreadable line could not be read, in English for the audit trail.
    QString problem;
};

// The journal's bytes as read, and the lines in them.
struct JournalSnapshot {
    QByteArray bytes;
    QList<JournalEntry> entries;
    // Last modification time of the file, used for failures without a time.
    QDateTime modified;
};

// A failure record opened with the failure secret key. problem is empty when
// the record opened. Otherwise it contains the reason, and typedUser and via
// are empty.
struct FailedUnlockRecord {
    QDateTime attemptedAt;
    QString typedUser;
    QString via;
    QString problem;
};

// The number of failures since the last right passphrase, and the time of the
// newest. An unreadable line counts as a failure at the file's modification
// time.
struct RecentFailures {
    int count = 0;
    QDateTime last;
};

class FailedUnlockJournal {
public:
    // The journal of the key file at keyFilePath.
    explicit FailedUnlockJournal(const QString& keyFilePath);

    [[nodiscard]] static QString pathForKeyFile(const QString& keyFilePath);
    [[nodiscard]] QString path() const { return m_path; }

    // Appends a failure by typedUser at attemptedAt, sealed to failureKey.
    // With an empty failureKey (an older key file), records only the time.
    [[nodiscard]] Status appendFailure(const QByteArray& failureKey, const QString& typedUser,
                                       const QDateTime& attemptedAt) const;

    // Appends a success marker at unlockedAt, so that the throttle stops
    // counting earlier failures. Does nothing when the journal is missing or
    // empty.
    [[nodiscard]] Status appendSuccess(const QDateTime& unlockedAt) const;

    // Reads the journal. A missing file is an empty snapshot. A last line
    // without its line ending (a write cut short) is an Unreadable entry.
    [[nodiscard]] Result<JournalSnapshot> read() const;

    // Removes the bytes of snapshot from the start of the journal, keeping
    // lines appended since it was read. Removes the file when nothing is left.
    [[nodiscard]] Status removeSnapshot(const JournalSnapshot& snapshot) const;

    [[nodiscard]] static RecentFailures recentFailures(const JournalSnapshot& snapshot);

    // Opens every failure in snapshot with the failure secret key. An
    // unreadable line or a record that does not open gives a record with a
    // problem; success markers give none.
    [[nodiscard]] static QList<FailedUnlockRecord> openFailures(const JournalSnapshot& snapshot,
                                                                const SecretBytes& secretKey);

private:
    QString m_path;
    QString m_keyFilePath;
};

} // namespace earlyhelp::keys
