#include "engines/scenario/json_text.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
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

// Why `text` cannot be a JSON text at all, said plainly (an empty file, a picture or a program
// opened by mistake, UTF-16), or empty. The parser said "1:1: invalid JSON: invalid literal;
// last read: '\x89'" of a PNG file.
std::string notJsonText(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return "it is empty: JSON text was expected (a scenario is an object such as "
               "{ \"engine\": \"btree\", \"ops\": [] })";
    }
    if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0) {
        return "this file is UTF-16 text: save it as UTF-8 (JSON text is read as UTF-8)";
    }
    // A text starts with a character (or UTF-8's byte order mark) and holds no zero byte.
    const auto lead = static_cast<unsigned char>(text[first]);
    const bool utf8Bom = text.rfind("\xEF\xBB\xBF", 0) == 0;
    const std::size_t bad =
        lead < 0x20 || lead == 0x7F || (lead >= 0x80 && !utf8Bom) ? first : text.find('\0');
    if (bad == std::string::npos) {
        return {};
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    return "this is not a text file (byte " + std::to_string(bad + 1) + " is " + hex +
           "): JSON text was expected. Is this the right file?";
}

} // namespace

// Builds the document as nlohmann's own parser does (its SAX DOM builder) and finds the first key
// given twice in one object on the way: a file means one thing, and nlohmann would silently keep
// the last of two values. (nlohmann's parser with a callback, which did this before, searches
// the whole parent for a discarded value at the end of every object: a file of 500,000 ops took
// 45 s to read, growing with the square of its size.)
class DuplicateKeysSax {
public:
    using json = nlohmann::json;
    explicit DuplicateKeysSax(json& out) : dom_(out, true) {}

    bool null() { return counted(dom_.null()); }
    bool boolean(bool v) { return counted(dom_.boolean(v)); }
    bool number_integer(json::number_integer_t v) { return counted(dom_.number_integer(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return counted(dom_.number_unsigned(v)); }
    bool number_float(json::number_float_t v, const json::string_t& s) {
        return counted(dom_.number_float(v, s));
    }
    bool string(json::string_t& v) { return counted(dom_.string(v)); }
    bool binary(json::binary_t& v) { return counted(dom_.binary(v)); }
    bool start_object(std::size_t n) {
        frames_.push_back({true, {}, {}, 0});
        return dom_.start_object(n);
    }
    bool key(json::string_t& k) {
        Frame& top = frames_.back();
        top.key = k;
        if (!top.keys.insert(k).second && found_.empty()) {
            found_ = pathTo(frames_.size()) + "/" + k;
        }
        return dom_.key(k);
    }
    bool end_object() {
        frames_.pop_back();
        return counted(dom_.end_object());
    }
    bool start_array(std::size_t n) {
        frames_.push_back({false, {}, {}, 0});
        return dom_.start_array(n);
    }
    bool end_array() {
        frames_.pop_back();
        return counted(dom_.end_array());
    }
    template <class Exception>
    bool parse_error(std::size_t at, const std::string& token, const Exception& e) {
        return dom_.parse_error(at, token, e); // throws it, as json::parse does
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
    // A value ended: the next one in an array has the next index.
    bool counted(bool ok) {
        if (!frames_.empty() && !frames_.back().object) {
            ++frames_.back().index;
        }
        return ok;
    }
    // The path of the container at depth `depth` (frames_[depth - 1]).
    std::string pathTo(std::size_t depth) const {
        std::string path;
        for (std::size_t i = 0; i + 1 < depth; ++i) {
            path += "/";
            path += frames_[i].object ? frames_[i].key : std::to_string(frames_[i].index);
        }
        return path;
    }
    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::vector<Frame> frames_;
    std::string found_;
};

Status parseJsonText(const std::string& text, const std::string& source, nlohmann::json& out) {
    try {
        nlohmann::json parsed;
        DuplicateKeysSax duplicates(parsed);
        nlohmann::json::sax_parse(text, &duplicates);
        if (!duplicates.found().empty()) {
            out = nullptr;
            return Status::error(source + ": " + duplicates.found(),
                                 "this key is given twice in one object: a file means one thing, "
                                 "so each key may appear once");
        }
        out = std::move(parsed);
        return Status::ok();
    } catch (const nlohmann::json::parse_error& e) {
        if (const std::string why = notJsonText(text); !why.empty()) {
            return Status::error(source, why);
        }
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
