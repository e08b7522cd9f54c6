#include "common/secretbytes.h"
#include "keys/passphrase.h"

#include <QTest>

#include <algorithm>

using earlyhelp::SecretBytes;

namespace {

bool allZero(const unsigned char* data, std::size_t size)
{
    return std::all_of(data, data + size, [](unsigned char byte) { return byte == 0; });
}

} // namespace

class TestSecretBytes : public QObject {
    Q_OBJECT

private slots:
    void newBufferIsZeroed()
    {
        const SecretBytes bytes(64);
        QCOMPARE(bytes.size(), std::size_t(64));
        QVERIFY(allZero(bytes.data(), bytes.size()));
    }

    void randomFillsBuffer()
    {
        const SecretBytes bytes = SecretBytes::random(32);
        QCOMPARE(bytes.size(), std::size_t(32));
        // 32 zero bytes from the CSPRNG have probability 2^-256.
        QVERIFY(!allZero(bytes.data(), bytes.size()));
    }

    void copyOfCopiesBytes()
    {
        const unsigned char source[] = {1, 2, 3, 4};
        const SecretBytes bytes = SecretBytes::copyOf(source, sizeof source);
        QCOMPARE(bytes.size(), sizeof source);
        QVERIFY(std::equal(source, source + sizeof source, bytes.data()));
    }

    void moveConstructionEmptiesSource()
    {
        SecretBytes source = SecretBytes::random(32);
        const unsigned char* buffer = source.data();
        SecretBytes target(std::move(source));
        QVERIFY(source.isEmpty());
        QCOMPARE(source.data(), nullptr);
        QCOMPARE(target.data(), buffer);
        QCOMPARE(target.size(), std::size_t(32));
    }

    void moveAssignmentEmptiesSource()
    {
        SecretBytes source = SecretBytes::random(16);
        SecretBytes target = SecretBytes::random(8);
        target = std::move(source);
        QVERIFY(source.isEmpty());
        QCOMPARE(source.data(), nullptr);
        QCOMPARE(target.size(), std::size_t(16));
    }

    void wipeZeroesAndKeepsSize()
    {
        SecretBytes bytes = SecretBytes::random(32);
        bytes.wipe();
        QCOMPARE(bytes.size(), std::size_t(32));
        QVERIFY(allZero(bytes.data(), bytes.size()));
    }

    void clearEmptiesBuffer()
    {
        SecretBytes bytes = SecretBytes::random(32);
        bytes.clear();
        QVERIFY(bytes.isEmpty());
        QCOMPARE(bytes.data(), nullptr);
        bytes.clear();
        QVERIFY(bytes.isEmpty());
    }

    void equalsComparesSizeAndContent()
    {
        const unsigned char first[] = {1, 2, 3};
        const unsigned char second[] = {1, 2, 4};
        QVERIFY(SecretBytes::copyOf(first, 3).equals(SecretBytes::copyOf(first, 3)));
        QVERIFY(!SecretBytes::copyOf(first, 3).equals(SecretBytes::copyOf(second, 3)));
        QVERIFY(!SecretBytes::copyOf(first, 3).equals(SecretBytes::copyOf(first, 2)));
        QVERIFY(SecretBytes().equals(SecretBytes()));
    }

    void takeBytesZeroesSource()
    {
        QByteArray source("correct horse battery staple");
        const QByteArray expected = source;
        source.detach();
        const SecretBytes copy = earlyhelp::keys::takeBytes(source);
        QCOMPARE(copy.size(), std::size_t(expected.size()));
        QVERIFY(std::equal(expected.cbegin(), expected.cend(), reinterpret_cast<const char*>(copy.data())));
        QCOMPARE(source.size(), expected.size());
        QCOMPARE(source.count('\0'), source.size());
    }

    void takePassphraseEmptiesText()
    {
        QString text = QStringLiteral("Grüße aus Leeds");
        text.detach();
        const QByteArray expected = text.toUtf8();
        const SecretBytes copy = earlyhelp::keys::takePassphrase(text);
        QVERIFY(text.isEmpty());
        QCOMPARE(copy.size(), std::size_t(expected.size()));
        QVERIFY(std::equal(expected.cbegin(), expected.cend(), reinterpret_cast<const char*>(copy.data())));
    }

    void passphraseLengthCountsCodePoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qsizetype>("length");
        QTest::newRow("empty") << QString() << qsizetype(0);
        QTest::newRow("ASCII") << QStringLiteral("abcdefghij") << qsizetype(10);
        QTest::newRow("two-byte characters") << QStringLiteral("ééééé") << qsizetype(5);
        QTest::newRow("four-byte character") << QString::fromUtf8("a\xF0\x9F\x94\x91" "b") << qsizetype(3);
    }

    void passphraseLengthCountsCodePoints()
    {
        QFETCH(QString, text);
        QFETCH(qsizetype, length);
        const QByteArray utf8 = text.toUtf8();
        const SecretBytes bytes = SecretBytes::copyOf(utf8.constData(), std::size_t(utf8.size()));
        QCOMPARE(earlyhelp::keys::passphraseLength(bytes), length);
    }
};

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_keys_secretbytes.moc"
