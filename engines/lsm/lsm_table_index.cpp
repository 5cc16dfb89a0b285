// LsmTableIndex (lsm_tree.h): where a get looks, kept beside the tables so a lookup needs no sort:
// every table newest first, each level newest first, and levels 1+ by key range with each
// table's rank among the newest (a binary search finds the one table that can hold a key).
#include "engines/lsm/lsm_tree.h"

#include <algorithm>

namespace fg::lsm {

void LsmTableIndex::rebuild(const std::vector<SSTable>& tables) {
    count = tables.size();
    newest.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        newest[i] = static_cast<std::uint32_t>(i);
    }
    std::stable_sort(newest.begin(), newest.end(), [&](std::uint32_t a, std::uint32_t b) {
        return tables[a].maxSeq > tables[b].maxSeq;
    });
    int top = -1;
    for (const auto& t : tables) {
        top = std::max(top, t.level);
    }
    levels.assign(static_cast<std::size_t>(top + 1), Level{});
    for (const std::uint32_t i : newest) {
        levels[static_cast<std::size_t>(tables[i].level)].newest.push_back(i);
    }
    const KeyLess less;
    std::vector<std::uint32_t> rankOf(count);
    std::vector<KeyLess::Read> first(count); // each table's first key, read once
    for (std::size_t i = 0; i < count; ++i) {
        if (tables[i].level > 0) {
            first[i] = KeyLess::read(tables[i].minKey());
        }
    }
    for (std::size_t l = 1; l < levels.size(); ++l) {
        Level& lv = levels[l];
        for (std::size_t r = 0; r < lv.newest.size(); ++r) {
            rankOf[lv.newest[r]] = static_cast<std::uint32_t>(r);
        }
        lv.byKey = lv.newest;
        std::stable_sort(lv.byKey.begin(), lv.byKey.end(), [&](std::uint32_t a, std::uint32_t b) {
            return less(first[a], first[b]);
        });
        lv.rank.clear();
        for (std::size_t k = 0; k < lv.byKey.size(); ++k) {
            lv.rank.push_back(rankOf[lv.byKey[k]]);
            if (k > 0 && !less(tables[lv.byKey[k - 1]].maxKey(), tables[lv.byKey[k]].minKey())) {
                lv.disjoint = false;
            }
        }
    }
}

void LsmTableIndex::appended(const std::vector<SSTable>& tables) {
    const SSTable& t = tables.back();
    const auto i = static_cast<std::uint32_t>(tables.size() - 1);
    // A flushed table is newer than every other one: it goes first in level 0 and overall.
    if (count + 1 != tables.size() || t.level != 0 ||
        (!newest.empty() && tables[newest.front()].maxSeq >= t.maxSeq)) {
        rebuild(tables);
        return;
    }
    count = tables.size();
    newest.insert(newest.begin(), i);
    if (levels.empty()) {
        levels.emplace_back();
    }
    levels[0].newest.insert(levels[0].newest.begin(), i);
}

} // namespace fg::lsm
