#include "models/theme/theme.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fg {

namespace {

// Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
// deficiencies.
constexpr std::array<QRgb, 8> kOkabeIto = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                           0x56B4E9, 0xD55E00, 0xF0E442, 0x999999};

// The outlines of tones a..g on a white page (Light, Projector): each Okabe-Ito hue at the
// lightness and chroma, found by search, that keeps the seven at least 11 apart (CIEDE2000) to
// protanopes, deuteranopes and tritanopes, 3:1 against white, and the first three (the Redis
// masters' histogram bars) 40 apart in CIELAB (tests/app/test_contrast). The tones moved just to
// 3:1 (the orange to #c48700, the yellow to #9c942b) were 1.9 apart to a protanope: seven
// consumers or cluster nodes side by side had two outlines alike. The orange's outline comes out
// amber, the yellow's dark olive. Tone h (grey) is moved to 3:1 as before. On Dark's ground the
// tones themselves stand apart.
constexpr std::array<QRgb, 7> kOutlinesOnWhite = {0x035e94, 0x996a0c, 0x5a8975, 0xb3859d,
                                                  0x1a98cf, 0xce7c4a, 0x3b3800};

std::array<QColor, 8> outlinesOnWhite() {
    std::array<QColor, 8> c; // tone h: invalid, moved to 3:1 by toneStroke
    for (std::size_t i = 0; i < kOutlinesOnWhite.size(); ++i) {
        c[i] = QColor::fromRgb(kOutlinesOnWhite[i]);
    }
    return c;
}

std::array<QColor, 8> okabeIto() {
    std::array<QColor, 8> c;
    for (std::size_t i = 0; i < c.size(); ++i) {
        c[i] = QColor::fromRgb(kOkabeIto[i]);
    }
    return c;
}

QColor mix(const QColor& a, const QColor& b, qreal t) {
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// `color` if it reaches `least` against `background`; else the same hue moved towards black (or
// white, on a dark background) just far enough that it does. One of the two reaches 4.58:1
// against any colour; on a mid-grey neither may reach 7:1, and the better one is the best there
// is.
QColor withContrast(const QColor& color, const QColor& background, qreal least) {
    const qreal need = least + 0.05; // a margin for rounding to 8-bit channels
    if (!color.isValid() || !background.isValid() || contrastRatio(color, background) >= need) {
        return color;
    }
    const QColor black(Qt::black), white(Qt::white);
    const QColor target =
        contrastRatio(black, background) >= contrastRatio(white, background) ? black : white;
    for (int step = 1; step <= 20; ++step) {
        const QColor c = mix(color, target, step / 20.0);
        if (contrastRatio(c, background) >= need) {
            return c;
        }
    }
    return target;
}

// Which categorical tone `tone` is ("a".."h": 0..7), or -1.
int categoricalIndex(const QString& tone) {
    return tone.size() == 1 && tone[0] >= QLatin1Char('a') && tone[0] <= QLatin1Char('h')
               ? tone[0].unicode() - 'a'
               : -1;
}

} // namespace

Theme Theme::light() {
    Theme t;
    t.kind = Kind::Light;
    t.background = QColor::fromRgb(0xffffffu);
    t.surface = QColor::fromRgb(0xf4f6f8u);
    t.text = QColor::fromRgb(0x1b1f23u);
    t.mutedText = QColor::fromRgb(0x57606au);
    t.line = QColor::fromRgb(0x57606au);
    // Marks and links sit on the tinted fills of callouts and panels too: these are dark enough
    // for 4.5:1 on every toneFill (tests/app/test_contrast.cpp). Good, bad and warn (and the
    // accent) stand apart for readers with a colour-vision deficiency too: the vermillion and
    // amber of before were one colour to a deuteranope (tests/models/test_colour_vision.cpp).
    t.accent = QColor::fromRgb(0x006ba7u);
    t.good = QColor::fromRgb(0x005c52u);
    t.bad = QColor::fromRgb(0xad4600u);
    t.warn = QColor::fromRgb(0x714c32u);
    t.tip = QColor::fromRgb(0x006ba7u);
    t.codeBackground = QColor::fromRgb(0xf0f2f4u);
    t.highlight = QColor::fromRgb(0xffd33du);
    t.categorical = okabeIto();
    t.categoricalStroke = outlinesOnWhite();
    t.series = {QColor::fromRgb(0x0072b2u), QColor::fromRgb(0xb35900u), QColor::fromRgb(0x0b3b2eu)};
    return t;
}

Theme Theme::dark() {
    Theme t;
    t.kind = Kind::Dark;
    t.background = QColor::fromRgb(0x1e2227u);
    t.surface = QColor::fromRgb(0x2a2f36u);
    t.text = QColor::fromRgb(0xe6e8ebu);
    t.mutedText = QColor::fromRgb(0xa8b0b9u);
    t.line = QColor::fromRgb(0xa8b0b9u);
    t.accent = QColor::fromRgb(0x5ab6eau);
    t.good = QColor::fromRgb(0x1fe791u);
    t.bad = QColor::fromRgb(0xff8e51u);
    t.warn = QColor::fromRgb(0xffcb00u);
    t.tip = QColor::fromRgb(0x5ab6eau);
    t.codeBackground = QColor::fromRgb(0x262b31u);
    t.highlight = QColor::fromRgb(0x7a6000u); // light text on it at 4.5:1 (a highlighted row)
    t.categorical = okabeIto();
    t.series = {QColor::fromRgb(0x56b4e9u), QColor::fromRgb(0xe69f00u), QColor::fromRgb(0xb8f0c8u)};
    return t;
}

