// The baseline of the launch benchmark: a bare Qt Widgets window built in the same run, which
// prints "first-paint" when it has painted once and quits (as fieldguide does under
// FIELDGUIDE_FIRST_PAINT_PROBE=1).
#include <QApplication>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace {

class Bare : public QWidget {
protected:
    void paintEvent(QPaintEvent*) override {
        if (!done_) {
            done_ = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("first-paint\n");
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
    }

private:
    bool done_ = false;
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    Bare w;
    w.resize(1600, 1000);
    w.show();
    return app.exec();
}
