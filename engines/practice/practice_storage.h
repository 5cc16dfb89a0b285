// The storage engines' exercises (practice.h): B-Tree inserts, deletes and search paths
// (practice_btree.cpp), and an LSM-tree's reads, compactions and tombstones (practice_lsm.cpp),
// graded in practice_grade_storage.cpp. Internal to the practice module: exerciseTypes() lists
// them.
#pragma once

#include "engines/lsm/tombstone_purge.h"
#include "engines/practice/practice.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace fg::practice {

// B-Tree (practice_btree.cpp).
Exercise btreeInsert(std::uint64_t seed, Level level);
Exercise btreeDelete(std::uint64_t seed, Level level);
Exercise btreePath(std::uint64_t seed, Level level);

// LSM-tree (practice_lsm.cpp).
Exercise lsmGetReads(std::uint64_t seed, Level level);
Exercise lsmCompaction(std::uint64_t seed, Level level);
Exercise lsmTombstoneDrop(std::uint64_t seed, Level level);

// Said as the exercises say them (practice_lsm.cpp): a time in seconds since the epoch as
// "2024-03-01 10:00:00" (UTC); a gc_grace_seconds as "864000 (10 days)"; and the tombstone-drop
// answer's "why" for a verdict (one of the four sentences the exercise offers).
std::string utcText(std::int64_t seconds);
std::string graceText(std::int64_t seconds);
const char* tombstoneReason(const lsm::TombstoneVerdict& v);

// Whether `e` is one of the types above but the insert (graded in practice_grade.cpp), and its
// grading (practice_grade_storage.cpp). REQUIRES for gradeStorage: isStorageType(e).
bool isStorageType(const Exercise& e);
void gradeStorage(const Exercise& e, const nlohmann::json& submitted, Grading& g);

} // namespace fg::practice