Theme Theme::projector() {
    Theme t;
    t.kind = Kind::Projector;
    t.background = QColor::fromRgb(0xffffffu);
    t.surface = QColor::fromRgb(0xffffffu);
    t.text = QColor::fromRgb(0x000000u);
    t.mutedText = QColor::fromRgb(0x222222u);
    t.line = QColor::fromRgb(0x000000u);
    t.accent = QColor::fromRgb(0x004f7cu);
    t.good = QColor::fromRgb(0x002809u);
    t.bad = QColor::fromRgb(0x71363eu);
    t.warn = QColor::fromRgb(0x574e00u);
    t.tip = QColor::fromRgb(0x004f7cu);
    t.codeBackground = QColor::fromRgb(0xf2f2f2u);
    t.highlight = QColor::fromRgb(0xffe14du);
    t.categorical = okabeIto();
    t.categoricalStroke = outlinesOnWhite();
    t.series = {QColor::fromRgb(0x005a8cu), QColor::fromRgb(0x9a4a00u), QColor::fromRgb(0x002c20u)};
    t.lineWidth = 3.0;
    t.fontScale = 1.35;
    return t;
}

Theme Theme::withSafeColours(Theme t) {
    // Found by search: the green, red and amber of each theme whose closest pair (the accent
    // too) stands furthest apart under protanopia, deuteranopia and tritanopia, keeping the
    // marks' contrast (4.5:1, 7:1 in Projector) on the page and on every tone's fill.
    switch (t.kind) {
    case Kind::Light:
        t.good = QColor::fromRgb(0x002d00u);
        t.bad = QColor::fromRgb(0x8d1c38u);
        t.warn = QColor::fromRgb(0x7b6500u);
        break;
    case Kind::Dark:
        t.good = QColor::fromRgb(0xa2fddbu);
        t.bad = QColor::fromRgb(0xf89b93u);
        t.warn = QColor::fromRgb(0xc6bb0du);
        break;
    case Kind::Projector: // 7:1 leaves little room: olive, brown and navy, apart by lightness
        t.good = QColor::fromRgb(0x484f0bu);
        t.bad = QColor::fromRgb(0x321c18u);
        t.warn = QColor::fromRgb(0x090a39u);
        break;
    }
    t.safeForColourVision = true;
    return t;
}

Theme Theme::byName(const QString& name) {
    if (name == QLatin1String("dark")) {
        return dark();
    }
    if (name == QLatin1String("projector")) {
        return projector();
    }
    return light();
}

QString Theme::name() const {
    switch (kind) {
    case Kind::Dark:
        return QStringLiteral("dark");
    case Kind::Projector:
        return QStringLiteral("projector");
    case Kind::Light:
        break;
    }
    return QStringLiteral("light");
}

QColor Theme::toneColor(const QString& tone) const {
    if (const int i = categoricalIndex(tone); i >= 0) {
        return categorical[static_cast<std::size_t>(i)];
    }
    if (tone == QLatin1String("accent")) {
        return accent;
    }
    if (tone == QLatin1String("good")) {
        return good;
    }
    if (tone == QLatin1String("bad")) {
        return bad;
    }
    if (tone == QLatin1String("warn")) {
        return warn;
    }
    if (tone == QLatin1String("muted")) {
        return mutedText;
    }
    return line;
}

QColor Theme::toneStroke(const QString& tone) const {
    if (const int i = categoricalIndex(tone);
        i >= 0 && categoricalStroke[static_cast<std::size_t>(i)].isValid()) {
        return categoricalStroke[static_cast<std::size_t>(i)];
    }
    return withContrast(toneColor(tone), background, kMinGraphicContrast);
}

QColor Theme::toneFill(const QString& tone) const {
    if (tone.isEmpty() || tone == QLatin1String("neutral")) {
        return surface;
    }
    return mix(background, toneColor(tone), toneFillStrength());
}

qreal Theme::toneFillStrength() const {
    return kind == Kind::Dark ? 0.18 : (kind == Kind::Projector ? 0.10 : 0.14);
}

QColor Theme::markFill(const QString& tone) const {
    // Chosen, not mixed: the marks' own colours mixed with the page to 1.4:1 came out as three
    // tints of one grey on the Projector's white (its marks are near-black to read at 7:1), and
    // the Light theme's fit and partly were 3.3 apart to a protanope. These differ in hue and in
    // lightness (yellow, mint, salmon; on Dark: dark amber, teal, wine), at least 12 apart
    // (CIEDE2000) under normal vision and each colour-vision deficiency, the theme's text
    // readable on each (tests/models/test_colour_vision).
    static constexpr std::array<QRgb, 3> onLight = {0xa6dfc4u, 0xffd23fu, 0xe57e7eu};
    static constexpr std::array<QRgb, 3> onDark = {0x236d5bu, 0x6b5412u, 0x6c2532u};
    const int i = tone == QLatin1String("good")   ? 0
                  : tone == QLatin1String("warn") ? 1
                  : tone == QLatin1String("bad")  ? 2
                                                  : -1;
    if (i < 0) {
        return toneFill(tone);
    }
    return QColor::fromRgb((kind == Kind::Dark ? onDark : onLight)[static_cast<std::size_t>(i)]);
}

QColor Theme::toneText(const QString& tone) const {
    return readableOn(toneStroke(tone), toneFill(tone));
}

QColor Theme::readableOn(const QColor& color, const QColor& background) const {
    return withContrast(color, background, minTextContrast());
}

qreal relativeLuminance(const QColor& c) {
    auto channel = [](qreal v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

qreal contrastRatio(const QColor& a, const QColor& b) {
    const qreal la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace fg
