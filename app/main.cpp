#include "app/app_translations.h"
#include "app/cli_entry.h"
#include "app/main_window.h"
#include "app/pseudo_translator.h"
#include "app/reader/reader_view.h"
#include "lab/lab_folder.h"
#include "models/course/content_loader.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QIcon>
#include <QImageReader>
#include <QSettings>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <fontconfig/fontconfig.h>
#include <future>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

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

// SIGTERM (a logout, a shutdown, `kill`), SIGINT (Ctrl+C in the terminal) and SIGHUP end the app
// as a quit does, its tabs, settings and progress kept: the tabs built since the last clean quit
// were lost (a tester). The handler only writes a byte to a socket; the event loop reads it and
// does the work (Qt's own advice: nothing but async-signal-safe calls in a handler).
int signalSocket[2] = {-1, -1};

void onQuitSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalSocket[0], &byte, 1);
}

// Catches the signals from the start of the desktop app: one that comes while the window is being
// made waits in the socket until quitCleanlyOnSignals() reads it.
void catchQuitSignals() {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSocket) != 0) {
        return; // the signals keep their default: the app ends as before
    }
    struct sigaction action = {};
    action.sa_handler = onQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
        sigaction(sig, &action, nullptr);
    }
}

void quitCleanlyOnSignals(fg::MainWindow& window) {
    if (signalSocket[1] < 0) {
        return;
    }
    auto* notifier = new QSocketNotifier(signalSocket[1], QSocketNotifier::Read, &window);
    QObject::connect(notifier, &QSocketNotifier::activated, &window, [&window, notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalSocket[1], &byte, 1);
        window.saveSettings();
        window.saveSession();
        QCoreApplication::exit(0);
    });
}

// A thread that prepares what the window will need lets the window's own thread go first.
void inTheBackground() {
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
}

