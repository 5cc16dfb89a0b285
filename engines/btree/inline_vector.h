// InlineVector: a vector whose first N elements live inside the object, so the per-op scratch of
// the engine (descent path, pages touched) costs no heap allocation in the common case. Past N it
// spills into a std::vector; nothing is ever lost.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace fg::btree {

template <class T, std::size_t N>
class InlineVector {
public:
    void push_back(const T& v) {
        if (size_ < N) {
            inline_[size_] = v;
        } else {
            spill_.push_back(v);
        }
        ++size_;
    }
    void pop_back() {
        --size_;
        if (size_ >= N) {
            spill_.pop_back();
        }
    }
    // REQUIRES: !empty().
    const T& back() const { return (*this)[size_ - 1]; }
    const T& operator[](std::size_t i) const { return i < N ? inline_[i] : spill_[i - N]; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    void clear() {
        size_ = 0;
        spill_.clear();
    }
    bool contains(const T& v) const {
        for (std::size_t i = 0; i < size_; ++i) {
            if ((*this)[i] == v) {
                return true;
            }
        }
        return false;
    }

private:
    std::array<T, N> inline_{};
    std::vector<T> spill_;
    std::size_t size_ = 0;
};

} // namespace fg::btree
