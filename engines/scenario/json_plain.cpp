#include "engines/scenario/json_plain.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace fg {

namespace {

constexpr int kMaxDepth = 256;         // a deeper header is left to nlohmann
constexpr std::size_t kMaxDigits = 18; // any such integer fits a 64-bit one, signed or not

// Reads the subset of JSON described in json_plain.h, byte by byte, never allocating.
class Scanner {
public:
    explicit Scanner(std::string_view text, std::size_t at = 0) : t_(text), i_(at) {}

    std::size_t at() const { return i_; }
    bool atEnd() {
        skipSpace();
        return i_ >= t_.size();
    }
    bool take(char c) {
        skipSpace();
        if (i_ < t_.size() && t_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    // The next character after any white space, or '\0' at the end.
    char next() {
        skipSpace();
        return i_ < t_.size() ? t_[i_] : '\0';
    }

    // A string of printable ASCII without escapes: its characters in `out`.
    bool plainString(std::string_view& out) {
        if (!take('"')) {
            return false;
        }
        const std::size_t from = i_;
        for (; i_ < t_.size(); ++i_) {
            const auto c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') {
                out = t_.substr(from, i_++ - from);
                return true;
            }
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return false;
            }
        }
        return false;
    }
    // An integer of at most kMaxDigits digits, no leading zero: its text in `out`.
    bool plainInteger(std::string_view& out) {
        skipSpace();
        const std::size_t from = i_;
        if (i_ < t_.size() && t_[i_] == '-') {
            ++i_;
        }
        const std::size_t digits = i_;
        if (i_ < t_.size() && t_[i_] == '0') {
            ++i_;
        } else {
            skipDigits();
        }
        out = t_.substr(from, i_ - from);
        return i_ > digits && i_ - digits <= kMaxDigits;
    }
    bool literal(std::string_view& out) {
        for (const std::string_view word : {"true", "false", "null"}) {
            if (t_.substr(i_, word.size()) == word) {
                out = word;
                i_ += word.size();
                return true;
            }
        }
        return false;
    }

    // Any value of the header: its shape only (nlohmann reads its contents next).
    bool anyValue(int depth) {
        switch (next()) {
        case '{':
            return depth < kMaxDepth && anyMembers(depth);
        case '[':
            return depth < kMaxDepth && anyElements(depth);
        case '"':
            return anyString();
        case 't':
        case 'f':
        case 'n': {
            std::string_view word;
            return literal(word);
        }
        default:
            return anyNumber();
        }
    }

private:
    void skipSpace() {
        while (i_ < t_.size() &&
               (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) {
            ++i_;
        }
    }
    std::size_t skipDigits() {
        const std::size_t from = i_;
        while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') {
            ++i_;
        }
        return i_ - from;
    }
    bool anyString() {
        ++i_; // the opening quote
        for (; i_ < t_.size(); ++i_) {
            const auto c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') {
                ++i_;
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                ++i_; // the escaped character cannot end the string
            }
        }
        return false;
    }
    // JSON's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    bool anyNumber() {
        std::string_view integer;
        if (!plainInteger(integer) &&
            integer.find_first_of("0123456789") == std::string_view::npos) {
            return false;
        }
        if (i_ < t_.size() && t_[i_] == '.' && (++i_, skipDigits() == 0)) {
            return false;
        }
        if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
            ++i_;
            if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) {
                ++i_;
            }
            return skipDigits() > 0;
        }
        return true;
    }
    bool anyMembers(int depth) {
        ++i_;
        if (take('}')) {
            return true;
        }
        do {
            if (next() != '"' || !anyString() || !take(':') || !anyValue(depth + 1)) {
                return false;
            }
        } while (take(','));
        return take('}');
    }
    bool anyElements(int depth) {
        ++i_;
        if (take(']')) {
            return true;
        }
        do {
            if (!anyValue(depth + 1)) {
                return false;
            }
        } while (take(','));
        return take(']');
    }

    std::string_view t_;
    std::size_t i_;
};

// A scalar of an op as it stands in the text: a plain string ('"', its characters), an integer
// ('0', its digits) or a literal ('l', its word).
struct Scalar {
    char kind = 'l';
    std::string_view text;
};

bool plainScalar(Scanner& s, Scalar& out) {
    const char c = s.next();
    if (c == '"') {
        out.kind = '"';
        return s.plainString(out.text);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        out.kind = '0';
        return s.plainInteger(out.text);
    }
    out.kind = 'l';
    return s.literal(out.text);
}

// `j` = the value of `v`, as nlohmann's lexer builds it (a negative integer signed, any other
// unsigned); a string's room is reused.
void assign(nlohmann::json& j, const Scalar& v) {
    const std::string_view t = v.text;
    if (v.kind == '"') {
        if (j.is_string()) {
            j.get_ref<std::string&>().assign(t);
        } else {
            j = std::string(t);
        }
    } else if (v.kind == '0' && t[0] == '-') {
        std::int64_t n = 0;
        std::from_chars(t.data(), t.data() + t.size(), n);
        j = n;
    } else if (v.kind == '0') {
        std::uint64_t n = 0;
        std::from_chars(t.data(), t.data() + t.size(), n);
        j = n;
    } else {
        j = t == "null" ? nlohmann::json() : nlohmann::json(t == "true");
    }
}

