#include "engines/redis/key_slot.h"

#include "engines/redis/crc16.h"

namespace fg::redis {

std::string_view hashedPart(std::string_view key) {
    const auto open = key.find('{');
    if (open == std::string_view::npos) {
        return key;
    }
    const auto close = key.find('}', open + 1);
    if (close == std::string_view::npos || close == open + 1) {
        return key; // no closing brace, or an empty tag "{}": the whole key is hashed
    }
    return key.substr(open + 1, close - open - 1);
}

bool hasHashTag(std::string_view key) {
    return hashedPart(key).size() != key.size();
}

int keySlot(std::string_view key) {
    return crc16(hashedPart(key)) & (kSlots - 1);
}

} // namespace fg::redis
