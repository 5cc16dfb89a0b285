#include "scenario/json_text.h"

#include <algorithm>

namespace fg {

Status parseJsonText(const std::string& text, const std::string& source, nlohmann::json& out) {
    try {
        out = nlohmann::json::parse(text);
        return Status::ok();
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann reports the byte after the offending one; count lines and columns up to it.
        const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i < at; ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++col; // count characters, not UTF-8 continuation bytes
            }
        }
        // Keep the parser's own words ("unexpected ']'; expected '}'"), not its prefix.
        std::string what = e.what();
        if (const auto p = what.find("syntax error while parsing "); p != std::string::npos) {
            if (const auto d = what.find(" - ", p); d != std::string::npos) {
                what = what.substr(d + 3);
            }
        } else if (const auto q = what.find("] "); q != std::string::npos) {
            what = what.substr(q + 2);
        }
        return Status::error(source + ":" + std::to_string(line) + ":" + std::to_string(col),
                             "invalid JSON: " + what);
    }
}

} // namespace fg
