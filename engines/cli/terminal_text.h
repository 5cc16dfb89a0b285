// Text from the input (a key, an option, an engine name) that reaches a terminal inside an error
// message: control bytes and bytes that are not UTF-8 are shown escaped ("\x1b"), so input cannot
// send escape sequences to the user's terminal (change its title, colours, or what it shows).
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace fg::cli {

// `text` with every C0 control byte but '\n' and '\t', DEL, C1 controls (U+0080..U+009F) and
// every byte that is not part of valid UTF-8 written as \xNN; valid UTF-8 is kept as it is.
std::string printable(std::string_view text);

// A stream that writes printable() of what it is given to `target`, a line at a time.
class PrintableStream : public std::ostream {
public:
    explicit PrintableStream(std::ostream& target);
    ~PrintableStream() override;

private:
    class Buffer : public std::streambuf {
    public:
        explicit Buffer(std::ostream& target) : target_(target) {}
        int_type overflow(int_type c) override;
        int sync() override;

    private:
        std::ostream& target_;
        std::string line_;
    };
    Buffer buffer_;
};

} // namespace fg::cli
