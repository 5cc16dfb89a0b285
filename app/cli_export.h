// fieldguide export SCENARIO.json --out FILE [--format png|svg|pdf] [--width W] [--height H]
//                  [--scale S] [--theme light|dark|projector] [--step N]
// Renders a scenario's live diagram as it stands after step N (default: the last) through the
// same frame painter the screen uses, into FILE via picture export (no partial file on failure).
// This version draws the B-Tree; other engines' diagrams arrive with their views, and say so.
#pragma once

#include <string>
#include <vector>

namespace fg::app {

// REQUIRES: a QGuiApplication exists. Returns the contract's exit status.
int exportCommand(const std::vector<std::string>& args);

} // namespace fg::app
