// The content fuzz target: the course's chapter files (content/chapters/*.json), read the way the
// app reads them, then everything a reader of the chapter would make the app do. Apart from
// fuzz_targets.h because it needs Qt (a QGuiApplication on the offscreen platform, created on the
// first call unless one exists); the engine targets stay Qt-free.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fg::fuzz {

// The bytes as one chapter file: the loader's size cap and JSON parse (parseContentJson), the
// validator (as a chapter, and as index.json); a chapter that validates is then turned into the
// reader's HTML (whole chapter, each section as a slide, laid out in a QTextDocument) and its
// search index, and every figure is laid out and painted into a 320x240 image with the light
// theme. A chapter that fails gets the reader's error page.
int content(const std::uint8_t* data, std::size_t size);

} // namespace fg::fuzz
