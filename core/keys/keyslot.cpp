#include "keys/keyslot.h"

#include "keys/slotcrypto.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace earlyhelp::keys {

namespace {

const QString argon2Name = QStringLiteral("argon2id13");
const QString cipherName = QStringLiteral("xchacha20poly1305-ietf");

QString toBase64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString fieldError(const QString& field, const char* problem)
{
    return QCoreApplication::translate("earlyhelp::Keys", problem).arg(field);
}

std::expected<QString, QString> readString(const QJsonObject& object, const QString& field)
{
    const QJsonValue value = object.value(field);
    if (!value.isString())
        return std::unexpected(fieldError(field, QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" is missing or not text")));
    return value.toString();
}

std::expected<QByteArray, QString> readBase64(const QJsonObject& object, const QString& field, std::size_t expectedSize)
{
    const std::expected<QString, QString> text = readString(object, field);
    if (!text)
        return std::unexpected(text.error());
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::unexpected(fieldError(field, QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" is not valid Base64")));
    if (static_cast<std::size_t>(decoded.decoded.size()) != expectedSize)
        return std::unexpected(fieldError(field, QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" has the wrong length")));
    return decoded.decoded;
}

std::expected<quint64, QString> readCount(const QJsonObject& object, const QString& field)
{
    const QJsonValue value = object.value(field);
    // JSON numbers are doubles, which hold every integer up to 2^53 exactly.
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0.0 || number > 9007199254740992.0 || number != static_cast<double>(value.toInteger()))
        return std::unexpected(fieldError(field, QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" is not a whole number")));
    return static_cast<quint64>(value.toInteger());
}

std::expected<QJsonObject, QString> readObject(const QJsonObject& object, const QString& field)
{
    const QJsonValue value = object.value(field);
    if (!value.isObject())
        return std::unexpected(fieldError(field, QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" is missing or not an object")));
    return value.toObject();
}

std::expected<void, QString> readKdf(const QJsonObject& slotObject, KeySlot& slot)
{
    const std::expected<QJsonObject, QString> kdf = readObject(slotObject, QStringLiteral("kdf"));
    if (!kdf)
        return std::unexpected(kdf.error());
    const std::expected<QString, QString> algorithm = readString(*kdf, QStringLiteral("algorithm"));
    if (!algorithm)
        return std::unexpected(algorithm.error());
    if (*algorithm != argon2Name) {
        return std::unexpected(QCoreApplication::translate("earlyhelp::Keys", "the key derivation \"%1\" is not supported")
                                   .arg(*algorithm));
    }

    const std::expected<quint64, QString> opsLimit = readCount(*kdf, QStringLiteral("opsLimit"));
    if (!opsLimit)
        return std::unexpected(opsLimit.error());
    const std::expected<quint64, QString> memLimit = readCount(*kdf, QStringLiteral("memLimit"));
    if (!memLimit)
        return std::unexpected(memLimit.error());
    slot.cost = PassphraseCost{*opsLimit, *memLimit};
    if (!slot.cost.isAccepted()) {
        return std::unexpected(QCoreApplication::translate("earlyhelp::Keys",
            "the Argon2 cost (%1 passes over %2 bytes) is outside the accepted range")
                                   .arg(slot.cost.opsLimit)
                                   .arg(slot.cost.memLimit));
    }

    const std::expected<QByteArray, QString> salt = readBase64(*kdf, QStringLiteral("salt"), saltBytes);
    if (!salt)
        return std::unexpected(salt.error());
    slot.salt = *salt;
    return {};
}

std::expected<void, QString> readCipher(const QJsonObject& slotObject, KeySlot& slot)
{
    const std::expected<QJsonObject, QString> cipher = readObject(slotObject, QStringLiteral("cipher"));
    if (!cipher)
        return std::unexpected(cipher.error());
    const std::expected<QString, QString> algorithm = readString(*cipher, QStringLiteral("algorithm"));
    if (!algorithm)
        return std::unexpected(algorithm.error());
    if (*algorithm != cipherName) {
        return std::unexpected(QCoreApplication::translate("earlyhelp::Keys", "the cipher \"%1\" is not supported")
                                   .arg(*algorithm));
    }

    const std::expected<QByteArray, QString> nonce = readBase64(*cipher, QStringLiteral("nonce"), nonceBytes);
    if (!nonce)
        return std::unexpected(nonce.error());
    const std::expected<QByteArray, QString> wrappedKey =
        readBase64(*cipher, QStringLiteral("wrappedKey"), wrappedKeyBytes);
    if (!wrappedKey)
        return std::unexpected(wrappedKey.error());
    slot.nonce = *nonce;
    slot.wrappedKey = *wrappedKey;
    return {};
}

} // namespace

QString slotTypeName(SlotType type)
{
    switch (type) {
    case SlotType::Passphrase:
        return QStringLiteral("passphrase");
    case SlotType::Keychain:
        return QStringLiteral("keychain");
    }
    Q_UNREACHABLE();
    return {};
}

