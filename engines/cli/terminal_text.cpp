#include "engines/cli/terminal_text.h"

namespace fg::cli {

namespace {

// The length of the valid UTF-8 sequence starting at text[i] (1 to 4), or 0 when it is not one
// (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short).
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = b(0);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the allowed range of the second byte
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + n > text.size() || b(1) < lo || b(1) > hi) {
        return 0;
    }
    for (std::size_t k = 2; k < n; ++k) {
        if (b(k) < 0x80 || b(k) > 0xBF) {
            return 0;
        }
    }
    return n;
}

void appendEscaped(std::string& out, unsigned char c) {
    static const char* const kHex = "0123456789abcdef";
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
}

} // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8Length(text, i);
        const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (n == 0 || c1 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            appendEscaped(out, c);
            ++i;
            continue;
        }
        out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

PrintableStream::PrintableStream(std::ostream& target) : std::ostream(&buffer_), buffer_(target) {}

PrintableStream::~PrintableStream() {
    buffer_.pubsync();
}

PrintableStream::Buffer::int_type PrintableStream::Buffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) {
        return traits_type::not_eof(c);
    }
    line_ += traits_type::to_char_type(c);
    if (c == '\n') {
        return sync() == 0 ? c : traits_type::eof();
    }
    return c;
}

int PrintableStream::Buffer::sync() {
    if (!line_.empty()) {
        target_ << printable(line_);
        line_.clear();
    }
    target_.flush();
    return target_ ? 0 : -1;
}

} // namespace fg::cli
