#include "theme/theme.h"

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
    t.background = QColor(0xffffff);
    t.surface = QColor(0xf4f6f8);
    t.text = QColor(0x1b1f23);
    t.mutedText = QColor(0x57606a);
    t.line = QColor(0x57606a);
    t.accent = QColor(0x0072B2);
    t.good = QColor(0x007a5a);
    t.bad = QColor(0xb84a00);
    t.warn = QColor(0x9a6700);
    t.tip = QColor(0x0072B2);
    t.codeBackground = QColor(0xf0f2f4);
    t.highlight = QColor(0xffd33d);
    t.categorical = okabeIto();
    return t;
}

Theme Theme::dark() {
    Theme t;
    t.kind = Kind::Dark;
    t.background = QColor(0x1e2227);
    t.surface = QColor(0x2a2f36);
    t.text = QColor(0xe6e8eb);
    t.mutedText = QColor(0xa8b0b9);
    t.line = QColor(0xa8b0b9);
    t.accent = QColor(0x56B4E9);
    t.good = QColor(0x3fc59a);
    t.bad = QColor(0xff8a4c);
    t.warn = QColor(0xf0c040);
    t.tip = QColor(0x56B4E9);
    t.codeBackground = QColor(0x262b31);
    t.highlight = QColor(0x8a6d00);
    t.categorical = okabeIto();
    return t;
}

Theme Theme::projector() {
    Theme t;
    t.kind = Kind::Projector;
    t.background = QColor(0xffffff);
    t.surface = QColor(0xffffff);
    t.text = QColor(0x000000);
    t.mutedText = QColor(0x222222);
    t.line = QColor(0x000000);
    t.accent = QColor(0x004f7c);
    t.good = QColor(0x00573f);
    t.bad = QColor(0x8a2c00);
    t.warn = QColor(0x5c3d00);
    t.tip = QColor(0x004f7c);
    t.codeBackground = QColor(0xf2f2f2);
    t.highlight = QColor(0xffe14d);
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
