#include "app/page_zoom.h"

#include "app/app_theme.h"
#include "widgets/canvas/diagram_panel.h"

#include <QFont>
#include <QFontInfo>
#include <QVariant>
#include <QWidget>
#include <algorithm>
#include <cmath>

namespace fg {

namespace {

constexpr const char* kTypeZoom = "fgTypeZoom";

QFont scaled(QFont f, qreal ratio) {
    if (f.pixelSize() > 0) {
        f.setPixelSize(std::max(1, qRound(f.pixelSize() * ratio)));
    } else {
        f.setPointSizeF(f.pointSizeF() * ratio);
    }
    return f;
}

void scaleEveryFont(QWidget* page, qreal ratio) {
    const QList<QWidget*> under = page->findChildren<QWidget*>();
    QList<std::pair<QWidget*, QFont>> fonts{{page, scaled(page->font(), ratio)}};
    for (QWidget* w : under) {
        if (!w->property(DiagramPanel::kFontFollowsParent).toBool()) {
            fonts.append({w, scaled(w->font(), ratio)});
        }
    }
    // The page last: its own font change then sees its children at their new sizes (the quiz
    // sizes its radio circles from them).
    for (auto it = fonts.crbegin(); it != fonts.crend(); ++it) {
        it->first->setFont(it->second);
    }
    AppTheme::repolishStyleSheets(page);
}

} // namespace

int typeZoom(const QWidget* page) {
    return page->property(kTypeZoom).toInt();
}

void setTypeZoom(QWidget* page, int step) {
    step = std::clamp(step, kLeastTypeZoom, kMostTypeZoom);
    const int old = typeZoom(page);
    if (step == old) {
        return;
    }
    page->setProperty(kTypeZoom, step);
    // Every widget of the page, not only those with a font of their own: Qt's style-sheet style
    // keeps the font a widget with a style sheet (and its children) had when first polished, so
    // the wizard's answers stayed at the old size under a larger question. Set, each keeps its
    // size through a theme switch too (scaleOwnFonts); widgets made later take their parent's.
    // Every new size from the sizes before any is set: a child that still inherits its size
    // would take the page's new one first, and be scaled twice.
    scaleEveryFont(page, std::pow(1.1, step - old));
}

void useStudyType(QWidget* page, qreal themeScale) {
    const qreal ratio = kStudyBodyPx * themeScale / QFontInfo(page->font()).pixelSize();
    if (ratio > 1.02) {
        scaleEveryFont(page, ratio);
    }
}

namespace {

// A font's size as it was given: pixels (negative) or points.
qreal sizeOf(const QFont& f) {
    return f.pixelSize() > 0 ? -f.pixelSize() : f.pointSizeF();
}

// `root`, then every widget under it, each before the widgets under it.
QList<QWidget*> rootFirst(const QWidget* root) {
    QList<QWidget*> all{const_cast<QWidget*>(root)};
    all << root->findChildren<QWidget*>(); // depth first, each before its children
    return all;
}

bool hasOwnFont(const QWidget* w) {
    return w->testAttribute(Qt::WA_SetFont) &&
           !w->property(DiagramPanel::kFontFollowsParent).toBool();
}

} // namespace

OwnFontSizes ownFontSizes(const QWidget* root) {
    OwnFontSizes sizes;
    for (const QWidget* w : rootFirst(root)) {
        if (hasOwnFont(w)) {
            sizes.insert(w, sizeOf(w->font()));
        }
    }
    return sizes;
}

void scaleOwnFonts(QWidget* root, qreal ratio, const OwnFontSizes& before) {
    for (QWidget* w : rootFirst(root)) {
        // Looked at once the widgets above it have their new sizes: one that follows them in
        // size has moved already.
        if (const auto it = before.constFind(w);
            it != before.cend() && hasOwnFont(w) && sizeOf(w->font()) == it.value()) {
            w->setFont(scaled(w->font(), ratio));
        }
    }
}

} // namespace fg
