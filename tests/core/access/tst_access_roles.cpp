#include "access/access.h"
#include "access/role.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::access;

Q_DECLARE_METATYPE(earlyhelp::access::Role)
Q_DECLARE_METATYPE(earlyhelp::access::Action)

namespace {

// The expected permission table, written out apart from roleAllows().
bool expectedAllowed(Role role, Action action) {
    const QList<Action> allowed = [role]() -> QList<Action> {
        switch (role) {
        case Role::Lead:
            return allActions();
        case Role::Deputy:
            return {Action::ViewCases, Action::EditCases, Action::DeleteRestore, Action::Export};
        case Role::Caseworker:
            return {Action::ViewCases, Action::EditCases};
        case Role::ReadOnly:
            return {Action::ViewCases};
        }
        return {};
    }();
    return allowed.contains(action);
}

} // namespace

class TestAccessRoles : public QObject {
    Q_OBJECT

private slots:
    void permissionTable_data() {
        QTest::addColumn<Role>("role");
        QTest::addColumn<Action>("action");
        QTest::addColumn<bool>("allowed");
        for (Role role : allRoles()) {
            for (Action action : allActions()) {
                const QString name = roleCode(role) + u' ' + actionCode(action);
                QTest::newRow(qPrintable(name)) << role << action << expectedAllowed(role, action);
            }
        }
    }

    void permissionTable() {
        QFETCH(Role, role);
        QFETCH(Action, action);
        QFETCH(bool, allowed);

        QCOMPARE(roleAllows(role, action), allowed);

        const Status status = authorise(Actor{QStringLiteral("sam.taylor"), roleCode(role)}, action);
        QCOMPARE(status.has_value(), allowed);
        if (!allowed) {
            QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
            QVERIFY(status.error().message.contains(u"designated safeguarding lead"));
        }
    }

    void roleCodes_data() {
        QTest::addColumn<Role>("role");
        QTest::addColumn<QString>("code");
        QTest::newRow("lead") << Role::Lead << QStringLiteral("lead");
        QTest::newRow("deputy") << Role::Deputy << QStringLiteral("deputy");
        QTest::newRow("caseworker") << Role::Caseworker << QStringLiteral("caseworker");
        QTest::newRow("read-only") << Role::ReadOnly << QStringLiteral("readonly");
    }

    void roleCodes() {
        QFETCH(Role, role);
        QFETCH(QString, code);

        QCOMPARE(roleCode(role), code);
        QCOMPARE(roleFromCode(code), std::optional<Role>(role));
        QVERIFY(!roleLabel(role).isEmpty());
    }

    void unknownRoleDenied_data() {
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown word") << QStringLiteral("superuser");
        QTest::newRow("capitalised code") << QStringLiteral("Lead");
        QTest::newRow("code with space") << QStringLiteral(" lead");
        QTest::newRow("label instead of code") << QStringLiteral("Read-only");
        QTest::newRow("empty") << QString();
    }

    void unknownRoleDenied() {
        QFETCH(QString, code);

        QCOMPARE(roleFromCode(code), std::nullopt);
        const Actor actor{QStringLiteral("sam.taylor"), code};
        for (Action action : allActions()) {
            const Status status = authorise(actor, action);
            QVERIFY2(!status.has_value(), qPrintable(actionCode(action)));
            QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
            QVERIFY(!status.error().message.isEmpty());
        }
    }

    void defaultActorDenied() {
        const Status status = authorise(Actor{}, Action::ViewCases);
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
        QVERIFY(status.error().message.contains(u"passphrase"));
    }

    void readOnlyChangeRefused_data() {
        QTest::addColumn<Action>("action");
        QTest::addColumn<QString>("messageStart");
        QTest::newRow("edit") << Action::EditCases
                              << QStringLiteral("Read-only users cannot change case records.");
        QTest::newRow("delete") << Action::DeleteRestore
                                << QStringLiteral("Read-only users cannot delete or restore case records.");
        QTest::newRow("export") << Action::Export
                                << QStringLiteral("Read-only users cannot export case data.");
        QTest::newRow("settings") << Action::ChangeSettings
                                  << QStringLiteral("Read-only users cannot change settings.");
        QTest::newRow("users") << Action::ManageUsers
                               << QStringLiteral("Read-only users cannot add, remove or change users.");
        QTest::newRow("sign agreement")
            << Action::SignAgreement
            << QStringLiteral(
                   "Read-only users cannot sign the organisation up to the Data Sharing Agreement.");
        QTest::newRow("audit trail") << Action::ViewAuditTrail
                                     << QStringLiteral("Read-only users cannot view the audit trail.");
    }

    void readOnlyChangeRefused() {
        QFETCH(Action, action);
        QFETCH(QString, messageStart);

        const Status status =
            authorise(Actor{QStringLiteral("carol.reed"), QStringLiteral("readonly")}, action);
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(status.error().message.startsWith(messageStart), qPrintable(status.error().message));
        QVERIFY(status.error().message.contains(u"Ask your designated safeguarding lead"));
    }

    void onlyLeadSignsAgreement() {
        QCOMPARE(actionCode(Action::SignAgreement), QStringLiteral("sign-agreement"));
        QVERIFY(roleAllows(Role::Lead, Action::SignAgreement));
        QVERIFY(!roleAllows(Role::Deputy, Action::SignAgreement));
        QVERIFY(!roleAllows(Role::Caseworker, Action::SignAgreement));
        QVERIFY(!roleAllows(Role::ReadOnly, Action::SignAgreement));
    }

    void onlyLeadViewsAuditTrail() {
        QCOMPARE(actionCode(Action::ViewAuditTrail), QStringLiteral("view-audit-trail"));
        QVERIFY(roleAllows(Role::Lead, Action::ViewAuditTrail));
        QVERIFY(!roleAllows(Role::Deputy, Action::ViewAuditTrail));
        QVERIFY(!roleAllows(Role::Caseworker, Action::ViewAuditTrail));
        QVERIFY(!roleAllows(Role::ReadOnly, Action::ViewAuditTrail));

        const Status deputy =
            authorise(Actor{QStringLiteral("dev.patel"), QStringLiteral("deputy")}, Action::ViewAuditTrail);
        QVERIFY(!deputy.has_value());
        QVERIFY2(deputy.error().message.startsWith(
                     u"Deputy designated safeguarding leads cannot view the audit trail."),
                 qPrintable(deputy.error().message));
    }

    void authoriseFitsGuard() {
        const AccessGuard guard = authorise;
        QVERIFY(guard(Actor{QStringLiteral("ann.lee"), QStringLiteral("caseworker")}, Action::EditCases));
        QVERIFY(
            !guard(Actor{QStringLiteral("ann.lee"), QStringLiteral("caseworker")}, Action::DeleteRestore));
    }
};

QTEST_GUILESS_MAIN(TestAccessRoles)
#include "tst_access_roles.moc"