QByteArray slotAssociatedData(int formatVersion, const QUuid& storeId, const KeySlot& slot)
{
    QByteArray data;
    appendField(data, "earlyhelp.keyslot");
    appendField(data, QByteArray::number(formatVersion));
    appendField(data, slotTypeName(slot.type).toUtf8());
    appendField(data, storeId.toByteArray(QUuid::WithoutBraces));
    appendField(data, slot.id.toByteArray(QUuid::WithoutBraces));
    appendField(data, slot.user.toUtf8());
    appendField(data, slot.role.toUtf8());
    return data;
}

QByteArray computeSlotChecksum(int formatVersion, const QUuid& storeId, const KeySlot& slot)
{
    QByteArray data;
    appendField(data, "earlyhelp.keyslot.checksum");
    appendField(data, slotAssociatedData(formatVersion, storeId, slot));
    appendField(data, QByteArray::number(slot.cost.opsLimit));
    appendField(data, QByteArray::number(slot.cost.memLimit));
    appendField(data, slot.salt);
    appendField(data, slot.nonce);
    appendField(data, slot.wrappedKey);
    return computeDigest(data);
}

QJsonObject slotToJson(const KeySlot& slot)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), slot.id.toString(QUuid::WithoutBraces));
    object.insert(QStringLiteral("type"), slotTypeName(slot.type));
    // A keychain slot written before keychain slots recorded a user has
    // neither field, and its seal binds them empty.
    if (slot.type == SlotType::Passphrase || !slot.user.isEmpty()) {
        object.insert(QStringLiteral("user"), slot.user);
        object.insert(QStringLiteral("role"), slot.role);
    }
    object.insert(QStringLiteral("created"), slot.created.toUTC().toString(Qt::ISODate));

    if (slot.type == SlotType::Passphrase) {
        QJsonObject kdf;
        kdf.insert(QStringLiteral("algorithm"), argon2Name);
        kdf.insert(QStringLiteral("opsLimit"), static_cast<qint64>(slot.cost.opsLimit));
        kdf.insert(QStringLiteral("memLimit"), static_cast<qint64>(slot.cost.memLimit));
        kdf.insert(QStringLiteral("salt"), toBase64(slot.salt));
        object.insert(QStringLiteral("kdf"), kdf);
    }

    QJsonObject cipher;
    cipher.insert(QStringLiteral("algorithm"), cipherName);
    cipher.insert(QStringLiteral("nonce"), toBase64(slot.nonce));
    cipher.insert(QStringLiteral("wrappedKey"), toBase64(slot.wrappedKey));
    object.insert(QStringLiteral("cipher"), cipher);
    object.insert(QStringLiteral("checksum"), toBase64(slot.checksum));
    return object;
}

std::expected<KeySlot, QString> slotFromJson(const QJsonObject& object)
{
    KeySlot slot;

    const std::expected<QString, QString> id = readString(object, QStringLiteral("id"));
    if (!id)
        return std::unexpected(id.error());
    slot.id = QUuid::fromString(*id);
    if (slot.id.isNull())
        return std::unexpected(fieldError(QStringLiteral("id"), QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" is not a UUID")));

    const std::expected<QString, QString> type = readString(object, QStringLiteral("type"));
    if (!type)
        return std::unexpected(type.error());
    if (*type == slotTypeName(SlotType::Passphrase)) {
        slot.type = SlotType::Passphrase;
    } else if (*type == slotTypeName(SlotType::Keychain)) {
        slot.type = SlotType::Keychain;
    } else {
        return std::unexpected(QCoreApplication::translate("earlyhelp::Keys", "the slot type \"%1\" is not supported")
                                   .arg(*type));
    }

    const std::expected<QString, QString> created = readString(object, QStringLiteral("created"));
    if (!created)
        return std::unexpected(created.error());
    slot.created = QDateTime::fromString(*created, Qt::ISODate);

    if (slot.type == SlotType::Passphrase) {
        const std::expected<QString, QString> user = readString(object, QStringLiteral("user"));
        if (!user)
            return std::unexpected(user.error());
        const std::expected<QString, QString> role = readString(object, QStringLiteral("role"));
        if (!role)
            return std::unexpected(role.error());
        if (user->trimmed().isEmpty())
            return std::unexpected(fieldError(QStringLiteral("user"), QT_TRANSLATE_NOOP("earlyhelp::Keys", "the field \"%1\" is empty")));
        slot.user = *user;
        slot.role = *role;

        const std::expected<void, QString> kdf = readKdf(object, slot);
        if (!kdf)
            return std::unexpected(kdf.error());
    } else if (object.contains(QStringLiteral("user"))) {
        const std::expected<QString, QString> user = readString(object, QStringLiteral("user"));
        if (!user)
            return std::unexpected(user.error());
        const std::expected<QString, QString> role = readString(object, QStringLiteral("role"));
        if (!role)
            return std::unexpected(role.error());
        slot.user = *user;
        slot.role = *role;
    }

    const std::expected<void, QString> cipher = readCipher(object, slot);
    if (!cipher)
        return std::unexpected(cipher.error());

    const std::expected<QByteArray, QString> checksum = readBase64(object, QStringLiteral("checksum"), digestBytes);
    if (!checksum)
        return std::unexpected(checksum.error());
    slot.checksum = *checksum;
    return slot;
}

} // namespace earlyhelp::keys
