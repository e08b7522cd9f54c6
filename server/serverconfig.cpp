#include "serverconfig.h"

#include <algorithm>
#include <limits>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

Result<qint64> parsePositiveInteger(const QString& name, const QString& value) {
    bool ok = false;
    const qint64 number = value.trimmed().toLongLong(&ok);
    if (!ok || number <= 0) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("%1 is \"%2\": give a whole number greater than 0").arg(name, value));
    }
    return number;
}

Result<double> parsePositiveNumber(const QString& name, const QString& value) {
    bool ok = false;
    const double number = value.trimmed().toDouble(&ok);
    if (!ok || !(number > 0.0)) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("%1 is \"%2\": give a number greater than 0").arg(name, value));
    }
    return number;
}

// One setting: the INI key, the environment variable that overrides it, and
// where its value goes.
struct Setting {
    QString iniKey;
    QString environmentName;
};

} // namespace

QString DatabaseConfig::displayName() const {
    if (kind == Kind::Sqlite)
        return sqlitePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host, QString::number(port), databaseName);
}

Result<DatabaseConfig> parseDatabaseLocation(const QString& location) {
    const QString text = location.trimmed();
    if (text.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("the database location is empty: give a SQLite file path or "
                                  "postgresql://user@host:port/dbname"));
    }

    DatabaseConfig config;
    if (!text.startsWith(QStringLiteral("postgresql://")) &&
        !text.startsWith(QStringLiteral("postgres://"))) {
        config.kind = DatabaseConfig::Kind::Sqlite;
        config.sqlitePath = QFileInfo(text).absoluteFilePath();
        return config;
    }

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("the database URL is invalid: write it as postgresql://user@host:port/dbname"));
    }
    if (!url.password().isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("the database URL contains a password: remove it from the URL and set "
                                  "PGPASSWORD or [database] password in the config file"));
    }
    config.kind = DatabaseConfig::Kind::PostgreSql;
    config.host = url.host();
    config.port = url.port(5432);
    config.user = url.userName();
    config.databaseName = url.path().mid(1);
    if (config.databaseName.isEmpty() || config.databaseName.contains(QLatin1Char('/'))) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("the database URL %1 names no database: end it with /dbname").arg(config.displayName()));
    }
    return config;
}

Result<ListenAddress> parseListenAddress(const QString& text) {
    const QString value = text.trimmed();
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("the listen address \"%1\" is invalid: write it as host:port, such as "
                                  "127.0.0.1:8443 or [::1]:8443")
                             .arg(value));
    }
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("the port in the listen address \"%1\" is invalid: give 0 to 65535").arg(value));
    }
    return ListenAddress{host, static_cast<quint16>(port)};
}

Result<ServerConfig> loadServerConfig(const QString& configPath, const QProcessEnvironment& environment) {
    // Each value as text, the file first, then the environment over it.
    QHash<QString, QString> values;
    const QList<Setting> settings = {
        {QStringLiteral("database/location"), QStringLiteral("EARLYHELP_SERVER_DATABASE")},
        {QStringLiteral("database/password"), QStringLiteral("PGPASSWORD")},
        {QStringLiteral("server/listen"), QStringLiteral("EARLYHELP_SERVER_LISTEN")},
        {QStringLiteral("server/certificate"), QStringLiteral("EARLYHELP_SERVER_CERT")},
        {QStringLiteral("server/key"), QStringLiteral("EARLYHELP_SERVER_KEY")},
        {QStringLiteral("limits/max_body_bytes"), QStringLiteral("EARLYHELP_SERVER_MAX_BODY_BYTES")},
        {QStringLiteral("limits/rate_per_second"), QStringLiteral("EARLYHELP_SERVER_RATE_PER_SECOND")},
        {QStringLiteral("limits/rate_burst"), QStringLiteral("EARLYHELP_SERVER_RATE_BURST")},
        {QStringLiteral("limits/push_max_changes"), QStringLiteral("EARLYHELP_SERVER_PUSH_MAX_CHANGES")},
    };

    if (!configPath.isEmpty()) {
        const QFileInfo info(configPath);
        if (!info.isFile() || !info.isReadable()) {
            return makeError(ErrorCode::NotFound,
                             Text::tr("cannot read the config file %1: check the path and its permissions")
                                 .arg(info.absoluteFilePath()));
        }
        QSettings file(configPath, QSettings::IniFormat);
        if (file.status() != QSettings::NoError) {
            return makeError(
                ErrorCode::InvalidInput,
                Text::tr("the config file %1 is not a valid INI file").arg(info.absoluteFilePath()));
        }
        for (const Setting& setting : settings) {
            if (file.contains(setting.iniKey))
                values.insert(setting.iniKey, file.value(setting.iniKey).toString());
        }
    }
    for (const Setting& setting : settings) {
        if (environment.contains(setting.environmentName))
            values.insert(setting.iniKey, environment.value(setting.environmentName));
    }

    ServerConfig config;
    if (values.contains(QStringLiteral("database/location"))) {
        auto database = parseDatabaseLocation(values.value(QStringLiteral("database/location")));
        if (!database)
            return std::unexpected(database.error());
        config.database = *database;
        config.database.password = values.value(QStringLiteral("database/password"));
        config.hasDatabase = true;
    }
    if (values.contains(QStringLiteral("server/listen")))
        config.listen = values.value(QStringLiteral("server/listen"));
    config.certificatePath = values.value(QStringLiteral("server/certificate"));
    config.keyPath = values.value(QStringLiteral("server/key"));

    if (values.contains(QStringLiteral("limits/max_body_bytes"))) {
        auto bytes = parsePositiveInteger(QStringLiteral("max_body_bytes"),
                                          values.value(QStringLiteral("limits/max_body_bytes")));
        if (!bytes)
            return std::unexpected(bytes.error());
        config.maxBodyBytes = *bytes;
    }
    if (values.contains(QStringLiteral("limits/push_max_changes"))) {
        auto changes = parsePositiveInteger(QStringLiteral("push_max_changes"),
                                            values.value(QStringLiteral("limits/push_max_changes")));
        if (!changes)
            return std::unexpected(changes.error());
        config.pushMaxChanges = static_cast<int>(std::min<qint64>(*changes, std::numeric_limits<int>::max()));
    }
    if (values.contains(QStringLiteral("limits/rate_per_second"))) {
        auto rate = parsePositiveNumber(QStringLiteral("rate_per_second"),
                                        values.value(QStringLiteral("limits/rate_per_second")));
        if (!rate)
            return std::unexpected(rate.error());
        config.ratePerSecond = *rate;
    }
    if (values.contains(QStringLiteral("limits/rate_burst"))) {
        auto burst = parsePositiveInteger(QStringLiteral("rate_burst"),
                                          values.value(QStringLiteral("limits/rate_burst")));
        if (!burst)
            return std::unexpected(burst.error());
        if (*burst > 1'000'000) {
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("rate_burst is %1: give at most 1000000").arg(*burst));
        }
        config.rateBurst = static_cast<int>(*burst);
    }
    return config;
}

} // namespace earlyhelp::server
