// fieldguide export SCENARIO.json --out FILE [--format png|svg|pdf] [--width W] [--height H]
//                  [--scale S] [--theme light|dark|projector] [--step N]
// fieldguide export --chapter ID --out DIR [--format ...] [--theme ...] [--width W] [--height H]
//                  [--scale S]
// Renders a scenario's live diagram as it stands after step N, numbered as the app numbers its
// steps ("Step N of M"; 0 is the start, before any step; default: the last), through the
// same frame painter the screen uses, into FILE via picture export (no partial file on failure);
// or every diagram of a chapter (its live diagrams in their default scenarios, and its drawn
// figures) into DIR, one file each, with a progress line per file on stderr.
#pragma once

#include <string>
#include <vector>

namespace fg::app {

// REQUIRES: a QApplication exists. Returns the contract's exit status.
int exportCommand(const std::vector<std::string>& args);

} // namespace fg::app
