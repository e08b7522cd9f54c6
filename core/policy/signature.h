#pragma once

// Ed25519 signatures over agreement documents (libsodium crypto_sign_*). The
// signature is detached: it signs the document file's bytes exactly as stored
// (see agreement.h) and lives in its own file.
//
// Text forms, so keys and signatures fit in files, resources and a CMake
// option: standard Base64 with padding, one line, an optional trailing
// newline. A public key is 32 bytes, a secret key 64 (libsodium's seed
// followed by the public key), a signature 64.
//
// The Trust's public key is a deployment setting: verifyAgreement() takes
// it, and builtInTrustPublicKey() returns the one compiled in at build time
// (CMake option EARLYHELP_TRUST_PUBLIC_KEY_FILE, by default the development
// key in resources/agreement/). A deployment builds with its Trust's own key.

#include "common/result.h"
#include "common/secretbytes.h"
#include "policy/agreement.h"

#include <QByteArray>

namespace earlyhelp::policy {

struct SigningKeyPair {
    QByteArray publicKey;  // 32 bytes
    SecretBytes secretKey; // 64 bytes
};

// Generates a new Ed25519 key pair from the operating system's CSPRNG.
[[nodiscard]] Result<SigningKeyPair> generateSigningKeyPair();

// Signs message with secretKey and returns the 64-byte detached signature.
[[nodiscard]] Result<QByteArray> signDetached(const QByteArray& message, const SecretBytes& secretKey);

// Checks that signature is publicKey's signature of message. Fails with
// Crypto when it is not (the message was changed, or another key signed it)
// and with InvalidInput when the key or signature has the wrong length.
[[nodiscard]] Status verifyDetached(const QByteArray& message, const QByteArray& signature,
                                    const QByteArray& publicKey);

// Text forms (see the file comment). The decoders name what they read in
// their errors: "public key", "secret key" or "signature".
[[nodiscard]] QByteArray encodeKeyOrSignature(const QByteArray& bytes);
// The secret key's text stays in SecretBytes so that it is wiped too.
[[nodiscard]] SecretBytes encodeSecretKey(const SecretBytes& secretKey);
[[nodiscard]] Result<QByteArray> decodePublicKey(const QByteArray& text);
[[nodiscard]] Result<QByteArray> decodeSignature(const QByteArray& text);
[[nodiscard]] Result<SecretBytes> decodeSecretKey(const QByteArray& text);

// Returns the Trust public key compiled into this build (32 bytes), or an
// empty array when the build's key file is not a valid public key.
[[nodiscard]] QByteArray builtInTrustPublicKey();

// Verifies the detached signature (in text form) of document against
// trustPublicKey, then parses the document. An agreement whose signature
// does not verify is never parsed: the error (Crypto) states that the agreement was
// changed or signed by another key and must not be used.
[[nodiscard]] Result<Agreement> verifyAgreement(const QByteArray& document, const QByteArray& signatureText,
                                                const QByteArray& trustPublicKey);

// A signed agreement as stored on disk or in the app's resources: the
// document's bytes and the text of its detached signature, not yet verified.
struct SignedAgreementFile {
    QString source; // the document's path, for messages
    QByteArray document;
    QByteArray signatureText;
};

// Reads the document at path and its signature at path + ".sig". The error
// (NotFound or Io) names the file that could not be read.
[[nodiscard]] Result<SignedAgreementFile> readSignedAgreementFile(const QString& path);

// Returns the agreement bundled with the app, unverified.
[[nodiscard]] Result<SignedAgreementFile> bundledSignedAgreement();

// Reads the agreement bundled with the app and verifies it against
// builtInTrustPublicKey().
[[nodiscard]] Result<Agreement> loadBundledAgreement();

} // namespace earlyhelp::policy
