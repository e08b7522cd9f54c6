#include "uitestsupport.h"

#include "access/role.h"
#include "cases/casestore.h"
#include "import/ctfimporter.h"
#include "support/ctfgenerator.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QWidget>
#include <QXmlStreamWriter>

namespace earlyhelp::uitest {

namespace {

// Makes a permanent UPN for LEA 330, Estab 2991, allocated in 2025.
QString makeUpn(int serial)
{
    const QString lastTwelve = u"330299125" + QStringLiteral("%1").arg(serial, 3, 10, QLatin1Char('0'));
    return testsupport::upnCheckLetter(lastTwelve) + lastTwelve;
}

void collectModelTexts(const QAbstractItemModel* model, const QModelIndex& parent, QStringList& texts)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            texts += index.data(Qt::DisplayRole).toString();
            texts += index.data(Qt::ToolTipRole).toString();
            texts += index.data(Qt::AccessibleTextRole).toString();
        }
        collectModelTexts(model, model->index(row, 0, parent), texts);
    }
}

} // namespace

QList<TestPupil> testPupils()
{
    const TestContact joanna{QStringLiteral("Joanna"), QStringLiteral("Fenwick"), QStringLiteral("PAM"), true,
                             QStringLiteral("07700 900321")};
    const TestContact grandad{QStringLiteral("Derek"), QStringLiteral("Fenwick"), QStringLiteral("REL"), false,
                              QStringLiteral("07700 900322")};
    const TestContact mark{QStringLiteral("Mark"), QStringLiteral("Ashby"), QStringLiteral("PAF"), true,
                           QStringLiteral("07700 900333")};
    const TestContact rania{QStringLiteral("Rania"), QStringLiteral("Haddad"), QStringLiteral("PAM"), true,
                            QStringLiteral("07700 900344")};
    return {
        {makeUpn(1), QStringLiteral("Amara"), QStringLiteral("Fenwick"), {}, QStringLiteral("2016-03-14"),
         QStringLiteral("F"), {joanna, grandad}},
        {makeUpn(2), QStringLiteral("Theo"), QStringLiteral("Fenwick"), {}, QStringLiteral("2019-11-02"),
         QStringLiteral("M"), {joanna}},
        {makeUpn(3), QStringLiteral("Rowan"), QStringLiteral("Ashby"), {}, QStringLiteral("2017-06-21"),
         QStringLiteral("M"), {mark}},
        {makeUpn(4), QStringLiteral("Youssef"), QStringLiteral("Haddad"), QStringLiteral("يوسف"),
         QStringLiteral("2018-01-09"), QStringLiteral("M"), {rania}},
    };
}

