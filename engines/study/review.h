// Review: spaced repetition with Leitner boxes. Every card sits in box 1..5; a box says how many
// days pass before the card is due again (0, 1, 3, 7, 14). A right answer moves the card up one
// box, a wrong one sends it back to box 1, due again the same day, after the cards not yet
// answered in this session. Deterministic: days are whole numbers passed in by the caller (for
// example a Julian day); nothing here reads a clock.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace fg::study {

enum class Grade {
    Wrong,  // "not yet": back to box 1, due again today
    Partly, // "partly": stays in its box, due again after max(1, the box's interval) days
    Right   // "I knew it": one box up (5 at most), due after the new box's interval
};

struct CardState {
    int box = 1;
    long due = 0;   // the day it is due
    int seen = 0;   // times answered
    int missed = 0; // times answered wrong
    long stamp = 0; // order of the last answer (0: never answered); orders cards due the same day
};

class Review {
public:
    static constexpr int kBoxes = 5;
    // Days before a card in `box` is due again: 0, 1, 3, 7, 14 (box clamped to 1..5).
    static int interval(int box);

    // Adds a new card in box 1, due `today`; a card already known keeps its state.
    void add(const std::string& id, long today);
    bool contains(const std::string& id) const { return cards_.count(id) != 0; }
    const CardState* state(const std::string& id) const;
    // Replaces a card's state (a loaded one); box and counts are clamped to valid values.
    void setState(const std::string& id, CardState s);
    void remove(const std::string& id);
    std::size_t size() const { return cards_.size(); }

    // The cards due on `today` (due day <= today): most overdue first, then never answered or
    // answered longest ago, then in the order they were added.
    std::vector<std::string> due(long today) const;
    int dueCount(long today) const;

    // Records an answer given on `today`. Unknown ids are ignored (returns false).
    bool answer(const std::string& id, Grade grade, long today);

    // {"cards": {"<id>": {"box":1,"due":0,"seen":0,"missed":0,"stamp":0}, ...}}
    nlohmann::json toJson() const;
    // Reads what toJson wrote. Entries that are not valid are skipped and named in `problems`;
    // never throws.
    static Review fromJson(const nlohmann::json& j, std::vector<std::string>* problems = nullptr);

private:
    struct Entry {
        CardState s;
        long added = 0;
    };
    std::map<std::string, Entry> cards_;
    long nextAdded_ = 0;
    long lastStamp_ = 0;
};

} // namespace fg::study
