#include "logging.h"

#include <cstdio>

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>

namespace earlyhelp::app {

namespace {

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "unknown";
}

// Writes one line per message to standard error: UTC time, level, category
// and message. Nothing is written to a file. After a fatal message Qt aborts
// the process itself.
//
// By the project's convention its own categories (earlyhelp.*) log ids,
// counts, file paths and error codes, not case data, so their text is kept.
// Messages from elsewhere (Qt, plugins, the default category) can quote data
// they were given, so release builds reduce them to time, level and category.
void writeMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const char* category = context.category ? context.category : "default";
#ifdef QT_DEBUG
    const bool showText = true;
#else
    const bool showText = qstrncmp(category, "earlyhelp.", 10) == 0 || type == QtFatalMsg;
#endif
    const QByteArray time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    const QByteArray text = showText ? message.toUtf8() : QByteArrayLiteral("(text withheld)");
    std::fprintf(stderr, "%s %s %s: %s\n", time.constData(), levelName(type), category, text.constData());
    std::fflush(stderr);
}

} // namespace

void setUpLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    qInstallMessageHandler(writeMessage);
}

} // namespace earlyhelp::app
