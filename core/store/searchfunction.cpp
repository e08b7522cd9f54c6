#include "searchfunction.h"

#include <sqlcipher/sqlite3.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "domain/searchfold.h"

namespace earlyhelp {

namespace {

void searchTermsFunction(sqlite3_context* context, int argumentCount, sqlite3_value** arguments) {
    QStringList terms;
    for (int i = 0; i < argumentCount; ++i) {
        sqlite3_value* argument = arguments[i];
        if (sqlite3_value_type(argument) == SQLITE_NULL)
            continue;
        // sqlite3_value_text() converts numbers to text; call it before
        // sqlite3_value_bytes() so the byte count is that of the text.
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argument));
        const int size = sqlite3_value_bytes(argument);
        if (!text) {
            sqlite3_result_error_nomem(context);
            return;
        }
        terms += searchTerms(QString::fromUtf8(text, size));
    }
    terms.removeDuplicates();

    const QByteArray joined = terms.join(u' ').toUtf8();
    sqlite3_result_text64(context, joined.constData(), static_cast<sqlite3_uint64>(joined.size()),
                          SQLITE_TRANSIENT, SQLITE_UTF8);
}

} // namespace

int registerSearchFunction(sqlite3* connection) {
    return sqlite3_create_function_v2(connection, "earlyhelp_search_terms", -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                      &searchTermsFunction, nullptr, nullptr, nullptr);
}

} // namespace earlyhelp
