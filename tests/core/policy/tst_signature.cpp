#include "policy/signature.h"

#include <QFile>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;

class TestSignature : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bundledAgreementVerifies();
    void signThenVerify();
    void changedByteIsRejected_data();
    void changedByteIsRejected();
    void otherKeyIsRejected();
    void malformedSignatureIsRejected_data();
    void malformedSignatureIsRejected();
    void secretKeyTextRoundTrips();
    void wrongLengthKeyIsRejected();

private:
    QByteArray m_document;
    QByteArray m_signatureText;
};

namespace {

QByteArray readResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QString rejectedText = QStringLiteral("changed after signing, or another key signed it");

} // namespace

void TestSignature::initTestCase() {
    m_document = readResource(QStringLiteral(":/agreement/agreement-v1.json"));
    m_signatureText = readResource(QStringLiteral(":/agreement/agreement-v1.json.sig"));
    QVERIFY(!m_document.isEmpty());
    QVERIFY(!m_signatureText.isEmpty());
}

void TestSignature::bundledAgreementVerifies() {
    QCOMPARE(builtInTrustPublicKey().size(), 32);

    const Result<Agreement> agreement = loadBundledAgreement();
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));
    QCOMPARE(agreement->version, 1);
    QVERIFY(agreement->notice.contains(QStringLiteral("data protection officers to review")));
    QVERIFY(agreement->notice.contains(QStringLiteral("not legal text")));
}

void TestSignature::signThenVerify() {
    const Result<SigningKeyPair> pair = generateSigningKeyPair();
    QVERIFY(pair.has_value());
    QCOMPARE(pair->publicKey.size(), 32);
    QCOMPARE(pair->secretKey.size(), std::size_t{64});

    const Result<QByteArray> signature = signDetached(m_document, pair->secretKey);
    QVERIFY(signature.has_value());
    QCOMPARE(signature->size(), 64);
    QVERIFY(verifyDetached(m_document, *signature, pair->publicKey).has_value());

    const Result<Agreement> agreement =
        verifyAgreement(m_document, encodeKeyOrSignature(*signature) + '\n', pair->publicKey);
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));
    QCOMPARE(agreement->rules.size(), 27);
}

void TestSignature::changedByteIsRejected_data() {
    QTest::addColumn<qsizetype>("position");
    QTest::newRow("first byte") << qsizetype{0};
    QTest::newRow("agreement version") << m_document.indexOf("\"agreementVersion\": 1") + 20;
    QTest::newRow("a rule's basis") << m_document.indexOf("override_only");
    QTest::newRow("last byte") << m_document.size() - 1;
}

void TestSignature::changedByteIsRejected() {
    QFETCH(qsizetype, position);
    QVERIFY(position >= 0 && position < m_document.size());

    QByteArray changed = m_document;
    changed[position] = static_cast<char>(changed.at(position) ^ 0x01);
    const Result<Agreement> agreement = verifyAgreement(changed, m_signatureText, builtInTrustPublicKey());

    QVERIFY(!agreement.has_value());
    QCOMPARE(agreement.error().code, ErrorCode::Crypto);
    QVERIFY2(agreement.error().message.contains(rejectedText), qPrintable(agreement.error().message));
    QVERIFY(agreement.error().message.contains(QStringLiteral("ask the Trust for a signed copy")));
}

void TestSignature::otherKeyIsRejected() {
    const Result<SigningKeyPair> other = generateSigningKeyPair();
    QVERIFY(other.has_value());
    const Result<QByteArray> signature = signDetached(m_document, other->secretKey);
    QVERIFY(signature.has_value());

    const Result<Agreement> agreement =
        verifyAgreement(m_document, encodeKeyOrSignature(*signature), builtInTrustPublicKey());

    QVERIFY(!agreement.has_value());
    QCOMPARE(agreement.error().code, ErrorCode::Crypto);
    QVERIFY2(agreement.error().message.contains(rejectedText), qPrintable(agreement.error().message));
}

void TestSignature::malformedSignatureIsRejected_data() {
    QTest::addColumn<QByteArray>("signatureText");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not Base64") << QByteArray("not a signature!");
    QTest::newRow("cut short") << m_signatureText.left(40);
    QTest::newRow("trailing text") << m_signatureText.trimmed() + "AAAA";
}

void TestSignature::malformedSignatureIsRejected() {
    QFETCH(QByteArray, signatureText);

    const Result<Agreement> agreement = verifyAgreement(m_document, signatureText, builtInTrustPublicKey());

    QVERIFY(!agreement.has_value());
    QCOMPARE(agreement.error().code, ErrorCode::InvalidInput);
    QVERIFY2(agreement.error().message.contains(QStringLiteral("The signature is not 64 bytes in Base64")),
             qPrintable(agreement.error().message));
}

void TestSignature::secretKeyTextRoundTrips() {
    const Result<SigningKeyPair> pair = generateSigningKeyPair();
    QVERIFY(pair.has_value());

    const SecretBytes text = encodeSecretKey(pair->secretKey);
    QCOMPARE(text.size(), std::size_t{88});
    const QByteArray textWithNewline =
        QByteArray(reinterpret_cast<const char*>(text.data()), static_cast<qsizetype>(text.size())) + '\n';
    const Result<SecretBytes> decoded = decodeSecretKey(textWithNewline);
    QVERIFY(decoded.has_value());
    QVERIFY(decoded->equals(pair->secretKey));

    const Result<QByteArray> signature = signDetached(m_document, *decoded);
    QVERIFY(signature.has_value());
    QVERIFY(verifyDetached(m_document, *signature, pair->publicKey).has_value());
}

void TestSignature::wrongLengthKeyIsRejected() {
    const Result<QByteArray> signature = decodeSignature(m_signatureText);
    QVERIFY(signature.has_value());

    const Status verified = verifyDetached(m_document, *signature, QByteArray(31, 'k'));
    QVERIFY(!verified.has_value());
    QCOMPARE(verified.error().code, ErrorCode::InvalidInput);
    QVERIFY2(verified.error().message.contains(QStringLiteral("public key is 31 bytes long, not 32")),
             qPrintable(verified.error().message));

    const Result<QByteArray> publicKey = decodePublicKey(QByteArray("c2hvcnQ="));
    QVERIFY(!publicKey.has_value());
    QVERIFY(publicKey.error().message.contains(QStringLiteral("The public key is not 32 bytes")));
}

QTEST_GUILESS_MAIN(TestSignature)
#include "tst_signature.moc"
