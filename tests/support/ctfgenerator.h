#pragma once

#include <QByteArray>
#include <QString>

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

// Returns the UPN check letter for the twelve characters after it.
[[nodiscard]] QChar upnCheckLetter(QStringView lastTwelve);

} // namespace earlyhelp::testsupport
