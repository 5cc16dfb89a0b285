// The hash slot of a key, exactly as Redis Cluster computes it (keyHashSlot in Redis's cluster.h):
// CRC16 of the key, modulo 16384, except that when the key has a hash tag (the text between the
// first '{' and the first '}' after it, when that text is not empty) only the tag is hashed.
// Keys are raw bytes: no Unicode handling.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fg::redis {

inline constexpr int kSlots = 16384;

// The bytes that are hashed: the tag when there is a non-empty one, else the whole key.
std::string_view hashedPart(std::string_view key);
// True when hashedPart(key) is a tag and not the whole key.
bool hasHashTag(std::string_view key);

int keySlot(std::string_view key);

} // namespace fg::redis
