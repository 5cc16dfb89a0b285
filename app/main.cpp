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
    // Bad usage exits 2, as the commands do (QCommandLineParser::process exits 1).
    // Read before the application exists, so Qt's own single-dash options (-platform offscreen,
    // -style fusion: QApplication takes them) are left out here, with their value.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (i > 0 && a.size() > 1 && a[0] == QLatin1Char('-') && a[1] != QLatin1Char('-')) {
            if (i + 1 < argc && argv[i + 1][0] != '-') {
                ++i; // its value
            }
            continue;
        }
        arguments << a;
    }
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "fieldguide: %s\n", qPrintable(parser.errorText()));
        return 2;
    }

    // A mistyped option is said and refused (exit 2, as the commands do), before any window and
    // before the display is reached: "--chapter nope" opened the app at its start without a
    // word, and with no display "--theme bogus" ended in Qt's "could not connect to display"
    // abort (exit 134) instead of the usage message.
    fg::Course course = fg::loadCourse(fg::diagramLinks());
    const auto refuse = [](const QString& why) {
        std::fprintf(stderr, "fieldguide: %s\n", qPrintable(why));
        return 2;
    };
    if (parser.isSet(theme) &&
        !QStringList{"system", "light", "dark", "projector"}.contains(parser.value(theme))) {
        return refuse(QStringLiteral("unknown theme \"%1\": use system, light, dark or projector.")
                          .arg(parser.value(theme)));
    }
    if (parser.isSet(chapter) &&
        course.indexOf(parser.value(chapter).section(QLatin1Char('#'), 0, 0)) < 0) {
        return refuse(QStringLiteral("no chapter \"%1\" (`fieldguide list` shows the chapters).")
                          .arg(parser.value(chapter)));
    }
    if (parser.isSet(diagram)) {
        bool known = false;
        for (const auto& d : fg::liveDiagrams()) {
            known = known || d.id == parser.value(diagram);
        }
        if (!known) {
            return refuse(QStringLiteral("no live diagram \"%1\" (`fieldguide list` shows them).")
                              .arg(parser.value(diagram)));
        }
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

    fg::MainWindow window(std::move(course));
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
