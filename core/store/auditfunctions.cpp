#include "auditfunctions.h"

#include <sqlcipher/sqlite3.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>

#include "audit/auditchain.h"

namespace earlyhelp {

namespace {

constexpr char clientDataName[] = "earlyhelp.audit";

// The audit state of one connection, as the functions return it, so that a
// trigger pays for no conversion.
struct AuditState {
    QString user;
    QString roleCode;
    QString cause;
    QJsonObject causeDetails;
    QByteArray userUtf8;
    QByteArray roleCodeUtf8;
    QByteArray causeUtf8;
    QByteArray contextJson = QByteArrayLiteral("{}");      // when not applying a pulled page
    QByteArray syncContextJson = QByteArrayLiteral("{\"via\":\"sync\"}"); // while applying one

    void rebuildContext() {
        if (cause.isEmpty()) {
            contextJson = QByteArrayLiteral("{}");
        } else {
            QJsonObject context = causeDetails;
            context.insert(QStringLiteral("via"), cause);
            contextJson = QJsonDocument(context).toJson(QJsonDocument::Compact);
        }
        if (cause == u"sync") {
            syncContextJson = contextJson;
        } else {
            // The cause details belong to another cause, so only via is kept.
            syncContextJson = QByteArrayLiteral("{\"via\":\"sync\"}");
        }
    }

    // True while the writes are those of a pulled page.
    [[nodiscard]] bool applyingSync(sqlite3_value* applying) const {
        return sqlite3_value_int(applying) != 0 || cause == u"sync";
    }
};

AuditState* stateOf(sqlite3* connection) {
    if (!connection)
        return nullptr;
    return static_cast<AuditState*>(sqlite3_get_clientdata(connection, clientDataName));
}

AuditState* stateOf(sqlite3_context* context) {
    return static_cast<AuditState*>(sqlite3_user_data(context));
}

void resultText(sqlite3_context* context, const QByteArray& text) {
    sqlite3_result_text64(context, text.constData(), static_cast<sqlite3_uint64>(text.size()),
                          SQLITE_TRANSIENT, SQLITE_UTF8);
}

void resultBlob(sqlite3_context* context, const QByteArray& bytes) {
    sqlite3_result_blob64(context, bytes.constData(), static_cast<sqlite3_uint64>(bytes.size()),
                          SQLITE_TRANSIENT);
}

// Returns the bytes of a TEXT or BLOB argument, empty for NULL. The view is
// valid until the function returns.
QByteArrayView textBytes(sqlite3_value* value) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    const int size = sqlite3_value_bytes(value);
    return text ? QByteArrayView(text, size) : QByteArrayView();
}

QByteArrayView blobBytes(sqlite3_value* value) {
    const auto* bytes = static_cast<const char*>(sqlite3_value_blob(value));
    const int size = sqlite3_value_bytes(value);
    return bytes ? QByteArrayView(bytes, size) : QByteArrayView();
}

void userFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    const AuditState* state = stateOf(context);
    resultText(context, state->applyingSync(arguments[0]) ? QByteArray() : state->userUtf8);
}

void roleFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    const AuditState* state = stateOf(context);
    resultText(context, state->applyingSync(arguments[0]) ? QByteArray() : state->roleCodeUtf8);
}

void causeFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    const AuditState* state = stateOf(context);
    if (state->cause.isEmpty() && sqlite3_value_int(arguments[0]) != 0)
        resultText(context, QByteArrayLiteral("sync"));
    else
        resultText(context, state->causeUtf8);
}

void contextFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    const AuditState* state = stateOf(context);
    resultText(context, state->applyingSync(arguments[0]) ? state->syncContextJson : state->contextJson);
}

void saltFunction(sqlite3_context* context, int, sqlite3_value**) {
    resultBlob(context, audit::newDetailsSalt());
}

void digestFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    resultBlob(context, audit::detailsDigest(blobBytes(arguments[0]), textBytes(arguments[1])));
}

void hashFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    audit::ChainFields fields;
    fields.sequence = sqlite3_value_int64(arguments[1]);
    fields.at = textBytes(arguments[2]);
    fields.user = textBytes(arguments[3]);
    fields.roleCode = textBytes(arguments[4]);
    fields.action = textBytes(arguments[5]);
    fields.recordType = textBytes(arguments[6]);
    fields.recordId = textBytes(arguments[7]);
    fields.familyId = textBytes(arguments[8]);
    fields.personId = textBytes(arguments[9]);
    fields.detailsDigest = blobBytes(arguments[10]);
    resultBlob(context, audit::chainHash(blobBytes(arguments[0]), fields));
}

struct FunctionSpec {
    const char* name;
    int arguments;
    int flags;
    void (*function)(sqlite3_context*, int, sqlite3_value**);
};

} // namespace

int registerAuditFunctions(sqlite3* connection) {
    auto* state = new AuditState;
    int code = sqlite3_set_clientdata(connection, clientDataName, state,
                                      [](void* data) { delete static_cast<AuditState*>(data); });
    if (code != SQLITE_OK) {
        delete state;
        return code;
    }

    // The actor and cause functions are not deterministic, because setting
    // the actor changes their result between statements. All are innocuous,
    // so that triggers may call them even with trusted_schema off.
    constexpr int stateFlags = SQLITE_UTF8 | SQLITE_INNOCUOUS;
    constexpr int pureFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    static constexpr FunctionSpec functions[] = {
        {"earlyhelp_audit_user", 1, stateFlags, &userFunction},
        {"earlyhelp_audit_role", 1, stateFlags, &roleFunction},
        {"earlyhelp_audit_cause", 1, stateFlags, &causeFunction},
        {"earlyhelp_audit_context", 1, stateFlags, &contextFunction},
        {"earlyhelp_audit_salt", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, &saltFunction},
        {"earlyhelp_audit_digest", 2, pureFlags, &digestFunction},
        {"earlyhelp_audit_hash", 11, pureFlags, &hashFunction},
    };
    for (const FunctionSpec& spec : functions) {
        code = sqlite3_create_function_v2(connection, spec.name, spec.arguments, spec.flags, state,
                                          spec.function, nullptr, nullptr, nullptr);
        if (code != SQLITE_OK)
            return code;
    }
    return SQLITE_OK;
}

void setAuditActor(sqlite3* connection, const QString& user, const QString& roleCode) {
    AuditState* state = stateOf(connection);
    if (!state)
        return;
    state->user = user;
    state->roleCode = roleCode;
    state->userUtf8 = user.toUtf8();
    state->roleCodeUtf8 = roleCode.toUtf8();
}

QString auditUser(sqlite3* connection) {
    const AuditState* state = stateOf(connection);
    return state ? state->user : QString();
}

QString auditRoleCode(sqlite3* connection) {
    const AuditState* state = stateOf(connection);
    return state ? state->roleCode : QString();
}

void setAuditCause(sqlite3* connection, const QString& cause, const QJsonObject& details) {
    AuditState* state = stateOf(connection);
    if (!state)
        return;
    state->cause = cause;
    state->causeDetails = details;
    state->causeUtf8 = cause.toUtf8();
    state->rebuildContext();
}

QString auditCause(sqlite3* connection) {
    const AuditState* state = stateOf(connection);
    return state ? state->cause : QString();
}

QJsonObject auditCauseDetails(sqlite3* connection) {
    const AuditState* state = stateOf(connection);
    return state ? state->causeDetails : QJsonObject();
}

} // namespace earlyhelp
