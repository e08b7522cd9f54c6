#include "access/access.h"
#include "access/usermanagement.h"
#include "keys/keyfile.h"
#include "keys/unlockthrottle.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace earlyhelp;
using namespace earlyhelp::access;

Q_DECLARE_METATYPE(earlyhelp::access::Role)
Q_DECLARE_METATYPE(earlyhelp::ErrorCode)

namespace {

const QString alice = QStringLiteral("alice.jones");
const QString bob = QStringLiteral("bob.smith");
const QString dan = QStringLiteral("dan.okafor");
const QString alicePassphrase = QStringLiteral("correct horse battery staple");
const QString bobPassphrase = QStringLiteral("tuesday rain over the allotment");
const QString newPassphrase = QStringLiteral("seven swans by the canal lock");

SecretBytes secretFrom(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

template <typename T> QByteArray errorText(const std::expected<T, Error>& result) {
    return result ? QByteArray() : result.error().message.toUtf8();
}

// The users of a key file and their role codes, read without a gate.
QStringList usersAndRoles(const keys::KeyFile& keyFile) {
    QStringList users;
    for (const keys::SlotInfo& slot : keyFile.listSlots()) {
        if (slot.type == keys::SlotType::Passphrase)
            users.append(slot.user + u'=' + slot.role);
    }
    return users;
}

} // namespace

class TestAccessUsers : public QObject {
    Q_OBJECT

private:
    // A key file whose first user is alice, the lead, at the minimum Argon2
    // cost; the test adds other users through KeyFile directly.
    struct Fixture {
        QTemporaryDir dir;
        std::optional<keys::KeyFile> keyFile;
        SecretBytes storeKey;
        Actor lead{alice, QStringLiteral("lead")};
    };

    keys::UnlockThrottle m_throttle;
    std::unique_ptr<Fixture> m_fixture;

    keys::KeyFileOptions options() {
        return keys::KeyFileOptions{keys::PassphraseCost::minimum(), &m_throttle, {}};
    }

    void addSlot(Fixture& fixture, const QString& user, const QString& role, const QString& passphrase) {
        const Status added =
            fixture.keyFile->addPassphraseSlot(fixture.storeKey, user, role, secretFrom(passphrase));
        QVERIFY2(added.has_value(), errorText(added).constData());
    }

private slots:
    // Creates each test's key file; a failure here skips the test.
    void init() {
        m_fixture = std::make_unique<Fixture>();
        Fixture& fixture = *m_fixture;
        QVERIFY(fixture.dir.isValid());
        const QString storePath = fixture.dir.filePath(QStringLiteral("school.ehstore"));
        auto created = keys::KeyFile::create(storePath, alice, QStringLiteral("lead"),
                                             secretFrom(alicePassphrase), false, options());
        QVERIFY2(created.has_value(), errorText(created).constData());
        fixture.storeKey = std::move(created->storeKey);
        fixture.keyFile.emplace(std::move(created->keyFile));
    }

    void cleanup() { m_fixture.reset(); }

    void unlockAsUserGivesRole() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("caseworker"), bobPassphrase);

