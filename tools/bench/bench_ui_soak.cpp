// Soak (a long run, not a test): each live diagram's page of the registry, shown as the app
// shows it, steps through its default scenario STEPS times (default 200,000): forward to the last
// step with every step animated, then back to the first, again and again. Animations run on a
// virtual clock (a QAnimationDriver), so each step's transition is drawn at mid-way and at its end
// without waiting for real time. Resident memory (from /proc/self/statm) and live QObjects are
// read after a warm-up pass and at the end; the growth must stay under 5 MB and 0 objects.
// A page without steps (B-Tree vs LSM) is soaked by rerunning its workload STEPS / 10 times
// (1,000 random inserts, the B-Tree order switching between 4 and 64; both engines run and both
// charts replot each time) through its controls: the spin box "B-Tree order", the other spin box
// (inserts) and the button "Run the workload". A page without steps or such controls fails.
// Run: cmake --build build --target bench_ui_soak && QT_QPA_PLATFORM=offscreen
//      build/tools/bench_ui_soak [STEPS] [DIAGRAM-ID ...]
// Exit status 1 when a diagram breaks a bound.
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/playback/player.h"

#include <QAnimationDriver>
#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

// Animations advance only when told to, by the given number of milliseconds.
class VirtualClock : public QAnimationDriver {
public:
    qint64 elapsed() const override { return now_; }
    void tick(qint64 ms) {
        now_ += ms;
        advance();
    }

private:
    qint64 now_ = 0;
};

double residentMb() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) {
            resident = 0;
        }
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

int liveObjects() {
    int n = static_cast<int>(QApplication::allWidgets().size());
    for (QWidget* w : QApplication::topLevelWidgets()) {
        n += static_cast<int>(w->findChildren<QObject*>().size());
    }
    return n + static_cast<int>(qApp->findChildren<QObject*>().size());
}

struct Walk {
    fg::Player* player;
    VirtualClock* clock;
    int dir = 1;
    // One step: forward animated (drawn at mid-way and at the end), or back (a jump, drawn).
    void step() {
        if (player->position() + dir < -1 || player->position() + dir >= player->stepCount()) {
            dir = -dir;
        }
        if (dir > 0) {
            player->stepForward();
            QCoreApplication::processEvents();
            clock->tick(fg::Player::kStepMs / 2);
            QCoreApplication::processEvents();
            clock->tick(fg::Player::kStepMs);
        } else {
            player->stepBack();
        }
        QCoreApplication::processEvents();
    }
};

// A page without steps: its workload rerun `steps` / 10 times through its controls. False when
// the page has no such controls; `ok` turns false when the page breaks a bound.
bool soakWorkload(const std::string& name, QWidget* page, long steps, bool& ok) {
    QSpinBox* inserts = nullptr;
    QSpinBox* order = nullptr;
    QPushButton* run = nullptr;
    for (auto* box : page->findChildren<QSpinBox*>()) {
        (box->accessibleName() == "B-Tree order" ? order : inserts) = box;
    }
    for (auto* button : page->findChildren<QPushButton*>()) {
        run = button->accessibleName() == "Run the workload" ? button : run;
    }
    if (!inserts || !order || !run) {
        std::fprintf(stderr, "bench_ui_soak: the %s page has no steps and no workload controls\n",
                     name.c_str());
        return false;
    }
    inserts->setValue(1000);
    const long runs = std::max(1L, steps / 10);
    auto rerun = [&](long i) {
        order->setValue(i % 2 ? 4 : 64);
        run->click();
        QCoreApplication::processEvents();
    };
    for (long i = 0; i < 20; ++i) {
        rerun(i);
    }
    const double rssBefore = residentMb();
    const int objectsBefore = liveObjects();
    QElapsedTimer timer;
    timer.start();
    for (long i = 0; i < runs; ++i) {
        rerun(i);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double growth = residentMb() - rssBefore;
    const int objectsAfter = liveObjects();
    const bool good = growth < 5.0 && objectsAfter <= objectsBefore;
    ok = ok && good;
    std::printf("%-11s %7ld %6s %9.1f %10.0f %8.1f MB %5.1f MB %6.2f MB %4d -> %d%s  (workload "
                "reruns)\n",
                name.c_str(), runs, "-", seconds, double(runs) / seconds, rssBefore,
                rssBefore + growth, growth, objectsBefore, objectsAfter,
                good ? "" : "  OVER THE BOUND");
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    VirtualClock clock;
    clock.install();
    long steps = 200'000;
    std::vector<std::string> only;
    for (int i = 1; i < argc; ++i) {
        char* end = nullptr;
        const long n = std::strtol(argv[i], &end, 10);
        if (end && *end == '\0' && n > 0) {
            steps = n;
        } else {
            only.emplace_back(argv[i]);
        }
    }
    std::printf("%-11s %7s %6s %9s %10s %10s %8s %9s %9s\n", "diagram", "steps", "scen.", "seconds",
                "steps/s", "RSS start", "RSS end", "growth", "QObjects");
    bool ok = true;
    for (const fg::LiveDiagram& diagram : fg::liveDiagrams()) {
        const std::string name = diagram.id.toStdString();
        if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) {
            continue;
        }
        std::unique_ptr<QWidget> page(diagram.makePage(nullptr));
        page->resize(1280, 800);
        page->show();
        auto* view = qobject_cast<fg::DiagramView*>(page.get());
        if (!view) {
            if (!soakWorkload(name, page.get(), steps, ok)) {
                return 1;
            }
            continue;
        }
        QCoreApplication::processEvents();
        Walk walk{view->panel()->player(), &clock};
        walk.player->toStart();
        // Warm-up: twice through every step, so caches and lazily made objects are in place.
        for (int i = 0; i < 4 * walk.player->stepCount() + 4; ++i) {
            walk.step();
        }
        const double rssBefore = residentMb();
        const int objectsBefore = liveObjects();
        QElapsedTimer timer;
        timer.start();
        for (long i = 0; i < steps; ++i) {
            walk.step();
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const double rssAfter = residentMb();
        const int objectsAfter = liveObjects();
        const double growth = rssAfter - rssBefore;
        const bool good = growth < 5.0 && objectsAfter <= objectsBefore;
        ok = ok && good;
        std::printf("%-11s %7ld %6d %9.1f %10.0f %8.1f MB %5.1f MB %6.2f MB %4d -> %d%s\n",
                    name.c_str(), steps, walk.player->stepCount(), seconds, double(steps) / seconds,
                    rssBefore, rssAfter, growth, objectsBefore, objectsAfter,
                    good ? "" : "  OVER THE BOUND");
        std::fflush(stdout);
    }
    clock.uninstall();
    return ok ? 0 : 1;
}
