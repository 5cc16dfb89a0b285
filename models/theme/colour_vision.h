// Colour as readers with a colour-vision deficiency see it, and how far apart two colours look:
// the arithmetic behind the checks that no two colours the drawings put side by side look alike
// to them (tests) and behind the palette safe for them (Theme::safeForColourVision).
#pragma once

#include <QColor>
#include <array>

namespace fg {

enum class ColourVision { Normal, Protanopia, Deuteranopia, Tritanopia };
inline constexpr std::array<ColourVision, 3> kColourVisionDeficiencies = {
    ColourVision::Protanopia, ColourVision::Deuteranopia, ColourVision::Tritanopia};

// CIELAB (D65): L* 0..100, a*, b*.
using Lab = std::array<double, 3>;

// `c` as a reader with deficiency `v` sees it (severity 1: the cone type missing), in CIELAB.
// Normal returns c's own Lab.
Lab labAsSeen(const QColor& c, ColourVision v);
// The CIE76 distance (Euclidean in Lab): ~2.3 is just noticeable.
double cie76(const Lab& a, const Lab& b);
// The CIEDE2000 distance (Sharma, Wu & Dalal 2005's formulation): ~1 is just noticeable.
double ciede2000(const Lab& a, const Lab& b);

} // namespace fg