// Why the window cannot open here (empty: it can, as far as can be told before Qt tries): the
// platform asked for (-platform, else QT_QPA_PLATFORM, else the desktop's) needs a display that
// is not set.
QString noDisplay(int argc, char** argv) {
    QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "-platform") == 0) {
            platform = QString::fromLocal8Bit(argv[i + 1]);
        }
    }
    platform = platform.section(QLatin1Char(':'), 0, 0).section(QLatin1Char(';'), 0, 0);
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    const bool missing = platform.isEmpty()                     ? !x11 && !wayland
                         : platform == QLatin1String("xcb")     ? !x11
                         : platform == QLatin1String("wayland") ? !wayland
                                                                : false;
    if (!missing) {
        return {};
    }
    const QString unset = platform == QLatin1String("wayland")
                              ? QStringLiteral("WAYLAND_DISPLAY is not set")
                          : platform == QLatin1String("xcb")
                              ? QStringLiteral("DISPLAY is not set")
                              : QStringLiteral("neither DISPLAY nor WAYLAND_DISPLAY is set");
    return QStringLiteral("no display to open the window on (%1): start it from a desktop "
                          "session. The commands work without one: fieldguide --help")
        .arg(unset);
}

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
    QCommandLineOption language(QStringLiteral("lang"),
                                QStringLiteral("The language of the course and the window (e.g. "
                                               "de or pt_BR), instead of the system's."),
                                QStringLiteral("LANG"));
    parser.addOptions({chapter, theme, diagram, language});
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
    if (parser.isSet(language) && fg::localeFolders(parser.value(language)).isEmpty()) {
        std::fprintf(stderr,
                     "fieldguide: \"%s\" is not a language code: use one such as de or pt_BR.\n",
                     qPrintable(parser.value(language)));
        return 2;
    }
    // The language, decided here once for the course and the window alike: --lang, else
    // FIELDGUIDE_LANG, else the system's (app_language.h).
    const fg::AppLanguage chosen = fg::chooseLanguage(
        parser.isSet(language) ? parser.value(language) : qEnvironmentVariable("FIELDGUIDE_LANG"),
        QLocale::system());
    // Fontconfig reads its configuration and its lists of fonts (some 10 ms of XML and cache
    // files) on a thread of its own while Qt starts; the window's first words wait for it below
    // (started by Qt meanwhile, fontconfig would do it all twice).
    std::jthread fontconfig([] { FcInit(); });
    // The course is read on a thread of its own while Qt starts here; the first to need it waits.
    std::future<fg::Course> loading =
        fg::loadCourseInBackground(fg::diagramLinks(), chosen.folders);
    std::optional<fg::Course> loaded;
    const auto course = [&]() -> fg::Course& {
        if (!loaded) {
            loaded = loading.get();
        }
        return *loaded;
    };
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
        course().indexOf(parser.value(chapter).section(QLatin1Char('#'), 0, 0)) < 0) {
        return refuse(QStringLiteral("no chapter \"%1\" (`fieldguide list` shows the chapters).")
                          .arg(parser.value(chapter)));
    }
    if (parser.isSet(chapter) && parser.value(chapter).contains(QLatin1Char('#'))) {
        const QString id = parser.value(chapter).section(QLatin1Char('#'), 0, 0);
        const QString section = parser.value(chapter).section(QLatin1Char('#'), 1);
        const fg::Chapter& ch = course().chapters[static_cast<std::size_t>(course().indexOf(id))];
        QStringList sections;
        for (const fg::Section& s : ch.sections) {
            sections << s.id;
        }
        if (!sections.contains(section)) {
            return refuse(QStringLiteral("chapter \"%1\" has no section \"%2\"; its sections: %3.")
                              .arg(id, section, sections.join(QStringLiteral(", "))));
        }
    }
    if (parser.isSet(diagram)) {
        if (!fg::liveDiagram(parser.value(diagram))) {
            return refuse(QStringLiteral("no live diagram \"%1\" (`fieldguide list` shows them).")
                              .arg(parser.value(diagram)));
        }
    }

    // No display to open the window on (an ssh session): said in a sentence, exit 1, instead of
    // Qt's "could not connect to display" abort (exit 134). Other platforms (offscreen, vnc...)
    // are Qt's to start.
    if (const QString why = noDisplay(argc, argv); !why.isEmpty()) {
        std::fprintf(stderr, "fieldguide: %s\n", qPrintable(why));
        return 1;
    }

    catchQuitSignals();
    QApplication app(argc, argv);
    fontconfig.join();
    // Work the window needs before its first picture and that a thread can do while the window
    // is being made, at a low priority (the window's own work comes first on a busy machine):
    // the window's icon (the SVG plugin loaded and the file read: about 1.5 ms) and the image
    // plugins Qt looks through before it reads the first picture of a standard icon (the menu
    // bar's, the notice bar's: about 3 ms). Both took that time on the window's thread before.
    std::future<QIcon> icon = std::async(std::launch::async, [] {
        inTheBackground();
        return QIcon(QStringLiteral(":/icons/io.github.fieldguide.fieldguide.svg"));
    });
    const std::jthread imagePlugins([] {
        inTheBackground();
        QByteArray png;
        QBuffer out(&png);
        out.open(QIODevice::WriteOnly);
        QImage(1, 1, QImage::Format_ARGB32_Premultiplied).save(&out, "PNG");
        QBuffer in(&png);
        in.open(QIODevice::ReadOnly);
        QImageReader(&in).read(); // no format named: the plugins are asked, as for an icon
    });
    QApplication::setOrganizationName(QStringLiteral("fieldguide"));
    QApplication::setApplicationName(QStringLiteral("fieldguide"));
    QApplication::setApplicationVersion(QStringLiteral(FIELDGUIDE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fieldguide.fieldguide"));
    if (qEnvironmentVariableIsSet("FIELDGUIDE_FIRST_PAINT_PROBE")) {
        app.installEventFilter(new FirstPaintProbe(&app));
    }
    // The window's words in the course's language, where a translation exists (else English),
    // and its numbers written as that language writes them.
    fg::useLanguage(app, chosen);
    // The made-up language that shows what a translation would clip (pseudo_translator.h).
    if (qEnvironmentVariableIntValue("FIELDGUIDE_PSEUDO_TRANSLATION") == 1) {
        QCoreApplication::installTranslator(new fg::PseudoTranslator(&app));
    }

    // The Lab's servers of an earlier run that was killed (they died with it; their folders stay),
    // cleaned on a thread of their own: a folder scan and /proc reads the window need not wait
    // for (each Lab page's helper cleans them too before it starts a server).
    const std::jthread labCleanup([] { fg::lab::cleanStaleLabFolders(); });

    fg::MainWindow window(std::move(course()));
    if (parser.isSet(theme)) {
        window.setThemeChoice(fg::themeChoiceFromName(parser.value(theme)));
    }
    window.restoreSession(); // the tabs open at the last quit; --chapter and --diagram then win
    if (parser.isSet(chapter)) {
        const QString target = parser.value(chapter);
        window.showSection(window.course().indexOf(target.section(QLatin1Char('#'), 0, 0)),
                           target.section(QLatin1Char('#'), 1));
    }
    if (parser.isSet(diagram)) {
        window.openDiagram(parser.value(diagram));
    }
    QApplication::setWindowIcon(icon.get()); // before show(): the window is made with it
    window.show();
    quitCleanlyOnSignals(window);
    return app.exec();
}
