// A second, independent reading of Redis Cluster's key-to-slot rule for the practice tests
// (not the engine's code): CRC16-XMODEM (poly 0x1021, init 0) bit by bit, of the key's hash tag
// (between its first "{" and the next "}", when that holds something) or of the whole key.
#pragma once

#include <cstdint>
#include <string>

namespace fg::test {

inline std::uint16_t referenceCrc16(const std::string& s) {
    std::uint16_t crc = 0;
    for (const unsigned char c : s) {
        crc ^= static_cast<std::uint16_t>(c << 8);
        for (int i = 0; i < 8; ++i) {
            crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                                 : static_cast<std::uint16_t>(crc << 1);
        }
    }
    return crc;
}

inline int referenceSlot(const std::string& key) {
    const auto open = key.find('{');
    if (open != std::string::npos) {
        const auto close = key.find('}', open + 1);
        if (close != std::string::npos && close > open + 1) {
            return referenceCrc16(key.substr(open + 1, close - open - 1)) % 16384;
        }
    }
    return referenceCrc16(key) % 16384;
}

} // namespace fg::test
