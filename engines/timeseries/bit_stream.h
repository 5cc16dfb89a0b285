// Bits written and read most significant first, as Gorilla's figures draw them.
#pragma once

#include <cstdint>
#include <vector>

namespace fg::timeseries {

class BitWriter {
public:
    // Writes the low `n` bits of `v`, most significant first. REQUIRES: n <= 64.
    // Fills the last byte, then whole bytes: at most 9 steps for 64 bits.
    void write(std::uint64_t v, int n) {
        while (n > 0) {
            const int used = static_cast<int>(bits_ % 8);
            if (used == 0) {
                bytes_.push_back(0);
            }
            const int room = 8 - used;
            const int take = n < room ? n : room;
            const auto chunk = static_cast<unsigned>((v >> (n - take)) & ((1u << take) - 1u));
            bytes_.back() |= static_cast<std::uint8_t>(chunk << (room - take));
            bits_ += static_cast<std::uint64_t>(take);
            n -= take;
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
        while (n > 0) {
            const int used = static_cast<int>(pos_ % 8);
            const int room = 8 - used;
            const int take = n < room ? n : room;
            const unsigned byte = bytes_[pos_ / 8];
            out = (out << take) | ((byte >> (room - take)) & ((1u << take) - 1u));
            pos_ += static_cast<std::uint64_t>(take);
            n -= take;
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
