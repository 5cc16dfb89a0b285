#include "engines/scenario/json_text.h"

#include <algorithm>
#include <functional>
#include <set>
#include <vector>

namespace fg {

std::string textPlace(std::string_view text, std::size_t at) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col; // count characters, not UTF-8 continuation bytes
        }
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

namespace {

std::string placeOf(const std::string& text, std::size_t at, const std::string& source) {
    return source + ":" + textPlace(text, at);
}

} // namespace

// Finds the first key given twice in one object, as the parser reports keys and values: a file
// means one thing, and nlohmann would silently keep the last of two values.
class DuplicateKeys {
public:
    bool operator()(int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (event) {
        case E::object_start:
        case E::array_start:
            frames_.push_back({event == E::object_start, {}, {}, 0});
            break;
        case E::key:
            if (!frames_.empty()) {
                Frame& top = frames_.back();
                top.key = parsed.get<std::string>();
                if (!top.keys.insert(top.key).second && found_.empty()) {
                    found_ = pathTo(frames_.size());
                    found_ += "/" + top.key;
                }
            }
            break;
        case E::object_end:
        case E::array_end:
            frames_.pop_back();
            [[fallthrough]];
        case E::value:
            if (!frames_.empty() && !frames_.back().object) {
                ++frames_.back().index;
            }
            break;
        }
        return true;
    }
    // The JSON path of the first key given twice ("/params/order"), or "" when there is none.
    const std::string& found() const { return found_; }

private:
    struct Frame {
        bool object;
        std::set<std::string> keys;
        std::string key;
        std::size_t index;
    };
    // The path of the container at depth `depth` (frames_[depth - 1]).
    std::string pathTo(std::size_t depth) const {
        std::string path;
        for (std::size_t i = 0; i + 1 < depth; ++i) {
            path += "/";
            path += frames_[i].object ? frames_[i].key : std::to_string(frames_[i].index);
        }
        return path;
    }
    std::vector<Frame> frames_;
    std::string found_;
};

Status parseJsonText(const std::string& text, const std::string& source, nlohmann::json& out) {
    try {
        DuplicateKeys duplicates;
        out = nlohmann::json::parse(text, std::ref(duplicates));
        if (!duplicates.found().empty()) {
            out = nullptr;
            return Status::error(source + ": " + duplicates.found(),
                                 "this key is given twice in one object: a file means one thing, "
                                 "so each key may appear once");
        }
        return Status::ok();
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann reports the byte after the offending one; count lines and columns up to it.
        const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        // Keep the parser's own words ("unexpected ']'; expected '}'"), not its prefix.
        std::string what = e.what();
        if (const auto p = what.find("syntax error while parsing "); p != std::string::npos) {
            if (const auto d = what.find(" - ", p); d != std::string::npos) {
                what = what.substr(d + 3);
            }
        } else if (const auto q = what.find("] "); q != std::string::npos) {
            what = what.substr(q + 2);
        }
        return Status::error(placeOf(text, at, source), "invalid JSON: " + what);
    } catch (const nlohmann::json::exception& e) {
        // The parser's other error: a number too large for a double ("1e400": out_of_range 406,
        // "number overflow parsing '1e400'"). It has no byte offset; it is placed where that
        // number first appears.
        std::string what = e.what();
        if (const auto q = what.find("] "); q != std::string::npos) {
            what = what.substr(q + 2);
        }
        std::size_t at = 0;
        if (const auto open = what.find('\''); open != std::string::npos) {
            const auto close = what.find('\'', open + 1);
            const std::string token = what.substr(open + 1, close - open - 1);
            at = token.empty() ? std::string::npos : text.find(token);
        }
        return Status::error(at == std::string::npos ? source : placeOf(text, at, source),
                             "invalid JSON: " + what);
    }
}

} // namespace fg
