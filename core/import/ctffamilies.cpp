#include "ctffamilies.h"

#include "domain/searchfold.h"

#include <QCoreApplication>
#include <QHash>

#include <numeric>

namespace earlyhelp {

namespace {

// Disjoint sets over 0..n-1. unite() keeps the smaller index as the root, so
// the root of a set is its first member in file order.
class DisjointSets {
public:
    explicit DisjointSets(qsizetype size)
        : m_parent(size) {
        std::iota(m_parent.begin(), m_parent.end(), qsizetype(0));
    }

    qsizetype find(qsizetype x) {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }

    void unite(qsizetype a, qsizetype b) {
        const qsizetype rootA = find(a);
        const qsizetype rootB = find(b);
        if (rootA < rootB)
            m_parent[rootB] = rootA;
        else if (rootB < rootA)
            m_parent[rootA] = rootB;
    }

private:
    QList<qsizetype> m_parent;
};

QString foldedName(QStringView name) {
    return foldedWords(name).join(u' ');
}

const CtfContact& contactOf(const QList<CtfPupil>& pupils, const CtfContactLink& link) {
    return pupils.at(link.pupil).contacts.at(link.contact);
}

// The keys under which two contacts with the same name are the same adult.
QStringList identityKeys(const CtfContact& contact) {
    QStringList keys;
    for (const CtfPhone& phone : contact.phones) {
        if (const QString key = phoneMatchKey(phone.number); !key.isEmpty())
            keys += QString(u"phone:" + key);
    }
    for (const QString& email : contact.emails) {
        if (const QString key = emailMatchKey(email); !key.isEmpty())
            keys += QString(u"email:" + key);
    }
    return keys;
}

QString phoneKeyOrText(const CtfPhone& phone) {
    const QString key = phoneMatchKey(phone.number);
    return key.isEmpty() ? phone.number.trimmed() : key;
}

void fillIfEmpty(QString& target, const QString& value) {
    if (target.isEmpty())
        target = value;
}

// Adds the details that a later Contact element gives for the same adult.
void mergeInto(CtfContact& adult, const CtfContact& contact, const CtfAddress& resolvedAddress) {
    fillIfEmpty(adult.title, contact.title);
    fillIfEmpty(adult.forename, contact.forename);
    fillIfEmpty(adult.middleNames, contact.middleNames);
    fillIfEmpty(adult.sex, contact.sex);
    if (adult.address.isEmpty())
        adult.address = resolvedAddress;

    for (const CtfPhone& phone : contact.phones) {
        const QString key = phoneKeyOrText(phone);
        const bool known = std::any_of(adult.phones.cbegin(), adult.phones.cend(),
                                       [&key](const CtfPhone& p) { return phoneKeyOrText(p) == key; });
        if (!known)
            adult.phones += phone;
    }
    for (const QString& email : contact.emails) {
        const QString key = emailMatchKey(email);
        const bool known = std::any_of(adult.emails.cbegin(), adult.emails.cend(),
                                       [&key](const QString& e) { return emailMatchKey(e) == key; });
        if (!known)
            adult.emails += email;
    }
}

CtfAddress resolvedAddress(const CtfPupil& pupil, const CtfContact& contact) {
    return contact.addressAsPupil ? pupil.address : contact.address;
}

QString familyDisplayName(const QList<CtfPupil>& pupils, const QList<qsizetype>& members) {
    QStringList surnames;
    QStringList foldedSurnames;
    for (qsizetype index : members) {
        const QString& surname = pupils.at(index).surname;
        const QString folded = foldedName(surname);
        if (!foldedSurnames.contains(folded)) {
            foldedSurnames += folded;
            surnames += surname;
        }
    }
    return QCoreApplication::translate("earlyhelp::CtfImport", "%1 family")
        .arg(surnames.join(QStringLiteral(" / ")));
}

} // namespace

QString contactNameKey(QStringView forename, QStringView surname) {
    const QString foldedSurname = foldedName(surname);
    if (foldedSurname.isEmpty())
        return {};
    return QString(foldedName(forename) + u'\x1F' + foldedSurname);
}

QString phoneMatchKey(QStringView number) {
    const QStringView trimmed = number.trimmed();
    QString digits;
    for (const QChar c : trimmed) {
        if (c >= u'0' && c <= u'9')
            digits += c;
    }

    const bool international = trimmed.startsWith(u'+');
    bool uk = false;
    if (international && digits.startsWith(u"44")) {
        digits = QString(u'0' + QStringView(digits).mid(2));
        uk = true;
    } else if (!international && digits.startsWith(u"0044")) {
        digits = QString(u'0' + QStringView(digits).mid(4));
        uk = true;
    } else if (international) {
        digits = QString(u"00" + digits);
    }
    // "+44 (0)121 …" keeps the trunk 0 after the country code.
    if (uk && digits.startsWith(u"00"))
        digits.remove(0, 1);

    constexpr qsizetype minimumDigits = 7;
    return digits.size() < minimumDigits ? QString() : digits;
}

QString emailMatchKey(QStringView email) {
    return email.trimmed().toString().toCaseFolded();
}

bool CtfAdult::hasParentalResponsibility(const QList<CtfPupil>& pupils) const {
    return std::any_of(links.cbegin(), links.cend(), [&pupils](const CtfContactLink& link) {
        return contactOf(pupils, link).parentalResponsibility.value_or(false);
    });
}

CtfFamilyPlan planFamilies(const QList<CtfPupil>& pupils) {
    CtfFamilyPlan plan;

    // Every Contact element, in file order.
    QList<CtfContactLink> links;
    QStringList nameKeys;
    for (qsizetype p = 0; p < pupils.size(); ++p) {
        for (qsizetype c = 0; c < pupils.at(p).contacts.size(); ++c) {
            links += CtfContactLink{p, c};
            const CtfContact& contact = pupils.at(p).contacts.at(c);
            nameKeys += contactNameKey(contact.forename, contact.surname);
        }
    }

    // Contact elements with the same name and a shared phone or e-mail are
    // one adult.
    DisjointSets sameAdult(links.size());
    QHash<QString, qsizetype> firstWithIdentity;
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (nameKeys.at(i).isEmpty())
            continue;
        for (const QString& identity : identityKeys(contactOf(pupils, links.at(i)))) {
            const QString key = nameKeys.at(i) + u'\x1E' + identity;
            if (const auto found = firstWithIdentity.constFind(key); found != firstWithIdentity.cend())
                sameAdult.unite(i, *found);
            else
                firstWithIdentity.insert(key, i);
        }
    }

