// BloomFilter: LevelDB's filter (util/bloom.cc): bits_per_key bits per key, k = round(bits_per_key
// x ln 2) probes clamped to 1..30, one 32-bit hash per key (LevelDB's Hash with seed 0xbc9f1d34)
// and double hashing with delta = the hash rotated right by 17. A "no" is certain; a "maybe" is
// wrong with probability close to (1 - e^(-kn/m))^k.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fg::lsm {

std::uint32_t levelDbHash(std::string_view data, std::uint32_t seed);

class BloomFilter {
public:
    BloomFilter() = default;
    BloomFilter(const std::vector<std::string>& keys, int bitsPerKey);
    // An empty filter sized for `keys` keys, which add() then sets one by one: the same filter as
    // the constructor's once all are added, without a copy of the keys.
    static BloomFilter sized(std::size_t keys, int bitsPerKey);
    void add(std::string_view key);

    bool mayContain(std::string_view key) const;
    int probes() const { return k_; }
    std::size_t bits() const { return bits_.size() * 8; }
    // The expected false-positive rate for n keys: (1 - e^(-kn/m))^k.
    double expectedFalsePositiveRate(std::size_t n) const;
    bool operator==(const BloomFilter&) const = default;

private:
    std::vector<std::uint8_t> bits_;
    int k_ = 1;
};

} // namespace fg::lsm