bool writeCtf(const QString& path, const QList<TestPupil>& pupils)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("CTfile"));
    xml.writeStartElement(QStringLiteral("Header"));
    xml.writeTextElement(QStringLiteral("DocumentName"), QStringLiteral("Common Transfer File"));
    xml.writeTextElement(QStringLiteral("CTFversion"), QStringLiteral("25.0"));
    xml.writeTextElement(QStringLiteral("DateTime"), QStringLiteral("2026-09-15T08:30:00"));
    xml.writeTextElement(QStringLiteral("DocumentQualifier"), QStringLiteral("full"));
    xml.writeStartElement(QStringLiteral("SourceSchool"));
    xml.writeTextElement(QStringLiteral("LEA"), QStringLiteral("330"));
    xml.writeTextElement(QStringLiteral("Estab"), QStringLiteral("2991"));
    xml.writeTextElement(QStringLiteral("SchoolName"), QStringLiteral("Kestrel Lane Primary School"));
    xml.writeEndElement(); // SourceSchool
    xml.writeEndElement(); // Header

    xml.writeStartElement(QStringLiteral("CTFpupilData"));
    for (const TestPupil& pupil : pupils) {
        xml.writeStartElement(QStringLiteral("Pupil"));
        xml.writeTextElement(QStringLiteral("UPN"), pupil.upn);
        xml.writeTextElement(QStringLiteral("Surname"), pupil.surname);
        xml.writeTextElement(QStringLiteral("Forename"), pupil.forename);
        xml.writeTextElement(QStringLiteral("DOB"), pupil.dateOfBirth);
        xml.writeTextElement(QStringLiteral("Sex"), pupil.sex);
        if (!pupil.preferredForename.isEmpty()) {
            xml.writeStartElement(QStringLiteral("BasicDetails"));
            xml.writeTextElement(QStringLiteral("PreferredForename"), pupil.preferredForename);
            xml.writeEndElement();
        }
        xml.writeStartElement(QStringLiteral("Contacts"));
        int order = 1;
        for (const TestContact& contact : pupil.contacts) {
            xml.writeStartElement(QStringLiteral("Contact"));
            xml.writeTextElement(QStringLiteral("Order"), QString::number(order++));
            xml.writeTextElement(QStringLiteral("Surname"), contact.surname);
            xml.writeTextElement(QStringLiteral("Forename"), contact.forename);
            xml.writeTextElement(QStringLiteral("Relationship"), contact.relationship);
            xml.writeTextElement(QStringLiteral("Responsibility"),
                                 contact.parentalResponsibility ? QStringLiteral("true") : QStringLiteral("false"));
            xml.writeStartElement(QStringLiteral("Phones"));
            xml.writeStartElement(QStringLiteral("Phone"));
            xml.writeTextElement(QStringLiteral("TelephoneType"), QStringLiteral("M"));
            xml.writeTextElement(QStringLiteral("PhoneNo"), contact.mobile);
            xml.writeEndElement(); // Phone
            xml.writeEndElement(); // Phones
            xml.writeEndElement(); // Contact
        }
        xml.writeEndElement(); // Contacts
        xml.writeEndElement(); // Pupil
    }
    xml.writeEndElement(); // CTFpupilData
    xml.writeEndElement(); // CTfile
    xml.writeEndDocument();
    return !xml.hasError() && file.flush();
}

QStringList widgetTexts(QWidget* root, WidgetScope scope)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : std::as_const(widgets)) {
        if (scope == WidgetScope::VisibleOnly && !widget->isVisible())
            continue;
        if (widget->isWindow())
            texts += widget->windowTitle();
        texts += widget->toolTip();
        if (auto* label = qobject_cast<QLabel*>(widget))
            texts += label->text();
        else if (auto* edit = qobject_cast<QLineEdit*>(widget))
            texts += edit->text();
        else if (auto* button = qobject_cast<QAbstractButton*>(widget))
            texts += button->text();
        else if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts += tabs->tabText(i);
        } else if (auto* view = qobject_cast<QAbstractItemView*>(widget)) {
            if (view->model())
                collectModelTexts(view->model(), view->rootIndex(), texts);
        }
    }
    texts.removeAll(QString());
    return texts;
}

Result<std::unique_ptr<Store>> makeCaseStore(const QString& path)
{
    NewStoreRequest request;
    request.path = path;
    request.organisation.name = QStringLiteral("Larkspur Lane Primary School");
    request.organisation.laCode = QStringLiteral("330");
    request.organisation.estabNumber = QStringLiteral("2991");
    request.userName = leadActor().user;
    const QByteArray utf8 = QString::fromUtf16(testPassphrase).toUtf8();
    request.passphrase = SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    Result<NewStore> created = setUpStore(std::move(request));
    if (!created)
        return std::unexpected(created.error());

    const QString ctfPath = QFileInfo(path).dir().filePath(QStringLiteral("pupils-ctf.xml"));
    if (!writeCtf(ctfPath, testPupils()))
        return makeError(ErrorCode::Io, QStringLiteral("could not write %1").arg(ctfPath));
    Result<ImportSummary> imported = importCtf(*created->store, ctfPath);
    QFile::remove(ctfPath);
    if (!imported)
        return std::unexpected(imported.error());
    return std::move(created->store);
}

access::Actor leadActor()
{
    return access::Actor{QStringLiteral("Sam Patel"), access::roleCode(access::Role::Lead)};
}

access::Actor readOnlyActor()
{
    return access::Actor{QStringLiteral("Robin Reed"), access::roleCode(access::Role::ReadOnly)};
}

} // namespace earlyhelp::uitest
