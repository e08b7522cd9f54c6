#include "displaytext.h"

#include <QGuiApplication>
#include <QStringList>

#include "cases/casedirectory.h"

namespace earlyhelp::ui {

QString isolated(const QString& text)
{
    if (text.isEmpty())
        return text;
    const QChar open = QGuiApplication::layoutDirection() == Qt::RightToLeft ? QChar(0x2067) : QChar(0x2066);
    return open + text + QChar(0x2069);
}

QString displayDate(const QDate& date)
{
    if (!date.isValid())
        return {};
    return date.toString(u"dd/MM/yyyy");
}

QString displayDateTime(const QDateTime& at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    return displayDate(local.date()) + u' ' + local.toString(u"HH:mm:ss");
}

QString CodeLabels::relationship(const QString& code)
{
    const QString key = code.trimmed();
    if (key == u"PAM")
        return tr("Mother");
    if (key == u"PAF")
        return tr("Father");
    if (key == u"FOM")
        return tr("Foster mother");
    if (key == u"FOF")
        return tr("Foster father");
    if (key == u"REL")
        return tr("Relative");
    if (key == u"CAR" || key == u"carer")
        return tr("Carer");
    if (key == u"parent")
        return tr("Parent");
    if (key == u"sibling")
        return tr("Sibling");
    if (key == u"child")
        return tr("Child");
    if (key == u"other adult")
        return tr("Other adult");
    return key;
}

QString CodeLabels::telephoneType(const QString& code)
{
    const QString key = code.trimmed().toUpper();
    if (key == u"H")
        return tr("Home");
    if (key == u"M")
        return tr("Mobile");
    if (key == u"W")
        return tr("Work");
    if (key.isEmpty())
        return tr("Phone");
    return tr("Phone (%1)").arg(code);
}

QString CodeLabels::contactKind(const ContactPoint& contact)
{
    if (contact.kind == u"email")
        return tr("E-mail");
    return telephoneType(contact.typeCode);
}

QString CodeLabels::sex(const QString& code)
{
    const QString key = code.trimmed().toUpper();
    if (key == u"F")
        return tr("Female");
    if (key == u"M")
        return tr("Male");
    return code;
}

QString CodeLabels::familyStatus(const QString& status)
{
    if (status == u"open")
        return tr("Open");
    if (status == u"stepped_up")
        return tr("Stepped up to social care");
    if (status == u"stepped_down")
        return tr("Stepped down");
    if (status == u"closed")
        return tr("Closed");
    return status;
}

QString listName(const PersonSummary& person)
{
    const QString name = person.displayName();
    if (!person.preferredForename.isEmpty() && person.preferredForename != person.legalForename
        && !person.legalForename.isEmpty())
        return name + u" (" + isolated(person.legalForename) + u')';
    return name;
}

QString fullNameDescription(const PersonSummary& person)
{
    QStringList lines;
    const QString legal = QStringList{person.legalForename, person.middleNames, person.legalSurname}.join(u' ');
    lines += CodeLabels::tr("Legal name: %1").arg(isolated(legal.simplified()));
    if (!person.preferredForename.isEmpty() || !person.preferredSurname.isEmpty())
        lines += CodeLabels::tr("Preferred name: %1").arg(isolated(person.displayName()));
    if (!person.formerSurname.isEmpty())
        lines += CodeLabels::tr("Former surname: %1").arg(isolated(person.formerSurname));
    return lines.join(u'\n');
}

} // namespace earlyhelp::ui
