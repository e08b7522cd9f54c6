#include "tlssetup.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <functional>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// A listener that hands each accepted socket descriptor to a function, so the
// descriptor goes straight into a QSslSocket.
class DescriptorListener : public QTcpServer {
public:
    std::function<void(qintptr)> onIncoming;

protected:
    void incomingConnection(qintptr descriptor) override { onIncoming(descriptor); }
};

// Runs a handshake between a server socket using configuration and a client
// that skips certificate checks (it only tests that the key signs for the
// certificate). Returns an empty string on success, or the TLS error.
QString tryHandshake(const QSslConfiguration& configuration) {
    DescriptorListener listener;
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return listener.errorString();

    QEventLoop loop;
    QString failure;
    bool serverDone = false;
    bool clientDone = false;
    auto finishIfDone = [&] {
        if ((serverDone && clientDone) || !failure.isEmpty())
            loop.quit();
    };

    QSslSocket* serverSide = nullptr;
    listener.onIncoming = [&](qintptr descriptor) {
        serverSide = new QSslSocket(&loop);
        serverSide->setSslConfiguration(configuration);
        QObject::connect(serverSide, &QSslSocket::encrypted, &loop, [&] {
            serverDone = true;
            finishIfDone();
        });
        QObject::connect(serverSide, &QSslSocket::errorOccurred, &loop, [&] {
            failure = serverSide->errorString();
            finishIfDone();
        });
        serverSide->setSocketDescriptor(descriptor);
        serverSide->startServerEncryption();
    };

    QSslSocket client;
    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.setSslConfiguration(clientConfiguration);
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
        clientDone = true;
        finishIfDone();
    });
    QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&] {
        if (failure.isEmpty() && !serverDone)
            failure = client.errorString();
        finishIfDone();
    });
    QTimer::singleShot(10'000, &loop, [&] {
        failure = Text::tr("the TLS handshake timed out");
        loop.quit();
    });
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), listener.serverPort());
    loop.exec();
    client.abort();
    return failure;
}

} // namespace

Result<QSslConfiguration> loadServerTlsConfiguration(const QString& certificatePath, const QString& keyPath) {
    if (certificatePath.isEmpty() || keyPath.isEmpty()) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("serve needs a certificate and a private key: give --cert FILE and --key FILE, "
                     "or set them in the config file or EARLYHELP_SERVER_CERT and "
                     "EARLYHELP_SERVER_KEY"));
    }

    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound, Text::tr("cannot read the certificate file %1: %2")
                                                  .arg(QFileInfo(certificatePath).absoluteFilePath(),
                                                       certificateFile.errorString()));
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("the certificate file %1 holds no PEM certificate: give the server's "
                                  "certificate in PEM form, followed by any intermediate certificates")
                             .arg(QFileInfo(certificatePath).absoluteFilePath()));
    }

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound,
                         Text::tr("cannot read the key file %1: %2")
                             .arg(QFileInfo(keyPath).absoluteFilePath(), keyFile.errorString()));
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("the key file %1 holds no unencrypted PEM private key (RSA or EC): give the "
                     "key that belongs to the certificate")
                .arg(QFileInfo(keyPath).absoluteFilePath()));
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);

    const QString failure = tryHandshake(configuration);
    if (!failure.isEmpty()) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("the certificate %1 and the key %2 do not work together (%3): check that the "
                     "key belongs to the certificate")
                .arg(QFileInfo(certificatePath).absoluteFilePath(), QFileInfo(keyPath).absoluteFilePath(),
                     failure));
    }
    return configuration;
}

} // namespace earlyhelp::server
