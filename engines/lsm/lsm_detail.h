// Shared by the files that implement the LSM engine (write, compaction, read). Internal to the
// engine: views use lsm_tree.h.
#pragma once

#include "engines/lsm/lsm_tree.h"

#include <algorithm>
#include <string>

namespace fg::lsm::detail {

// Whether `key` lies within the table's key range.
inline bool inRange(const SSTable& t, const std::string& key) {
    const KeyLess less;
    return !less(key, t.minKey()) && !less(t.maxKey(), key);
}

// The table's entry for `key`, or null.
inline const Entry* findIn(const SSTable& t, const std::string& key) {
    const KeyLess less;
    const auto it =
        std::lower_bound(t.entries.begin(), t.entries.end(), key,
                         [&](const Entry& e, const std::string& k) { return less(e.key, k); });
    return it != t.entries.end() && it->key == key ? &*it : nullptr;
}

} // namespace fg::lsm::detail
