// Shared by the tests of the main window's fit (test_window_fit, test_window_sidebar): the
// themes and screens they walk, a fresh window in each, and what they measure.
#pragma once

#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/simulators/simulators.h"

#include <QCoreApplication>
#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTest>
#include <algorithm>
#include <iterator>
#include <vector>

inline const fg::ThemeChoice kAll[] = {fg::ThemeChoice::System, fg::ThemeChoice::Light,
                                       fg::ThemeChoice::Dark, fg::ThemeChoice::Projector};

inline const QSize kScreens[] = {QSize(1280, 800), QSize(1920, 1080)};

inline QString sizeText(QSize s) {
    return QStringLiteral("%1x%2").arg(s.width()).arg(s.height());
}

// Until the layouts have done their work (a dock shown takes a few rounds).
inline void settle() {
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
}

// Every study tool and simulator the window opens as a tab (MainWindow::openTool).
inline QStringList allTools() {
    QStringList tools{QStringLiteral("wizard"), QStringLiteral("matrix"),
                      QStringLiteral("scenarios"), QStringLiteral("quiz"),
                      QStringLiteral("progress")};
    for (const auto& sim : fg::simulators()) {
        tools << sim.id;
    }
    return tools;
}

// Opens every live diagram and every tool in `w`, each in a tab of its own.
inline void openEveryPage(fg::MainWindow& w) {
    for (const auto& d : fg::liveDiagrams()) {
        w.openDiagram(d.id);
    }
    for (const QString& tool : allTools()) {
        w.openTool(tool);
    }
}

// The median height of the letters on screen, in pixels (0: no text).
inline qreal medianLetters(const fg::DiagramCanvas& canvas) {
    const qreal scale = canvas.transformOnScreen().m11();
    std::vector<qreal> px;
    for (const auto& it : canvas.currentFrame().items) {
        if (!it.text.isEmpty() && it.opacity > 0.5) {
            px.push_back(it.fontPx * scale);
        }
    }
    if (px.empty()) {
        return 0;
    }
    std::nth_element(px.begin(), px.begin() + px.size() / 2, px.end());
    return px[px.size() / 2];
}

// Calls visit(window, screen, theme) with a fresh main window shown at each of `screens` in
// each of `themes`, and calls done() after each (the suite's cleanup(): the next starts from
// the desktop's type and colours).
template <class Visit, class Done>
void forEveryWindow(Visit visit, Done done,
                    const std::vector<fg::ThemeChoice>& themes = {std::begin(kAll), std::end(kAll)},
                    const std::vector<QSize>& screens = {std::begin(kScreens),
                                                         std::end(kScreens)}) {
    for (QSize screen : screens) {
        for (fg::ThemeChoice t : themes) {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.resize(screen);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.setThemeChoice(t);
            visit(w, screen, t);
            done();
        }
    }
}

// A suite of window tests: a fresh window per screen and theme, each started from the desktop's
// type and colours (the suite's cleanup() calls desktop_.restore() too).
class WindowSuite : public QObject {
protected:
    template <class Visit>
    void
    forEveryWindow(Visit visit,
                   const std::vector<fg::ThemeChoice>& themes = {std::begin(kAll), std::end(kAll)},
                   const std::vector<QSize>& screens = {std::begin(kScreens), std::end(kScreens)}) {
        ::forEveryWindow(
            visit, [this] { desktop_.restore(); }, themes, screens);
    }

    const DesktopLook desktop_;
};
