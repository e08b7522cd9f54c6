#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace earlyhelp::testsupport {

struct GeneratedCtfOptions {
    int pupils = 2000;
    quint32 seed = 1;
    int la = 330;
    int estab = 2999;
    QString schoolName = QStringLiteral("Generated Primary School");
};

// Writes a well-formed CTF 25 "full" file (UTF-8) of fictional pupils: valid
// permanent UPNs, dates of birth from 2014 to 2021, families of one to three
// children who share one or two contacts with parental responsibility, every
// family at its own address, phone numbers from the Ofcom drama range. The same
// options always give the same bytes.
[[nodiscard]] QByteArray generateCtf(const GeneratedCtfOptions& options);

// Fictional forenames and surnames in many scripts and spellings (accents,
// apostrophes, hyphens, several words) that the generators draw from.
[[nodiscard]] const QStringList& sampleForenames();
[[nodiscard]] const QStringList& sampleSurnames();

// Returns the UPN check letter for the twelve characters after it: each
// character's value times its weight (2 for the first up to 13 for the last),
// summed modulo 23, indexes ABCDEFGHJKLMNPQRTUVWXYZ. A digit is worth itself;
// a letter (the last character of a temporary UPN) its index in that alphabet.
// Written apart from core's validator so that tests check one against the
// other.
[[nodiscard]] QChar upnCheckLetter(QStringView lastTwelve);

} // namespace earlyhelp::testsupport
