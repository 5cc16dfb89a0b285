#include "engines/scenario/json_text.h"

#include "engines/scenario/json_plain.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
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
// What it builds (Part): the whole document; or the header alone, each element of the top-level
// "ops" array left out (the keys still checked); or each such element alone, handed to `onOp` as
// a document of its own, the rest built nowhere.
class DuplicateKeysSax {
public:
    using json = nlohmann::json;
    using Dom = nlohmann::detail::json_sax_dom_parser<json>;
    enum class Part { kWhole, kHeader, kOps };
    using OnOp = std::function<bool(json& op, std::size_t index)>;

    explicit DuplicateKeysSax(json& out, Part part = Part::kWhole, OnOp onOp = {})
        : part_(part), onOp_(std::move(onOp)), dom_(out, true) {}

    bool null() {
        return scalar([](Dom& d) { return d.null(); });
    }
    bool boolean(bool v) {
        return scalar([&](Dom& d) { return d.boolean(v); });
    }
    bool number_integer(json::number_integer_t v) {
        return scalar([&](Dom& d) { return d.number_integer(v); });
    }
    bool number_unsigned(json::number_unsigned_t v) {
        return scalar([&](Dom& d) { return d.number_unsigned(v); });
    }
    bool number_float(json::number_float_t v, const json::string_t& s) {
        return scalar([&](Dom& d) { return d.number_float(v, s); });
    }
    bool string(json::string_t& v) {
        return scalar([&](Dom& d) { return d.string(v); });
    }
    bool binary(json::binary_t& v) {
        return scalar([&](Dom& d) { return d.binary(v); });
    }
    bool start_object(std::size_t n) {
        const bool opStarts = atOpElement();
        frames_.push_back({true, {}, {}, {}, 0});
        Dom* d = target(opStarts);
        return d ? d->start_object(n) : true;
    }
    bool key(json::string_t& k) {
        Frame& top = frames_.back();
        top.key = k;
        if (frames_.size() == 1) {
            rootKeyIsOps_ = top.object && k == "ops";
        }
        if (part_ != Part::kOps && !top.addKey(k) && found_.empty()) {
            found_ = pathTo(frames_.size()) + "/" + k;
        }
        Dom* d = target(false);
        return d ? d->key(k) : true;
    }
    bool end_object() {
        Dom* d = target(false);
        frames_.pop_back();
        return ended(d ? d->end_object() : true);
    }
    bool start_array(std::size_t n) {
        const bool opStarts = atOpElement();
        frames_.push_back({false, {}, {}, {}, 0});
        Dom* d = target(opStarts);
        return d ? d->start_array(n) : true;
    }
    bool end_array() {
        Dom* d = target(false);
        frames_.pop_back();
        return ended(d ? d->end_array() : true);
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
        std::vector<std::string> few; // an object's keys: a list while short (an op's two or
        std::set<std::string> many;   // three), then a set, so a huge object stays fast
        std::string key;
        std::size_t index;
        // False when the object holds `k` already.
        bool addKey(const std::string& k) {
            if (many.empty() && few.size() < 8) {
                if (std::find(few.begin(), few.end(), k) != few.end()) {
                    return false;
                }
                few.push_back(k);
                return true;
            }
            if (many.empty()) {
                many.insert(few.begin(), few.end());
            }
            return many.insert(k).second;
        }
    };
    // Whether the value about to start is an element of the top-level "ops" array.
    bool atOpElement() const { return frames_.size() == 2 && rootKeyIsOps_ && !frames_[1].object; }
    // Whether the innermost open container lies inside an element of the ops array.
    bool insideOp() const { return frames_.size() > 2 && rootKeyIsOps_ && !frames_[1].object; }
    // The builder of the event now: the document's, an op's (a new one when `opStarts`), or none.
    Dom* target(bool opStarts) {
        const bool inOp = opStarts || insideOp();
        if (part_ == Part::kWhole || (part_ == Part::kHeader && !inOp)) {
            return &dom_;
        }
        if (part_ == Part::kHeader || !inOp) {
            return nullptr;
        }
        if (opStarts) {
            op_ = json();
            opDom_.emplace(op_, true);
        }
        return &*opDom_;
    }
    template <class Event>
    bool scalar(Event&& event) {
        const bool op = atOpElement();
        Dom* d = target(op);
        return ended(d ? event(*d) : true, op);
    }
    // A value ended: the next one in an array has the next index; an op handed over when whole.
    bool ended(bool ok, bool opEnded = false) {
        opEnded = opEnded || (part_ == Part::kOps && opDom_ && frames_.size() == 2 &&
                              rootKeyIsOps_ && !frames_[1].object);
        if (ok && opEnded && part_ == Part::kOps) {
            opDom_.reset();
            ok = onOp_(op_, frames_.back().index);
        }
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
    Part part_;
    OnOp onOp_;
    Dom dom_;
    json op_;
    std::optional<Dom> opDom_;
    std::vector<Frame> frames_;
    bool rootKeyIsOps_ = false; // the root is an object and its key now is "ops"
    std::string found_;
};

namespace {

Status parseAs(const std::string& text, const std::string& source, nlohmann::json& out,
               DuplicateKeysSax::Part part) {
    try {
        nlohmann::json parsed;
        DuplicateKeysSax duplicates(parsed, part);
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

} // namespace

Status parseJsonText(const std::string& text, const std::string& source, nlohmann::json& out) {
    return parseAs(text, source, out, DuplicateKeysSax::Part::kWhole);
}

// Plain text (json_plain.h) is read quickly: its header alone by nlohmann, the ops spliced out.
// Should nlohmann refuse that header, the whole text is read again so that its message names the
// place in the text itself.
Status parseJsonHeader(const std::string& text, const std::string& source, nlohmann::json& header) {
    if (const auto ops = findPlainOps(text)) {
        std::string spliced;
        spliced.reserve(text.size() - (ops->end - ops->begin) + 2);
        spliced.append(text, 0, ops->begin).append("[]").append(text, ops->end);
        nlohmann::json parsed;
        if (parseAs(spliced, source, parsed, DuplicateKeysSax::Part::kWhole)) {
            header = std::move(parsed);
            return Status::ok();
        }
    }
    return parseAs(text, source, header, DuplicateKeysSax::Part::kHeader);
}

Status forEachJsonOp(const std::string& text, const JsonOpVisit& visit) {
    Status result;
    const PlainWalk plain = walkPlainOps(text, [&](const nlohmann::json& op, std::size_t index) {
        result = visit(op, index);
        return static_cast<bool>(result);
    });
    if (plain.done) {
        return result;
    }
    // From the first op that is not plain on, nlohmann reads them.
    nlohmann::json unused;
    DuplicateKeysSax ops(unused, DuplicateKeysSax::Part::kOps,
                         [&](nlohmann::json& op, std::size_t index) {
                             if (index < plain.visited) {
                                 return true;
                             }
                             result = visit(op, index);
                             return static_cast<bool>(result);
                         });
    nlohmann::json::sax_parse(text, &ops);
    return result;
}

} // namespace fg
