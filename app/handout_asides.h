// A handout's boxes at the side of the text (notes, callouts, quotes) around a tall figure or a
// live diagram's card that went whole to the next page, leaving a quarter of a page or more
// empty: the box right before it goes after it when the tall thing then fits where the box was
// (the Redis chapter's "Exactly which bytes are hashed" before the hash slots' card), as a print
// layout moves a side note past a figure rather than leave half a page empty. A box right after
// a tall thing stays after it: it speaks of what it follows.
#pragma once

class QTextDocument;

namespace fg {

// REQUIRES: `doc` paginated by keepTogether. Moves one such box, and paginates `doc` again;
// returns false (and leaves `doc` as it was) when there is none that fills a room.
bool moveAnAsideIntoAnEmptyRoom(QTextDocument& doc);

} // namespace fg
