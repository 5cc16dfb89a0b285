// The B-Tree exercises (practice_storage.h): what an insert moves up, what a delete does to the
// first node it leaves short, and which nodes a search reads. The engine (engines/btree) builds
// each tree and answers; the prompts state its rules (split around the lower middle key; delete
// by predecessor, borrow from the left sibling first, else the right, else merge).
#include "engines/btree/btree.h"
#include "engines/core/rng.h"
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_storage.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace fg::practice {

namespace {

using ojson = nlohmann::ordered_json;
using Kind = AnswerField::Kind;
using namespace detail;

// Collects the key each split moves up, in order.
class PromotedKeys final : public StepSink<btree::Step, btree::State> {
public:
    bool narrate() const override { return true; }
    void report(btree::Step step, const btree::State&) override {
        if (step.kind == btree::StepKind::kSplit && step.moved) {
            keys.push_back(*step.moved);
        }
    }
    std::vector<btree::Key> keys;
};

ojson treeJson(const btree::NodeStore& ns, btree::NodeId id) {
    ojson node = {{"keys", ojson::array()}, {"children", ojson::array()}};
    for (const btree::Key k : ns.keys(id)) {
        node["keys"].push_back(k);
    }
    for (const btree::NodeId c : ns.children(id)) {
        node["children"].push_back(treeJson(ns, c));
    }
    return node;
}

struct InsertResult {
    std::vector<btree::Key> promoted;
    ojson tree;
};

btree::State treeOf(const btree::BTreeEngine& engine, const std::vector<btree::Key>& keys) {
    btree::State s = engine.emptyState();
    SilentSink<btree::Step, btree::State> silent;
    for (const btree::Key k : keys) {
        engine.apply(s, btree::Op::insert(k), silent);
    }
    return s;
}

// `insert` into a copy of the tree `s`.
InsertResult insertInto(const btree::BTreeEngine& engine, btree::State s, btree::Key insert) {
    PromotedKeys promoted;
    engine.apply(s, btree::Op::insert(insert), promoted);
    return {std::move(promoted.keys), treeJson(s.nodes, s.root)};
}

// Keys in (lo, hi) land in a full leaf whose insert splits `splits` nodes (the leaf and the
// full nodes right above it).
struct Target {
    btree::Key lo, hi;
    int splits;
};

void splitTargets(const btree::NodeStore& ns, btree::NodeId id, btree::Key lo, btree::Key hi,
                  int fullAbove, int maxKeys, std::vector<Target>& out) {
    const bool full = ns.size(id) == maxKeys;
    if (ns.leaf(id)) {
        if (full) {
            out.push_back({lo, hi, 1 + fullAbove});
        }
        return;
    }
    const auto keys = ns.keys(id);
    const auto children = ns.children(id);
    for (std::size_t i = 0; i < children.size(); ++i) {
        splitTargets(ns, children[i], i == 0 ? lo : keys[i - 1], i == keys.size() ? hi : keys[i],
                     full ? fullAbove + 1 : 0, maxKeys, out);
    }
}

// How many keys in (t.lo, t.hi), within 1..99, are not in `used`.
std::int64_t freeKeys(const Target& t, const std::set<btree::Key>& used) {
    std::int64_t n = 0;
    for (btree::Key k = std::max<btree::Key>(t.lo + 1, 1); k < std::min<btree::Key>(t.hi, 100);
         ++k) {
        n += used.count(k) == 0;
    }
    return n;
}

// `count` distinct keys from 1..99, in the order drawn.
std::vector<btree::Key> distinctKeys(Rng& r, int count) {
    std::vector<btree::Key> keys;
    std::set<btree::Key> used;
    while (static_cast<int>(keys.size()) < count) {
        const btree::Key k = r.uniform(1, 99);
        if (used.insert(k).second) {
            keys.push_back(k);
        }
    }
    return keys;
}

std::string keysText(const std::vector<btree::Key>& keys) {
    std::string out;
    for (const btree::Key k : keys) {
        out += (out.empty() ? "" : ", ") + num(k);
    }
    return out;
}

// A node as the student names it: its keys in brackets, "[20 40]".
std::string nodeLabel(const btree::NodeStore& ns, btree::NodeId id) {
    std::string out = "[";
    for (const btree::Key k : ns.keys(id)) {
        out += (out.size() > 1 ? " " : "") + num(k);
    }
    return out + "]";
}

// Every node's label, level by level from the root, each level left to right.
std::vector<std::string> nodeLabels(const btree::State& s) {
    std::vector<std::string> out;
    std::vector<btree::NodeId> level = {s.root};
    while (!level.empty()) {
        std::vector<btree::NodeId> next;
        for (const btree::NodeId id : level) {
            out.push_back(nodeLabel(s.nodes, id));
            const auto children = s.nodes.children(id);
            next.insert(next.end(), children.begin(), children.end());
        }
        level = std::move(next);
    }
    return out;
}

// The keys of inner nodes (a search for one stops above the leaves; a delete of one goes through
// its predecessor).
std::vector<btree::Key> innerKeys(const btree::State& s) {
    std::vector<btree::Key> out;
    std::vector<btree::NodeId> todo = {s.root};
    while (!todo.empty()) {
        const btree::NodeId id = todo.back();
        todo.pop_back();
        if (!s.nodes.leaf(id)) {
            const auto keys = s.nodes.keys(id);
            out.insert(out.end(), keys.begin(), keys.end());
            const auto children = s.nodes.children(id);
            todo.insert(todo.end(), children.begin(), children.end());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string orderText(int order) {
    const btree::Params p = btree::Params::withOrder(order);
    return "A B-Tree of order " + num(order) + " (a node holds at most " + num(p.maxKeys()) +
           " keys and, the root aside, at least " + num(p.minKeys()) +
           "; a node that gets one key too many splits, and its middle key, the lower middle of an "
           "even count, moves up)";
}

// What the first node a delete leaves short does: "none" when no node is left short.
class FirstFix final : public StepSink<btree::Step, btree::State> {
public:
    bool narrate() const override { return true; }
    void report(btree::Step step, const btree::State& after) override {
        if (step.kind == btree::StepKind::kUnderflow) {
            shortSeen_ = true;
        } else if (shortSeen_ && fix == "none" && step.kind == btree::StepKind::kMerge) {
            fix = "merge";
        } else if (shortSeen_ && fix == "none" && step.kind == btree::StepKind::kBorrow) {
            const auto children = after.nodes.children(step.parent);
            const auto at = [&](btree::NodeId id) {
                return std::find(children.begin(), children.end(), id) - children.begin();
            };
            fix = at(step.other) < at(step.node) ? "borrow-left" : "borrow-right";
        }
    }
    std::string fix = "none";

private:
    bool shortSeen_ = false;
};

// How much a delete of `k` from `tree` shows: from an inner node, a merge, a root that shrinks,
// more than one repair.
int deleteInterest(const btree::BTreeEngine& engine, const btree::State& tree, btree::Key k,
                   const std::vector<btree::Key>& inner) {
    btree::State s = tree;
    SilentSink<btree::Step, btree::State> silent;
    engine.apply(s, btree::Op::remove(k), silent);
    const std::int64_t merges = s.stats.merges - tree.stats.merges;
    const std::int64_t repairs = merges + s.stats.borrows - tree.stats.borrows;
    return (std::binary_search(inner.begin(), inner.end(), k) ? 1 : 0) + (merges > 0 ? 1 : 0) +
           (s.stats.height < tree.stats.height ? 3 : 0) + (repairs >= 2 ? 1 : 0);
}

// The keys inserted and the key deleted.
struct DeleteCase {
    std::vector<btree::Key> keys;
    btree::Key remove = 0;
};

// `keys` in ascending order, cut to the prefix whose last insert split the root. In a tree of
// odd order so built, every node holds the minimum or the root's one key, so a delete anywhere
// merges up to the root and the tree shrinks (a split of an even order leaves its right half a
// key to spare, so a tree built by inserts alone never shrinks on one delete).
std::vector<btree::Key> ascendingToARootSplit(const btree::BTreeEngine& engine,
                                              std::vector<btree::Key> keys) {
    std::sort(keys.begin(), keys.end());
    btree::State s = engine.emptyState();
    SilentSink<btree::Step, btree::State> silent;
    std::size_t cut = keys.size();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const int height = s.stats.height;
        engine.apply(s, btree::Op::insert(keys[i]), silent);
        cut = s.stats.height > height ? i + 1 : cut;
    }
    keys.resize(cut);
    return keys;
}

// Easy and medium: any key of the tree. Hard: the most telling delete (deleteInterest) of up to
// 4 key sets; half the trees of odd order are built to shrink (ascendingToARootSplit).
DeleteCase pickDelete(Rng& r, Level level, const btree::BTreeEngine& engine, int count) {
    if (level != Level::Hard) {
        DeleteCase c{distinctKeys(r, count), 0};
        c.remove = c.keys[static_cast<std::size_t>(pick(r, 0, count - 1))];
        return c;
    }
    const bool shrink = engine.params().order % 2 == 1 && r.uniform(0, 1) == 0;
    DeleteCase best;
    int bestScore = -1;
    for (int round = 0; round < 4 && bestScore < 6; ++round) {
        std::vector<btree::Key> keys = distinctKeys(r, count);
        if (shrink) {
            keys = ascendingToARootSplit(engine, std::move(keys));
        }
        const btree::State tree = treeOf(engine, keys);
        const std::vector<btree::Key> inner = innerKeys(tree);
        for (const btree::Key k : keys) {
            const int score = deleteInterest(engine, tree, k, inner);
            if (score > bestScore) {
                bestScore = score;
                best = {keys, k};
            }
        }
    }
    return best;
}

// The key searched for: easy, one in the tree; medium, one in it or not; hard, one of an inner
// node (the search stops early), one that is absent, or one deep in a leaf.
btree::Key pickFind(Rng& r, Level level, const std::vector<btree::Key>& keys,
                    const btree::State& tree) {
    const int kind = level == Level::Easy     ? 0
                     : level == Level::Medium ? pick(r, 0, 1)
                                              : pick(r, 0, 2);
    const std::vector<btree::Key> inner = innerKeys(tree);
    if (kind == 2 && !inner.empty()) {
        return inner[static_cast<std::size_t>(pick(r, 0, static_cast<int>(inner.size()) - 1))];
    }
    if (kind == 1) {
        const std::set<btree::Key> in(keys.begin(), keys.end());
        for (;;) {
            const btree::Key k = r.uniform(0, 100);
            if (!in.count(k)) {
                return k;
            }
        }
    }
    return keys[static_cast<std::size_t>(pick(r, 0, static_cast<int>(keys.size()) - 1))];
}

// The nodes a search reads, and whether it found the key.
class SearchPath final : public StepSink<btree::Step, btree::State> {
public:
    bool narrate() const override { return true; }
    void report(btree::Step step, const btree::State& after) override {
        if (step.kind == btree::StepKind::kFound || step.kind == btree::StepKind::kNotFound) {
            found = step.kind == btree::StepKind::kFound;
            for (const btree::NodeId id : step.path) {
                path.push_back(nodeLabel(after.nodes, id));
            }
        }
    }
    std::vector<std::string> path;
    bool found = false;
};

} // namespace

Exercise btreeInsert(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("btree", "insert", seed, level);
    const int order = sized(r, level, {3, 3}, {3, 4}, {3, 5});
    const int count = sized(r, level, {3, 5}, {6, 10}, {10, 18});
    // The keys inserted first, and the key inserted then (a new one). A hard one lands in a full
    // leaf, under full parents when it can (it splits the most nodes of up to 20 sets of keys
    // drawn: a tree whose leaves all have room splits on no insert).
    const btree::BTreeEngine engine(btree::Params::withOrder(order));
    std::vector<btree::Key> keys;
    btree::Key insert = 0;
    int best = -1;
    for (int round = 0; round < (level == Level::Hard ? 20 : 1) && best < 2; ++round) {
        std::vector<btree::Key> drawn;
        std::set<btree::Key> used;
        while (static_cast<int>(drawn.size()) < count) {
            const btree::Key k = r.uniform(1, 99);
            if (used.insert(k).second) {
                drawn.push_back(k);
            }
        }
        Target target{0, 100, 0};
        if (level == Level::Hard) {
            std::vector<Target> targets;
            const btree::State tree = treeOf(engine, drawn);
            splitTargets(tree.nodes, tree.root, 0, 100, 0, order - 1, targets);
            for (const Target& t : targets) {
                if (t.splits > target.splits && freeKeys(t, used) > 0) {
                    target = t;
                }
            }
        }
        if (target.splits <= best) {
            continue;
        }
        // A key of the target's range that is not in the tree, drawn uniformly.
        const std::int64_t free = freeKeys(target, used);
        std::int64_t nth = r.uniform(0, free - 1);
        for (btree::Key k = target.lo + 1; k < target.hi; ++k) {
            if (!used.count(k) && nth-- == 0) {
                insert = k;
                break;
            }
        }
        keys = std::move(drawn);
        best = target.splits;
    }
    const InsertResult result = insertInto(engine, treeOf(engine, keys), insert);
    std::string keyText;
    for (const btree::Key k : keys) {
        keyText += (keyText.empty() ? "" : ", ") + num(k);
    }
    e.prompt = "A B-Tree of order " + num(order) + " (a node holds at most " + num(order - 1) +
               " keys; a node that gets one more splits, and its middle key, the lower middle "
               "of an even count, moves up) is built by inserting " +
               keyText + " into an empty tree, in that order. Now insert " + num(insert) +
               ": which keys move up, in order, and what is the tree after?";
    e.given = {{"order", order}, {"keys", keys}, {"insert", insert}};
    e.answer = {{"promoted", result.promoted}, {"tree", std::move(result.tree)}};
    e.fields = {answerField("promoted", Kind::NumberList,
                            "Keys that move up, in order (none: leave empty)"),
                answerField("tree", Kind::Tree, "The tree after the insert")};
    return e;
}

Exercise btreeDelete(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("btree", "delete", seed, level);
    const int order = sized(r, level, {3, 3}, {3, 4}, {3, 5});
    const int count = sized(r, level, {4, 7}, {7, 12}, {8, 16});
    const btree::BTreeEngine engine(btree::Params::withOrder(order));
    const DeleteCase c = pickDelete(r, level, engine, count);
    btree::State s = treeOf(engine, c.keys);
    FirstFix fix;
    engine.apply(s, btree::Op::remove(c.remove), fix);
    e.prompt =
        orderText(order) + " is built by inserting " + keysText(c.keys) +
        " into an empty tree, in that order. Now delete " + num(c.remove) +
        ". A key in an inner node is first replaced by its predecessor (the largest key to its "
        "left, always in a leaf), which leaves that leaf. A node left with too few keys borrows "
        "from its left sibling when that one has a key to spare (the parent's separator comes "
        "down into the node and the sibling's nearest key goes up in its place), else from its "
        "right sibling the same way, else it merges with its left sibling (with its right one "
        "when it has no left one), the separator between them coming down into the merged node. "
        "A parent left short is then fixed the same way, and a root left with no key gives way "
        "to its only child. What does the first node left short do (none, if no node is), and "
        "what is the tree after?";
    e.given = {{"order", order}, {"keys", c.keys}, {"delete", c.remove}};
    e.answer = {{"fix", fix.fix}, {"tree", treeJson(s.nodes, s.root)}};
    AnswerField f = answerField("fix", Kind::Choice, "What the first node left short does");
    f.options = {"none", "borrow-left", "borrow-right", "merge"};
    e.fields = {std::move(f), answerField("tree", Kind::Tree, "The tree after the delete")};
    return e;
}

Exercise btreePath(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("btree", "path", seed, level);
    const int order = sized(r, level, {3, 4}, {3, 5}, {3, 5});
    const int count = sized(r, level, {5, 8}, {8, 16}, {16, 30});
    const btree::BTreeEngine engine(btree::Params::withOrder(order));
    const std::vector<btree::Key> keys = distinctKeys(r, count);
    btree::State s = treeOf(engine, keys);
    const btree::Key find = pickFind(r, level, keys, s);
    SearchPath path;
    engine.apply(s, btree::Op::search(find), path);
    e.prompt = orderText(order) + " is built by inserting " + keysText(keys) +
               " into an empty tree, in that order. A search for " + num(find) +
               " reads the root, then the child whose key range holds " + num(find) +
               ", and so on, until a node holds it or a leaf does not. Which nodes does it read, "
               "in order (each named by its keys, like [20 40]), and is " +
               num(find) + " found?";
    e.given = {{"order", order}, {"keys", keys}, {"find", find}};
    e.answer = {{"path", path.path}, {"found", path.found ? "yes" : "no"}};
    AnswerField p = answerField("path", Kind::WordList, "The nodes read, root first");
    p.options = nodeLabels(s);
    p.ordered = true;
    AnswerField f = answerField("found", Kind::Choice, "Is the key found?");
    f.options = {"yes", "no"};
    e.fields = {std::move(p), std::move(f)};
    return e;
}

} // namespace fg::practice