// An op's members, at most kMaxMembers (an op has two to five).
constexpr std::size_t kMaxMembers = 16;
struct Members {
    std::array<std::string_view, kMaxMembers> keys;
    std::array<Scalar, kMaxMembers> values;
    std::size_t size = 0;
};

// A flat object of scalars with distinct keys (the '{' next).
bool plainObject(Scanner& s, Members& m) {
    s.take('{');
    m.size = 0;
    if (s.take('}')) {
        return true;
    }
    do {
        std::string_view key;
        if (m.size == kMaxMembers || !s.plainString(key) || !s.take(':')) {
            return false;
        }
        if (std::find(m.keys.begin(), m.keys.begin() + m.size, key) != m.keys.begin() + m.size) {
            return false; // given twice: nlohmann's reading names it
        }
        m.keys[m.size] = key;
        if (!plainScalar(s, m.values[m.size++])) {
            return false;
        }
    } while (s.take(','));
    return s.take('}');
}

// `op` = the object of `m`: the last op's nodes kept when it has the same keys, so a million ops
// of one shape allocate nothing.
void assign(nlohmann::json& op, const Members& m) {
    if (op.is_object() && op.size() == m.size) {
        std::array<nlohmann::json*, kMaxMembers> slots{};
        std::size_t found = 0;
        for (; found < m.size; ++found) {
            const auto it = op.find(m.keys[found]);
            if (it == op.end()) {
                break;
            }
            slots[found] = &*it;
        }
        if (found == m.size) {
            for (std::size_t i = 0; i < m.size; ++i) {
                assign(*slots[i], m.values[i]);
            }
            return;
        }
    }
    op = nlohmann::json::object();
    for (std::size_t i = 0; i < m.size; ++i) {
        assign(op[std::string(m.keys[i])], m.values[i]);
    }
}

// One element of the ops array, into `op` when given.
bool plainElement(Scanner& s, nlohmann::json* op) {
    if (s.next() == '{') {
        Members m;
        if (!plainObject(s, m)) {
            return false;
        }
        if (op) {
            assign(*op, m);
        }
        return true;
    }
    Scalar v;
    if (!plainScalar(s, v)) {
        return false;
    }
    if (op) {
        *op = nlohmann::json();
        assign(*op, v);
    }
    return true;
}

enum class Walk { kRead, kStopped, kNotPlain };

// The ops array from its '[' to its ']', each element read, and handed to `visit` when given;
// `visited` counts the elements handed over.
Walk plainElements(Scanner& s, const PlainOpVisit* visit, std::size_t& visited) {
    if (!s.take('[')) {
        return Walk::kNotPlain;
    }
    if (s.take(']')) {
        return Walk::kRead;
    }
    nlohmann::json op;
    do {
        if (!plainElement(s, visit ? &op : nullptr)) {
            return Walk::kNotPlain;
        }
        if (visit && !(*visit)(op, visited++)) {
            return Walk::kStopped;
        }
    } while (s.take(','));
    return s.take(']') ? Walk::kRead : Walk::kNotPlain;
}

} // namespace

std::optional<PlainOps> findPlainOps(std::string_view text) {
    Scanner s(text);
    if (!s.take('{')) {
        return std::nullopt;
    }
    std::optional<PlainOps> ops;
    if (!s.take('}')) {
        do {
            std::string_view key;
            if (!s.plainString(key) || !s.take(':')) {
                return std::nullopt;
            }
            if (key != "ops") {
                if (!s.anyValue(1)) {
                    return std::nullopt;
                }
                continue;
            }
            std::size_t none = 0;
            const std::size_t begin = s.next() == '[' ? s.at() : 0;
            if (ops || begin == 0 || plainElements(s, nullptr, none) != Walk::kRead) {
                return std::nullopt;
            }
            ops = PlainOps{begin, s.at()};
        } while (s.take(','));
        if (!s.take('}')) {
            return std::nullopt;
        }
    }
    return s.atEnd() ? ops : std::nullopt;
}

PlainWalk walkPlainOps(std::string_view text, const PlainOpVisit& visit) {
    Scanner s(text);
    if (!s.take('{') || s.take('}')) {
        return {0, false};
    }
    do {
        std::string_view key;
        if (!s.plainString(key) || !s.take(':')) {
            return {0, false};
        }
        if (key == "ops") {
            std::size_t visited = 0;
            const Walk w = s.next() == '[' ? plainElements(s, &visit, visited) : Walk::kNotPlain;
            return {visited, w != Walk::kNotPlain};
        }
        if (!s.anyValue(1)) {
            return {0, false};
        }
    } while (s.take(','));
    return {0, false};
}

} // namespace fg
