#include "secretbytes.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace earlyhelp {

bool ensureSodiumInitialised()
{
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

SecretBytes::SecretBytes(std::size_t size)
{
    if (size == 0)
        return;
    if (!ensureSodiumInitialised())
        throw std::bad_alloc();
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes bytes(size);
    if (size > 0)
        randombytes_buf(bytes.m_data, size);
    return bytes;
}

SecretBytes SecretBytes::copyOf(const void* data, std::size_t size)
{
    SecretBytes bytes(size);
    if (size > 0)
        std::memcpy(bytes.m_data, data, size);
    return bytes;
}

bool SecretBytes::equals(const SecretBytes& other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

void SecretBytes::wipe()
{
    if (m_data)
        sodium_memzero(m_data, m_size);
}

void SecretBytes::clear()
{
    if (m_data) {
        wipe();
        sodium_free(m_data);
    }
    m_data = nullptr;
    m_size = 0;
}

} // namespace earlyhelp
