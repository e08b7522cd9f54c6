// Feeds the CTF parser damaged copies of a valid file: cut at many lengths,
// and with single bytes overwritten. Each parse must end, without a crash or
// a sanitizer report, in either a clear error or a document whose text contains
// no U+FFFD replacement character.

#include "import/ctfparser.h"
#include "support/ctfgenerator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace earlyhelp;

namespace {

QByteArray validCtf()
{
    testsupport::GeneratedCtfOptions options;
    options.pupils = 4;
    options.seed = 11;
    return testsupport::generateCtf(options);
}

// Returns the UPN of the first pupil whose names contain U+FFFD, or an
// empty string.
QString replacementCharacterIn(const CtfDocument& document)
{
    const QChar replacement(QChar::ReplacementCharacter);
    for (const CtfPupil& pupil : document.pupils) {
        for (const QString& text : {pupil.upn, pupil.surname, pupil.forename, pupil.middleNames,
                                    pupil.preferredSurname, pupil.preferredForename, pupil.formerSurname}) {
            if (text.contains(replacement))
                return pupil.upn;
        }
    }
    return {};
}

} // namespace

class TestCtfRobustness : public QObject {
    Q_OBJECT

private slots:
    void truncatedFilesAreRejected();
    void overwrittenBytesNeverCrash();
};

void TestCtfRobustness::truncatedFilesAreRejected()
{
    const QByteArray bytes = validCtf();
    QVERIFY(parseCtf(bytes, QStringLiteral("whole.xml")).has_value());

    // Every cut before the closing tag leaves the root element open.
    const qsizetype closing = bytes.lastIndexOf("</CTfile>");
    QVERIFY(closing > 0);
    int rejected = 0;
    for (qsizetype length = 0; length < closing; length += 3) {
        const auto document = parseCtf(bytes.left(length), QStringLiteral("cut.xml"));
        QVERIFY2(!document, qPrintable(QStringLiteral("a file cut at byte %1 was accepted").arg(length)));
        QVERIFY(!document.error().message.isEmpty());
        QVERIFY2(document.error().message.contains(QStringLiteral("cut.xml")),
                 qPrintable(document.error().message));
        ++rejected;
    }
    QVERIFY(rejected > 100);
}

void TestCtfRobustness::overwrittenBytesNeverCrash()
{
    const QByteArray original = validCtf();
    QRandomGenerator random(2026);
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = original;
        const int changes = 1 + static_cast<int>(random.bounded(3));
        for (int change = 0; change < changes; ++change)
            bytes[random.bounded(bytes.size())] = static_cast<char>(random.bounded(256));

        const auto document = parseCtf(bytes, QStringLiteral("damaged.xml"));
        if (!document) {
            QVERIFY(!document.error().message.isEmpty());
            ++rejected;
            continue;
        }
        ++accepted;
        QVERIFY2(replacementCharacterIn(*document).isEmpty(),
                 qPrintable(QStringLiteral("round %1 imported a replacement character").arg(round)));
    }
    // Both outcomes occur, so the loop exercised the error paths and the
    // record-level checks alike.
    QVERIFY(accepted > 0);
    QVERIFY(rejected > 0);
}

QTEST_GUILESS_MAIN(TestCtfRobustness)
#include "tst_ctfrobustness.moc"
