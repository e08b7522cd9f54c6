#pragma once

#include <cstddef>

namespace earlyhelp {

// Key material in memory that libsodium guards and wipes: the bytes live in a
// sodium_malloc() allocation (locked against swapping, fenced by guard pages)
// and are zeroed when the buffer is destroyed or cleared. Move-only, and it
// converts to no string type, so a secret cannot reach a log by accident.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    ~SecretBytes();

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    // Fills a new buffer of the given size from the operating system's CSPRNG.
    [[nodiscard]] static SecretBytes random(std::size_t size);
    // Copies size bytes from data; the caller wipes its own copy.
    [[nodiscard]] static SecretBytes copyOf(const void* data, std::size_t size);

    [[nodiscard]] unsigned char* data() { return m_data; }
    [[nodiscard]] const unsigned char* data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }

    // Compares in constant time; buffers of different sizes are unequal.
    [[nodiscard]] bool equals(const SecretBytes& other) const;

    // Overwrites every byte with zero and keeps the size.
    void wipe();
    // Zeroes and frees the bytes; the buffer is empty afterwards.
    void clear();

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Calls sodium_init() once; every entry point that uses libsodium calls it.
// Returns false when libsodium could not initialise.
[[nodiscard]] bool ensureSodiumInitialised();

} // namespace earlyhelp
