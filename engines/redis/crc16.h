// CRC16 as Redis Cluster computes it: the XMODEM variant (polynomial 0x1021, initial value 0,
// no reflection, no final xor). Check value: crc16("123456789") == 0x31C3. Qt's qChecksum is a
// different (reflected) CRC-16 and must not be used for slots.
#pragma once

#include <cstdint>
#include <string_view>

namespace fg::redis {

std::uint16_t crc16(std::string_view bytes);

} // namespace fg::redis
