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

void useThemeType(QWidget* page, qreal themeScale) {
    if (themeScale > 1.02) {
        scaleEveryFont(page, themeScale);
    }
}

void scaleOwnFonts(QWidget* root, qreal ratio) {
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all << root;
    for (QWidget* w : std::as_const(all)) {
        if (w->testAttribute(Qt::WA_SetFont) &&
            !w->property(DiagramPanel::kFontFollowsParent).toBool()) {
            w->setFont(scaled(w->font(), ratio));
        }
    }
}

} // namespace fg