    QHash<qsizetype, qsizetype> adultOfRoot;
    QHash<qsizetype, QHash<qsizetype, qsizetype>> adultOfContact; // pupil → contact → adult
    for (qsizetype i = 0; i < links.size(); ++i) {
        const CtfContactLink& link = links.at(i);
        const CtfPupil& pupil = pupils.at(link.pupil);
        const CtfContact& contact = contactOf(pupils, link);
        const qsizetype root = sameAdult.find(i);

        auto found = adultOfRoot.constFind(root);
        if (found == adultOfRoot.cend()) {
            CtfAdult adult;
            adult.details = contact;
            adult.details.address = resolvedAddress(pupil, contact);
            adult.details.addressAsPupil = false;
            adult.nameKey = nameKeys.at(i);
            plan.adults += adult;
            found = adultOfRoot.insert(root, plan.adults.size() - 1);
        } else {
            mergeInto(plan.adults[*found].details, contact, resolvedAddress(pupil, contact));
        }
        plan.adults[*found].links += link;
        adultOfContact[link.pupil][link.contact] = *found;
    }

    // Pupils who share an adult with parental responsibility are one family.
    DisjointSets sameFamily(pupils.size());
    QList<bool> hasParentalContact(pupils.size(), false);
    for (const CtfAdult& adult : std::as_const(plan.adults)) {
        qsizetype first = -1;
        for (const CtfContactLink& link : adult.links) {
            if (!contactOf(pupils, link).parentalResponsibility.value_or(false))
                continue;
            hasParentalContact[link.pupil] = true;
            if (first < 0)
                first = link.pupil;
            else
                sameFamily.unite(first, link.pupil);
        }
    }

    QHash<qsizetype, qsizetype> familyOfRoot;
    for (qsizetype p = 0; p < pupils.size(); ++p) {
        const CtfPupil& pupil = pupils.at(p);
        if (hasParentalContact.at(p)) {
            const qsizetype root = sameFamily.find(p);
            auto found = familyOfRoot.constFind(root);
            if (found == familyOfRoot.cend()) {
                plan.families += CtfFamily{};
                found = familyOfRoot.insert(root, plan.families.size() - 1);
            }
            plan.families[*found].pupils += p;
        } else if (pupil.lookedAfter.value_or(false) && !pupil.contacts.isEmpty()) {
            CtfFamily family;
            family.pupils += p;
            family.lookedAfter = true;
            plan.families += family;
        } else {
            plan.pupilsWithoutFamily += p;
        }
    }

    for (CtfFamily& family : plan.families) {
        for (qsizetype p : std::as_const(family.pupils)) {
            for (qsizetype c = 0; c < pupils.at(p).contacts.size(); ++c) {
                const qsizetype adult = adultOfContact.value(p).value(c);
                if (!family.adults.contains(adult))
                    family.adults += adult;
            }
        }
        family.displayName = familyDisplayName(pupils, family.pupils);
    }
    return plan;
}

} // namespace earlyhelp