        auto session = unlockAsUser(*fixture.keyFile, QStringLiteral("BOB.SMITH"), secretFrom(bobPassphrase));
        QVERIFY2(session.has_value(), errorText(session).constData());
        QCOMPARE(session->actor.user, bob);
        QCOMPARE(session->actor.roleCode, QStringLiteral("caseworker"));
        QCOMPARE(session->actor.role(), std::optional<Role>(Role::Caseworker));
        QVERIFY(session->storeKey.equals(fixture.storeKey));
    }

    void unlockAsUserWrongPassphrase() {
        Fixture& fixture = *m_fixture;

        auto session = unlockAsUser(*fixture.keyFile, alice, secretFrom(bobPassphrase));
        QVERIFY(!session.has_value());
        QCOMPARE(session.error().code, ErrorCode::WrongPassphrase);
    }

    void addUserWithRole_data() {
        QTest::addColumn<Role>("role");
        QTest::newRow("lead") << Role::Lead;
        QTest::newRow("deputy") << Role::Deputy;
        QTest::newRow("caseworker") << Role::Caseworker;
        QTest::newRow("read-only") << Role::ReadOnly;
    }

    void addUserWithRole() {
        QFETCH(Role, role);
        Fixture& fixture = *m_fixture;

        const Status added =
            addUser(fixture.lead, *fixture.keyFile, fixture.storeKey, bob, role, secretFrom(bobPassphrase));
        QVERIFY2(added.has_value(), errorText(added).constData());

        auto users = listUsers(fixture.lead, *fixture.keyFile);
        QVERIFY2(users.has_value(), errorText(users).constData());
        QCOMPARE(users->size(), 2);
        QCOMPARE(users->at(1).user, bob);
        QCOMPARE(users->at(1).roleCode, roleCode(role));
        QCOMPARE(users->at(1).role, std::optional<Role>(role));

        auto session = unlockAsUser(*fixture.keyFile, bob, secretFrom(bobPassphrase));
        QVERIFY2(session.has_value(), errorText(session).constData());
        QCOMPARE(session->actor.role(), std::optional<Role>(role));
    }

    void addUserRejected_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("passphrase too short")
            << bob << QStringLiteral("short one") << ErrorCode::InvalidInput;
        QTest::newRow("empty user name") << QString() << bobPassphrase << ErrorCode::InvalidInput;
        QTest::newRow("existing user in other case")
            << QStringLiteral("Alice.Jones") << bobPassphrase << ErrorCode::AlreadyExists;
    }

    void addUserRejected() {
        QFETCH(QString, user);
        QFETCH(QString, passphrase);
        QFETCH(ErrorCode, code);
        Fixture& fixture = *m_fixture;

        const Status added = addUser(fixture.lead, *fixture.keyFile, fixture.storeKey, user, Role::Caseworker,
                                     secretFrom(passphrase));
        QVERIFY(!added.has_value());
        QCOMPARE(added.error().code, code);
        QCOMPARE(usersAndRoles(*fixture.keyFile), QStringList{alice + u"=lead"});
    }

    void nonLeadCannotManageUsers_data() {
        QTest::addColumn<QString>("role");
        QTest::newRow("deputy") << QStringLiteral("deputy");
        QTest::newRow("caseworker") << QStringLiteral("caseworker");
        QTest::newRow("read-only") << QStringLiteral("readonly");
        QTest::newRow("unknown role") << QStringLiteral("governor");
    }

    void nonLeadCannotManageUsers() {
        QFETCH(QString, role);
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, role, bobPassphrase);
        const Actor actor{bob, role};
        const QStringList before = usersAndRoles(*fixture.keyFile);

        const Status added =
            addUser(actor, *fixture.keyFile, fixture.storeKey, dan, Role::Lead, secretFrom(newPassphrase));
        QVERIFY(!added.has_value());
        QCOMPARE(added.error().code, ErrorCode::PermissionDenied);

        const Status removed = removeUser(actor, *fixture.keyFile, fixture.storeKey, alice);
        QVERIFY(!removed.has_value());
        QCOMPARE(removed.error().code, ErrorCode::PermissionDenied);

        const Status changed =
            changeRole(actor, *fixture.keyFile, fixture.storeKey, bob, Role::Lead, secretFrom(newPassphrase));
        QVERIFY(!changed.has_value());
        QCOMPARE(changed.error().code, ErrorCode::PermissionDenied);

        auto users = listUsers(actor, *fixture.keyFile);
        QVERIFY(!users.has_value());
        QCOMPARE(users.error().code, ErrorCode::PermissionDenied);

        QCOMPARE(usersAndRoles(*fixture.keyFile), before);
    }

    void actorWhoseSlotChangedRefused() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("caseworker"), bobPassphrase);

        // An Actor that still claims the lead role after bob's slot records
        // otherwise, as after another lead changed it.
        const Actor staleActor{bob, QStringLiteral("lead")};
        const Status added = addUser(staleActor, *fixture.keyFile, fixture.storeKey, dan, Role::Lead,
                                     secretFrom(newPassphrase));
        QVERIFY(!added.has_value());
        QCOMPARE(added.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!fixture.keyFile->hasPassphraseSlot(dan));
    }

    void removeUserRemovesSlot() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("caseworker"), bobPassphrase);

        const Status removed =
            removeUser(fixture.lead, *fixture.keyFile, fixture.storeKey, QStringLiteral("BOB.SMITH"));
        QVERIFY2(removed.has_value(), errorText(removed).constData());
        QCOMPARE(usersAndRoles(*fixture.keyFile), QStringList{alice + u"=lead"});

        auto session = unlockAsUser(*fixture.keyFile, bob, secretFrom(bobPassphrase));
        QVERIFY(!session.has_value());
        QCOMPARE(session.error().code, ErrorCode::NotFound);
    }

    void removeUnknownUserNotFound() {
        Fixture& fixture = *m_fixture;

        const Status removed = removeUser(fixture.lead, *fixture.keyFile, fixture.storeKey, dan);
        QVERIFY(!removed.has_value());
        QCOMPARE(removed.error().code, ErrorCode::NotFound);
    }

    void lastLeadKept_data() {
        QTest::addColumn<bool>("remove"); // false: change the role instead
        QTest::newRow("removed") << true;
        QTest::newRow("made deputy") << false;
    }

    void lastLeadKept() {
        QFETCH(bool, remove);
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("deputy"), bobPassphrase);
        const QStringList before = usersAndRoles(*fixture.keyFile);

        const Status status = remove ? removeUser(fixture.lead, *fixture.keyFile, fixture.storeKey, alice)
                                     : changeRole(fixture.lead, *fixture.keyFile, fixture.storeKey, alice,
                                                  Role::Deputy, secretFrom(newPassphrase));
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, ErrorCode::InvalidInput);
        QVERIFY2(status.error().message.contains(u"only designated safeguarding lead"),
                 qPrintable(status.error().message));
        QCOMPARE(usersAndRoles(*fixture.keyFile), before);
    }

    void ownAccountKept_data() {
        QTest::addColumn<bool>("remove"); // false: change the role instead
        QTest::newRow("removed") << true;
        QTest::newRow("made deputy") << false;
    }

    void ownAccountKept() {
        QFETCH(bool, remove);
        Fixture& fixture = *m_fixture;
        addSlot(fixture, dan, QStringLiteral("lead"), newPassphrase);
        const QStringList before = usersAndRoles(*fixture.keyFile);

        const Status status = remove ? removeUser(fixture.lead, *fixture.keyFile, fixture.storeKey, alice)
                                     : changeRole(fixture.lead, *fixture.keyFile, fixture.storeKey, alice,
                                                  Role::Deputy, secretFrom(newPassphrase));
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, ErrorCode::InvalidInput);
        QVERIFY2(status.error().message.contains(u"your own account"), qPrintable(status.error().message));
        QCOMPARE(usersAndRoles(*fixture.keyFile), before);
    }

    void leadRemovesOtherLead() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, dan, QStringLiteral("lead"), newPassphrase);

        const Status removed = removeUser(fixture.lead, *fixture.keyFile, fixture.storeKey, dan);
        QVERIFY2(removed.has_value(), errorText(removed).constData());
        QCOMPARE(usersAndRoles(*fixture.keyFile), QStringList{alice + u"=lead"});
    }

    void changeRoleReplacesSlot() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("caseworker"), bobPassphrase);

        const Status changed = changeRole(fixture.lead, *fixture.keyFile, fixture.storeKey, bob, Role::Deputy,
                                          secretFrom(newPassphrase));
        QVERIFY2(changed.has_value(), errorText(changed).constData());
        QCOMPARE(usersAndRoles(*fixture.keyFile), (QStringList{alice + u"=lead", bob + u"=deputy"}));

        auto oldPassphrase = unlockAsUser(*fixture.keyFile, bob, secretFrom(bobPassphrase));
        QVERIFY(!oldPassphrase.has_value());
        QCOMPARE(oldPassphrase.error().code, ErrorCode::WrongPassphrase);

        auto session = unlockAsUser(*fixture.keyFile, bob, secretFrom(newPassphrase));
        QVERIFY2(session.has_value(), errorText(session).constData());
        QCOMPARE(session->actor.role(), std::optional<Role>(Role::Deputy));
    }

    void changeRoleShortPassphraseKeepsSlot() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("caseworker"), bobPassphrase);

        const Status changed = changeRole(fixture.lead, *fixture.keyFile, fixture.storeKey, bob, Role::Deputy,
                                          secretFrom(QStringLiteral("short")));
        QVERIFY(!changed.has_value());
        QCOMPARE(changed.error().code, ErrorCode::InvalidInput);
        QCOMPARE(usersAndRoles(*fixture.keyFile), (QStringList{alice + u"=lead", bob + u"=caseworker"}));

        auto session = unlockAsUser(*fixture.keyFile, bob, secretFrom(bobPassphrase));
        QVERIFY2(session.has_value(), errorText(session).constData());
    }

    void changeRoleUnchangedKeepsPassphrase() {
        Fixture& fixture = *m_fixture;
        addSlot(fixture, bob, QStringLiteral("caseworker"), bobPassphrase);

        const Status changed = changeRole(fixture.lead, *fixture.keyFile, fixture.storeKey, bob,
                                          Role::Caseworker, secretFrom(newPassphrase));
        QVERIFY2(changed.has_value(), errorText(changed).constData());

        auto session = unlockAsUser(*fixture.keyFile, bob, secretFrom(bobPassphrase));
        QVERIFY2(session.has_value(), errorText(session).constData());
    }
};

QTEST_GUILESS_MAIN(TestAccessUsers)
#include "tst_access_users.moc"
