// Bits written and read most significant first, as Gorilla's figures draw them.
#pragma once

#include <cstdint>
#include <vector>

namespace fg::timeseries {

class BitWriter {
public:
    // Writes the low `n` bits of `v`, most significant first. REQUIRES: n <= 64.
    void write(std::uint64_t v, int n) {
        for (int i = n - 1; i >= 0; --i) {
            if (bits_ % 8 == 0) {
                bytes_.push_back(0);
            }
            if ((v >> i) & 1u) {
                bytes_.back() |= static_cast<std::uint8_t>(0x80u >> (bits_ % 8));
            }
            ++bits_;
        }
    }
    std::uint64_t bits() const { return bits_; }
    const std::vector<std::uint8_t>& bytes() const { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
    std::uint64_t bits_ = 0;
};

class BitReader {
public:
    BitReader(const std::vector<std::uint8_t>& bytes, std::uint64_t bits)
        : bytes_(bytes), bits_(bits) {}
    // Reads `n` bits; false when fewer remain. REQUIRES: n <= 64.
    bool read(int n, std::uint64_t& out) {
        if (pos_ + static_cast<std::uint64_t>(n) > bits_) {
            return false;
        }
        out = 0;
        for (int i = 0; i < n; ++i, ++pos_) {
            out = (out << 1) | ((bytes_[pos_ / 8] >> (7 - pos_ % 8)) & 1u);
        }
        return true;
    }
    bool atEnd() const { return pos_ >= bits_; }

private:
    const std::vector<std::uint8_t>& bytes_;
    std::uint64_t bits_;
    std::uint64_t pos_ = 0;
};

} // namespace fg::timeseries
