#include "models/theme/colour_vision.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fg {

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
// Vision Deficiency", IEEE TVCG 15(6): their matrices at severity 1.0, for linear RGB.
constexpr Matrix kProtanopia = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                   {0.280085, 0.672501, 0.047413},
                                   {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia = {{{1.255528, -0.076749, -0.178779},
                                 {-0.078411, 0.930809, 0.147602},
                                 {0.004733, 0.691367, 0.303900}}};

double linear(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double radians(double degrees) {
    return degrees * std::numbers::pi / 180;
}

double degrees(double radians) {
    const double d = radians * 180 / std::numbers::pi;
    return d < 0 ? d + 360 : d;
}

} // namespace

Lab labAsSeen(const QColor& c, ColourVision v) {
    const QColor rgb = c.toRgb();
    std::array<double, 3> lin = {linear(rgb.redF()), linear(rgb.greenF()), linear(rgb.blueF())};
    if (v != ColourVision::Normal) {
        const Matrix& m = v == ColourVision::Protanopia     ? kProtanopia
                          : v == ColourVision::Deuteranopia ? kDeuteranopia
                                                            : kTritanopia;
        std::array<double, 3> seen{};
        for (std::size_t i = 0; i < 3; ++i) {
            seen[i] = std::clamp(m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2], 0.0, 1.0);
        }
        lin = seen;
    }
    // sRGB (D65) to XYZ, relative to the white point, then CIELAB.
    const double x = (0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2]) / 0.95047;
    const double y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2];
    const double z = (0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2]) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double cie76(const Lab& a, const Lab& b) {
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

double ciede2000(const Lab& p, const Lab& q) {
    const double c1 = std::hypot(p[1], p[2]), c2 = std::hypot(q[1], q[2]);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * p[1], a2 = (1 + g) * q[1];
    const double c1p = std::hypot(a1, p[2]), c2p = std::hypot(a2, q[2]);
    const double h1 = degrees(std::atan2(p[2], a1)), h2 = degrees(std::atan2(q[2], a2));
    const bool grey = c1p * c2p == 0;
    double dh = grey ? 0 : h2 - h1;
    dh += dh > 180 ? -360 : (dh < -180 ? 360 : 0);
    const double dL = q[0] - p[0], dC = c2p - c1p;
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));
    const double lMean = (p[0] + q[0]) / 2, cMean = (c1p + c2p) / 2;
    double hMean = h1 + h2;
    if (!grey) {
        hMean =
            std::abs(h1 - h2) <= 180 ? hMean / 2 : (hMean < 360 ? hMean + 360 : hMean - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) +
                     0.24 * std::cos(radians(2 * hMean)) + 0.32 * std::cos(radians(3 * hMean + 6)) -
                     0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cMeanP7 = std::pow(cMean, 7);
    const double rc = 2 * std::sqrt(cMeanP7 / (cMeanP7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lMean - 50, 2) / std::sqrt(20 + std::pow(lMean - 50, 2));
    const double sc = 1 + 0.045 * cMean, sh = 1 + 0.015 * cMean * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;
    const double l = dL / sl, c = dC / sc, h = dH / sh;
    return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

} // namespace fg
