// A B-Tree written apart from the engine, for the practice tests (test_practice_storage.cpp): the
// rules the exercises' prompts state, read a second time. Insert: into the leaf, and a node
// holding `order` keys splits around its lower middle key, which moves up. Delete: a key of an
// inner node gives way to its predecessor (removed from its leaf); a node left short borrows from
// its left sibling if it can spare a key, else from its right, else merges with its left sibling
// (its right one when it is the first child); a root left with no key gives way to its child.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace practice_storage_test {

using Keys = std::vector<std::int64_t>;

struct Node {
    Keys keys;
    std::vector<std::unique_ptr<Node>> kids; // empty: a leaf
    bool leaf() const { return kids.empty(); }
};

class RefTree {
public:
    explicit RefTree(int order) : order_(order), root_(std::make_unique<Node>()) {}

    void insert(std::int64_t k) {
        std::unique_ptr<Node> right;
        std::int64_t up = 0;
        if (insertInto(*root_, k, up, right)) {
            auto root = std::make_unique<Node>();
            root->keys = {up};
            root->kids.push_back(std::move(root_));
            root->kids.push_back(std::move(right));
            root_ = std::move(root);
        }
    }

    // Deletes k (REQUIRES: present); returns what the first node left short did.
    std::string remove(std::int64_t k) {
        fix_ = "none";
        removeFrom(*root_, k);
        if (root_->keys.empty() && !root_->leaf()) {
            root_ = std::move(root_->kids[0]);
        }
        return fix_;
    }

    // The nodes a search reads, each as its keys, and whether it finds k.
    std::pair<std::vector<Keys>, bool> search(std::int64_t k) const {
        std::vector<Keys> path;
        for (const Node* x = root_.get();;) {
            path.push_back(x->keys);
            const std::size_t i = lowerBound(*x, k);
            if (i < x->keys.size() && x->keys[i] == k) {
                return {path, true};
            }
            if (x->leaf()) {
                return {path, false};
            }
            x = x->kids[i].get();
        }
    }

    nlohmann::json toJson() const { return toJson(*root_); }

private:
    static std::size_t lowerBound(const Node& x, std::int64_t k) {
        return static_cast<std::size_t>(std::lower_bound(x.keys.begin(), x.keys.end(), k) -
                                        x.keys.begin());
    }
    static nlohmann::json toJson(const Node& x) {
        nlohmann::json out = {{"keys", x.keys}, {"children", nlohmann::json::array()}};
        for (const auto& c : x.kids) {
            out["children"].push_back(toJson(*c));
        }
        return out;
    }
    std::size_t minKeys() const { return static_cast<std::size_t>((order_ + 1) / 2 - 1); }

    // Inserts into x's subtree; true when x split, `up` and `right` then being its halves' link.
    bool insertInto(Node& x, std::int64_t k, std::int64_t& up, std::unique_ptr<Node>& right) {
        const std::size_t i = lowerBound(x, k);
        if (x.leaf()) {
            x.keys.insert(x.keys.begin() + static_cast<std::ptrdiff_t>(i), k);
        } else {
            std::int64_t childUp = 0;
            std::unique_ptr<Node> childRight;
            if (insertInto(*x.kids[i], k, childUp, childRight)) {
                x.keys.insert(x.keys.begin() + static_cast<std::ptrdiff_t>(i), childUp);
                x.kids.insert(x.kids.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                              std::move(childRight));
            }
        }
        if (static_cast<int>(x.keys.size()) < order_) {
            return false;
        }
        const auto mid = static_cast<std::ptrdiff_t>((order_ - 1) / 2); // the lower middle
        right = std::make_unique<Node>();
        up = x.keys[static_cast<std::size_t>(mid)];
        right->keys.assign(x.keys.begin() + mid + 1, x.keys.end());
        x.keys.resize(static_cast<std::size_t>(mid));
        if (!x.leaf()) {
            for (auto it = x.kids.begin() + mid + 1; it != x.kids.end(); ++it) {
                right->kids.push_back(std::move(*it));
            }
            x.kids.resize(static_cast<std::size_t>(mid) + 1);
        }
        return true;
    }

    void removeFrom(Node& x, std::int64_t k) {
        const std::size_t i = lowerBound(x, k);
        if (i < x.keys.size() && x.keys[i] == k) {
            if (x.leaf()) {
                x.keys.erase(x.keys.begin() + static_cast<std::ptrdiff_t>(i));
                return;
            }
            x.keys[i] = removeLargest(*x.kids[i]); // the predecessor takes its place
        } else {
            removeFrom(*x.kids[i], k);
        }
        refill(x, i);
    }

    std::int64_t removeLargest(Node& x) {
        if (x.leaf()) {
            const std::int64_t k = x.keys.back();
            x.keys.pop_back();
            return k;
        }
        const std::int64_t k = removeLargest(*x.kids.back());
        refill(x, x.kids.size() - 1);
        return k;
    }

    // Child i of p after a removal under it: borrow left, borrow right, or merge, when short.
    void refill(Node& p, std::size_t i) {
        Node& c = *p.kids[i];
        if (c.keys.size() >= minKeys()) {
            return;
        }
        const auto first = [&](const char* what) { fix_ = fix_ == "none" ? what : fix_; };
        if (i > 0 && p.kids[i - 1]->keys.size() > minKeys()) {
            Node& left = *p.kids[i - 1];
            first("borrow-left");
            c.keys.insert(c.keys.begin(), p.keys[i - 1]);
            p.keys[i - 1] = left.keys.back();
            left.keys.pop_back();
            if (!left.leaf()) {
                c.kids.insert(c.kids.begin(), std::move(left.kids.back()));
                left.kids.pop_back();
            }
        } else if (i + 1 < p.kids.size() && p.kids[i + 1]->keys.size() > minKeys()) {
            Node& right = *p.kids[i + 1];
            first("borrow-right");
            c.keys.push_back(p.keys[i]);
            p.keys[i] = right.keys.front();
            right.keys.erase(right.keys.begin());
            if (!right.leaf()) {
                c.kids.push_back(std::move(right.kids.front()));
                right.kids.erase(right.kids.begin());
            }
        } else {
            first("merge");
            const std::size_t j = i > 0 ? i - 1 : i;
            Node& left = *p.kids[j];
            Node& right = *p.kids[j + 1];
            left.keys.push_back(p.keys[j]);
            left.keys.insert(left.keys.end(), right.keys.begin(), right.keys.end());
            for (auto& kid : right.kids) {
                left.kids.push_back(std::move(kid));
            }
            p.keys.erase(p.keys.begin() + static_cast<std::ptrdiff_t>(j));
            p.kids.erase(p.kids.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        }
    }

    int order_;
    std::unique_ptr<Node> root_;
    std::string fix_ = "none";
};

} // namespace practice_storage_test
