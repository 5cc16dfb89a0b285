#include "engines/practice/practice_session.h"

#include "engines/core/rng.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

namespace fg::practice {

namespace {

using json = nlohmann::json;

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) {
        out += (out.empty() ? "" : sep) + s;
    }
    return out;
}

// Whole numbers as they are; others to two decimals, as a student writes them and grade()
// takes them (15.83 for 15.8333...), without trailing zeros (7.5, not 7.50).
std::string numberText(const json& v) {
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d == std::floor(d) && std::fabs(d) < 1e15) {
            return json(static_cast<std::int64_t>(d)).dump();
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2f", d);
        std::string s = buf;
        while (s.back() == '0') {
            s.pop_back();
        }
        if (s.back() == '.') {
            s.pop_back();
        }
        return s == "-0" ? "0" : s;
    }
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string listText(const json& list) {
    std::vector<std::string> items;
    for (const auto& v : list) {
        items.push_back(numberText(v));
    }
    return items.empty() ? "none" : joined(items, ", ");
}

std::string fieldText(const AnswerField& f, const json& v) {
    using Kind = AnswerField::Kind;
    switch (f.kind) {
    case Kind::Number:
        return numberText(v);
    case Kind::Choice:
        if (f.numeric && v.is_number_integer() && v.get<std::int64_t>() >= 0 &&
            v.get<std::size_t>() < f.options.size()) {
            return f.options[v.get<std::size_t>()];
        }
        return numberText(v);
    case Kind::NumberList:
    case Kind::WordList:
        return listText(v);
    case Kind::PerMember: {
        std::vector<std::string> lines;
        for (const auto& [member, parts] : v.items()) {
            lines.push_back(member + ": " + listText(parts));
        }
        return joined(lines, "\n");
    }
    case Kind::Tree:
        return treeText(v);
    case Kind::Buckets: {
        std::vector<std::string> lines;
        for (const auto& b : v) {
            lines.push_back(numberText(b[0]) + " -> " + numberText(b[1]));
        }
        return joined(lines, "\n");
    }
    }
    return v.dump();
}

// ---- the tree notation ----

struct TreeReader {
    std::string_view text;
    std::size_t at = 0;
    std::string error;

    void skip() {
        while (at < text.size() &&
               (std::isspace(static_cast<unsigned char>(text[at])) || text[at] == ',')) {
            ++at;
        }
    }
    bool fail(const std::string& what) {
        if (error.empty()) {
            error = what + " at character " + std::to_string(at + 1);
        }
        return false;
    }
    bool expect(char c) {
        skip();
        if (at < text.size() && text[at] == c) {
            ++at;
            return true;
        }
        return fail(std::string("expected \"") + c + "\"");
    }
    bool number(std::int64_t& out) {
        const std::size_t from = at;
        if (at < text.size() && text[at] == '-') {
            ++at;
        }
        while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
            ++at;
        }
        if (at == from || (at == from + 1 && text[from] == '-') || at - from > 18) {
            at = from;
            return fail("expected a whole number");
        }
        out = std::stoll(std::string(text.substr(from, at - from)));
        return true;
    }
    bool node(json& out, int depth) {
        if (depth > 64) {
            return fail("the tree is nested too deep");
        }
        out = {{"keys", json::array()}, {"children", json::array()}};
        if (!expect('[')) {
            return false;
        }
        for (skip(); at < text.size() && text[at] != ']'; skip()) {
            std::int64_t k = 0;
            if (!number(k)) {
                return false;
            }
            out["keys"].push_back(k);
        }
        if (!expect(']')) {
            return false;
        }
        skip();
        if (at < text.size() && text[at] == '(') {
            ++at;
            for (skip(); at < text.size() && text[at] != ')'; skip()) {
                json child;
                if (!node(child, depth + 1)) {
                    return false;
                }
                out["children"].push_back(std::move(child));
            }
            return expect(')');
        }
        return true;
    }
};

} // namespace

std::vector<Topic> topics() {
    static const Topic all[] = {{"hashslot", "Redis Cluster"},
                                {"kafka", "Kafka"},
                                {"btree", "B-Tree (textbook: keys in every node)"},
                                {"lsm", "LSM-tree"},
                                {"downsample", "Time series"}};
    std::vector<Topic> out;
    for (const Topic& t : all) {
        if (!typesOf(t.id).empty()) {
            out.push_back(t);
        }
    }
    out.push_back({"mixed", "All topics, mixed"});
    return out;
}

std::vector<const ExerciseType*> typesOf(std::string_view topic) {
    std::vector<const ExerciseType*> out;
    for (const auto& t : exerciseTypes()) {
        if (topic == "mixed" || topic == t.engine) {
            out.push_back(&t);
        }
    }
    return out;
}

std::string typeId(const ExerciseType& t) {
    return std::string(t.engine) + "/" + t.type;
}

const ExerciseType* findTypeId(std::string_view id) {
    const auto slash = id.find('/');
    return slash == std::string_view::npos
               ? nullptr
               : findExerciseType(id.substr(0, slash), id.substr(slash + 1));
}

std::vector<Exercise> makeSession(const std::vector<const ExerciseType*>& types, Level level,
                                  int count, std::uint64_t seed) {
    std::vector<const ExerciseType*> order = types;
    Rng r(seed);
    for (std::size_t i = order.size(); i > 1; --i) { // Fisher-Yates, the same on every machine
        const auto j = static_cast<std::size_t>(r.uniform(0, static_cast<std::int64_t>(i) - 1));
        std::swap(order[i - 1], order[j]);
    }
    std::vector<Exercise> out;
    count = std::clamp(count, 1, kMaxSessionCount);
    for (int i = 0; i < count && !order.empty(); ++i) {
        out.push_back(order[static_cast<std::size_t>(i) % order.size()]->make(
            seed + static_cast<std::uint64_t>(i), level));
    }
    return out;
}

std::string answerText(const Exercise& e) {
    std::vector<std::string> lines;
    for (const auto& f : e.fields) {
        const std::string text = fieldText(f, e.answer[f.name]);
        lines.push_back(f.label + (text.find('\n') == std::string::npos ? ": " : ":\n") + text);
    }
    return joined(lines, "\n");
}

std::string treeText(const nlohmann::json& tree) {
    std::vector<std::string> keys, children;
    if (const auto k = tree.find("keys"); k != tree.end()) {
        for (const auto& v : *k) {
            keys.push_back(v.dump());
        }
    }
    if (const auto c = tree.find("children"); c != tree.end()) {
        for (const auto& child : *c) {
            children.push_back(treeText(child));
        }
    }
    std::string out = "[" + joined(keys, " ") + "]";
    return children.empty() ? out : out + " (" + joined(children, " ") + ")";
}

std::optional<nlohmann::json> parseTreeText(std::string_view text, std::string& error) {
    if (text.size() > 100'000) {
        error = "the tree is longer than 100,000 characters";
        return std::nullopt;
    }
    TreeReader r{text, 0, {}};
    json tree;
    if (r.node(tree, 0)) {
        r.skip();
        if (r.at == text.size()) {
            return tree;
        }
        r.fail("unexpected text after the tree");
    }
    error = r.error;
    return std::nullopt;
}

} // namespace fg::practice
