#include "app/cli_entry.h"
#include "app/main_window.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTimer>
#include <cstdio>

namespace {

// FIELDGUIDE_FIRST_PAINT_PROBE=1: print "first-paint" when the first widget has painted, then
// quit. The launch benchmark (tools/bench/bench_ui_launch) times the whole process up to it.
class FirstPaintProbe : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !fired_) {
            fired_ = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("first-paint\n");
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool fired_ = false;
};

} // namespace

int main(int argc, char** argv) {
    if (const int status = fg::app::runCommandLine(argc, argv); status >= 0) {
        return status;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("fieldguide"));
    QApplication::setApplicationName(QStringLiteral("fieldguide"));
    QApplication::setApplicationVersion(QStringLiteral(FIELDGUIDE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fieldguide.fieldguide"));
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(":/icons/io.github.fieldguide.fieldguide.svg")));
    if (qEnvironmentVariableIsSet("FIELDGUIDE_FIRST_PAINT_PROBE")) {
        app.installEventFilter(new FirstPaintProbe(&app));
    }

    QCommandLineParser parser;
    QCommandLineOption chapter(QStringLiteral("chapter"),
                               QStringLiteral("Open at this chapter (ID or ID#SECTION)."),
                               QStringLiteral("ID"));
    QCommandLineOption theme(QStringLiteral("theme"),
                             QStringLiteral("system, light, dark or projector."),
                             QStringLiteral("THEME"));
    QCommandLineOption diagram(QStringLiteral("diagram"),
                               QStringLiteral("Open this live diagram (e.g. btree)."),
                               QStringLiteral("ID"));
    parser.addOptions({chapter, theme, diagram});
    parser.process(app);

    fg::MainWindow window(fg::loadCourse(fg::diagramLinks()));
    if (parser.isSet(theme)) {
        window.setThemeChoice(fg::themeChoiceFromName(parser.value(theme)));
    }
    if (parser.isSet(chapter)) {
        const QString target = parser.value(chapter);
        window.showSection(window.course().indexOf(target.section(QLatin1Char('#'), 0, 0)),
                           target.section(QLatin1Char('#'), 1));
    }
    if (parser.isSet(diagram)) {
        window.openDiagram(parser.value(diagram));
    }
    window.show();
    return app.exec();
}
