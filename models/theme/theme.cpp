#include "models/theme/theme.h"

namespace fg {

namespace {

// Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
// deficiencies.
constexpr std::array<QRgb, 8> kOkabeIto = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                           0x56B4E9, 0xD55E00, 0xF0E442, 0x999999};

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

} // namespace

Theme Theme::light() {
    Theme t;
    t.kind = Kind::Light;
    t.background = QColor::fromRgb(0xffffffu);
    t.surface = QColor::fromRgb(0xf4f6f8u);
    t.text = QColor::fromRgb(0x1b1f23u);
    t.mutedText = QColor::fromRgb(0x57606au);
    t.line = QColor::fromRgb(0x57606au);
    t.accent = QColor::fromRgb(0x0072B2u);
    t.good = QColor::fromRgb(0x007a5au);
    t.bad = QColor::fromRgb(0xb84a00u);
    t.warn = QColor::fromRgb(0x9a6700u);
    t.tip = QColor::fromRgb(0x0072B2u);
    t.codeBackground = QColor::fromRgb(0xf0f2f4u);
    t.highlight = QColor::fromRgb(0xffd33du);
    t.categorical = okabeIto();
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
    t.accent = QColor::fromRgb(0x56B4E9u);
    t.good = QColor::fromRgb(0x3fc59au);
    t.bad = QColor::fromRgb(0xff8a4cu);
    t.warn = QColor::fromRgb(0xf0c040u);
    t.tip = QColor::fromRgb(0x56B4E9u);
    t.codeBackground = QColor::fromRgb(0x262b31u);
    t.highlight = QColor::fromRgb(0x8a6d00u);
    t.categorical = okabeIto();
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
    t.good = QColor::fromRgb(0x00573fu);
    t.bad = QColor::fromRgb(0x8a2c00u);
    t.warn = QColor::fromRgb(0x5c3d00u);
    t.tip = QColor::fromRgb(0x004f7cu);
    t.codeBackground = QColor::fromRgb(0xf2f2f2u);
    t.highlight = QColor::fromRgb(0xffe14du);
    t.categorical = okabeIto();
    t.lineWidth = 3.0;
    t.fontScale = 1.35;
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

QColor Theme::toneStroke(const QString& tone) const {
    if (tone.size() == 1 && tone[0] >= QLatin1Char('a') && tone[0] <= QLatin1Char('h')) {
        return categorical[static_cast<std::size_t>(tone[0].unicode() - 'a')];
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

QColor Theme::toneFill(const QString& tone) const {
    if (tone.isEmpty() || tone == QLatin1String("neutral")) {
        return surface;
    }
    const qreal strength = kind == Kind::Dark ? 0.28 : (kind == Kind::Projector ? 0.10 : 0.14);
    return mix(background, toneStroke(tone), strength);
}

} // namespace fg
