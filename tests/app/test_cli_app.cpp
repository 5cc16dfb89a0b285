// The app's own commands, run as a user runs them: --help, --version, list (the contract's
// format), and the exit codes for bad commands and broken content.
#include "tests/app/cli_run.h"
#include "tests/full_disk.h"
#include "tests/suite_main.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace {

// The area of `img` that differs from its top-left pixel (the background).
QRect inkBox(const QImage& img) {
    const QColor bg = img.pixelColor(0, 0);
    QRect box;
    for (int y = 0; y < img.height(); y += 2) {
        for (int x = 0; x < img.width(); x += 2) {
            const QColor c = img.pixelColor(x, y);
            if (std::abs(c.red() - bg.red()) + std::abs(c.green() - bg.green()) +
                    std::abs(c.blue() - bg.blue()) >
                60) {
                box = box.united(QRect(x, y, 2, 2));
            }
        }
    }
    return box;
}

// A B-Tree scenario of three keys: three steps.
QString smallTree(const QTemporaryDir& dir) {
    const QString path = dir.filePath("small.json");
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(R"({"engine":"btree","params":{"order":4},"ops":[{"op":"insert","key":10},)"
                R"({"op":"insert","key":20},{"op":"insert","key":30}]})");
    }
    return path;
}

} // namespace

class TestCliApp : public QObject {
    Q_OBJECT
private slots:
    void versionAndHelpNeedNoDisplay() {
        const CommandResult v = runTool({"--version"});
        QCOMPARE(v.exit, 0);
        QCOMPARE(v.out, QByteArray("fieldguide " FIELDGUIDE_VERSION "\n"));
        const CommandResult h = runTool({"--help"});
        QCOMPARE(h.exit, 0);
        for (const char* cmd :
             {"slot", "partition", "run", "export", "downsample", "compress", "anki", "list"}) {
            QVERIFY2(h.out.contains(QByteArray("  ") + cmd + " "), cmd);
        }
        // After the desktop app's options too (a tester: "Unknown option 'help'").
        for (const QStringList& args :
             {QStringList{"--theme", "projector", "--help"}, QStringList{"--chapter", "x", "-h"},
              QStringList{"--diagram", "btree", "--theme", "dark", "--help"}}) {
            const CommandResult r = runTool(args);
            QCOMPARE(r.exit, 0);
            QCOMPARE(r.out, h.out);
        }
        const CommandResult rv = runTool({"--theme", "dark", "--version"});
        QCOMPARE(rv.exit, 0);
        QCOMPARE(rv.out, v.out);
    }

    void everyCommandAnswersHelpWithItsOwnUsage() {
        for (const char* cmd :
             {"slot", "partition", "run", "export", "downsample", "compress", "anki", "list"}) {
            for (const char* help : {"--help", "-h"}) {
                const CommandResult r = runTool({cmd, help});
                const QByteArray what = QByteArray(cmd) + " " + help + ": " + r.err;
                QVERIFY2(r.exit == 0, what.constData());
                const QByteArray usage = QByteArray("Usage: fieldguide ") + cmd;
                QVERIFY2(r.out.startsWith(usage + " ") || r.out.startsWith(usage + "\n"),
                         what.constData());
                QVERIFY2(r.out.contains("--help"), what.constData());
                QVERIFY2(r.err.isEmpty(), what.constData());
            }
        }
        // Anywhere before "--", even after other options; after it, "--help" is a key.
        const CommandResult late = runTool({"export", "--out", "x.png", "--help"});
        QCOMPARE(late.exit, 0);
        QVERIFY(late.out.startsWith("Usage: fieldguide export "));
        const CommandResult key = runTool({"slot", "--", "--help"});
        QCOMPARE(key.exit, 0);
        QVERIFY(!key.out.contains("Usage"));
        // The summary names every theme the app has.
        QVERIFY(runTool({"--help"}).out.contains("system|light|dark|projector"));
    }

    void listNamesChaptersThenTheirDiagrams() {
        const CommandResult r = runTool({"list"}, QStringLiteral(TEST_DATA_DIR "/good"));
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("alpha\tAlpha stores\n"
                                   "  btree\tB-Tree: inserts, splits, search and range\n"
                                   "beta\tBeta stores\n"));
        QVERIFY(r.err.isEmpty());
    }

    void listReportsBrokenContentAndStillListsTheRest() {
        const CommandResult r = runTool({"list"}, QStringLiteral(TEST_DATA_DIR "/broken"));
        QCOMPARE(r.exit, 2);
        QVERIFY(r.out.startsWith("good\t"));
        QVERIFY2(r.err.contains("chapters/row-mismatch.json: /sections/0/blocks/0/rows/4"),
                 r.err.constData());
    }

    // A fresh tester asked for a GIF on the command line and read "cannot tell the format of
    // gif". An animation (GIF, WebP) is refused with a pointer to where the app makes one, exit
    // 2, and no file is left.
    void anAnimationOnTheCommandLineSaysWhereToMakeIt() {
        QTemporaryDir dir;
        const QString scenario = smallTree(dir);
        for (const QStringList& how :
             {QStringList{"--out", dir.filePath("a.gif")},
              QStringList{"--out", dir.filePath("a.webp")},
              QStringList{"--out", dir.filePath("b"), "--format", "GIF"}}) {
            const CommandResult r = runTool(QStringList{"export", scenario} + how);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains("File > Export animation"), r.err.constData());
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 1);
    }

    void exportDrawsTheBTreeInEveryFormat() {
        QTemporaryDir dir;
        const QString scenario = dir.filePath("s.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"engine":"btree","params":{"order":4},"ops":[{"op":"insert-random","count":20,"seed":3}]})");
        f.close();
        const CommandResult png =
            runTool({"export", scenario, "--out", dir.filePath("a.png"), "--width", "800",
                     "--height", "450", "--scale", "2", "--theme", "projector"});
        QCOMPARE(png.exit, 0);
        QCOMPARE(QImage(dir.filePath("a.png")).size(), QSize(1600, 900));
        const CommandResult svg =
            runTool({"export", scenario, "--out", dir.filePath("a.svg"), "--step", "3"});
        QCOMPARE(svg.exit, 0);
        QFile s(dir.filePath("a.svg"));
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QByteArray svgText = s.readAll();
        QVERIFY(svgText.contains("<path") || svgText.contains("<rect"));
        QVERIFY(svgText.contains("<text"));
        QVERIFY(!svgText.contains("<image"));
        const CommandResult pdf = runTool({"export", scenario, "--out", dir.filePath("a.pdf")});
        QCOMPARE(pdf.exit, 0);
        QFile pf(dir.filePath("a.pdf"));
        QVERIFY(pf.open(QIODevice::ReadOnly));
        QVERIFY(pf.readAll().startsWith("%PDF-"));
        // Failures: an unwritable path is a runtime failure (1) and leaves nothing; bad input is 2.
        QCOMPARE(runTool({"export", scenario, "--out", "/no/such/dir/a.png"}).exit, 1);
        QVERIFY(!QFile::exists("/no/such/dir/a.png"));
        QCOMPARE(runTool({"export", scenario, "--out", dir.filePath("a.gif")}).exit, 2);
        QCOMPARE(
            runTool({"export", scenario, "--out", dir.filePath("b.png"), "--step", "999"}).exit, 2);
        QVERIFY(!QFile::exists(dir.filePath("b.png")));
        QCOMPARE(
            runTool({"export", dir.filePath("missing.json"), "--out", dir.filePath("c.png")}).exit,
            2);
    }

    void exportDrawsEveryEngine() {
        QTemporaryDir dir;
        for (const char* engine : {"btree", "lsm", "hashslot", "kafka", "downsample"}) {
            const QString scenario =
                QStringLiteral(FG_SOURCE_DIR "/content/scenarios/%1.json").arg(engine);
            const QString png = dir.filePath(QStringLiteral("%1.png").arg(engine));
            const CommandResult r = runTool({"export", scenario, "--out", png, "--width", "640",
                                             "--height", "360", "--theme", "projector"});
            QVERIFY2(r.exit == 0, r.err.constData());
            QCOMPARE(QImage(png).size(), QSize(640, 360));
            const QString svg = dir.filePath(QStringLiteral("%1.svg").arg(engine));
            QCOMPARE(runTool({"export", scenario, "--out", svg, "--step", "0"}).exit, 0);
            QFile f(svg);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray s = f.readAll();
            QVERIFY(s.contains("<svg") && !s.contains("<image"));
        }
    }

    // A fresh tester: `export --step 0` wrote no caption where the app says "The starting point,
    // before the first step..." (or "Coming up: <the scenario's title>"). The picture carries the
    // app's opening sentence, saying how many steps follow instead of which key to press.
    void exportAtStepZeroCarriesTheOpeningSentence() {
        QTemporaryDir dir;
        const auto captionOf = [&](const QString& scenario) {
            const QString svg = dir.filePath(QStringLiteral("start.svg"));
            const CommandResult r = runTool({"export", scenario, "--out", svg, "--step", "0"});
            QFile f(svg);
            return r.exit == 0 && f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll())
                                                              : QString();
        };
        const QString untitled = captionOf(smallTree(dir));
        QVERIFY2(untitled.contains(QStringLiteral("The starting point, before the first step.")),
                 qPrintable(untitled.left(400)));
        QVERIFY(untitled.contains(QStringLiteral("3 steps follow.")));
        QVERIFY(!untitled.contains(QStringLiteral("Press Play")));
        const QString titled =
            captionOf(QStringLiteral(FG_SOURCE_DIR "/content/scenarios/btree.json"));
        QVERIFY2(titled.contains(QStringLiteral("Coming up: Seven keys in order")),
                 qPrintable(titled.left(400)));
    }

    void exportWritesEveryDiagramOfAChapter() {
        QTemporaryDir dir;
        const QString out = dir.filePath("cassandra");
        const CommandResult r =
            runTool({"export", "--chapter", "cassandra", "--out", out, "--format", "svg"});
        QVERIFY2(r.exit == 0, r.err.constData());
        const QStringList files = QDir(out).entryList({"*.svg"}, QDir::Files);
        // The chapter's live diagrams (lsm, btree-vs-lsm) and its six drawn figures.
        QVERIFY(files.contains("lsm.svg"));
        QVERIFY(files.contains("btree-vs-lsm.svg"));
        QCOMPARE(files.size(), 8);
        // One progress line per file on stderr.
        QCOMPARE(r.err.count("] "), qsizetype(files.size()));
        QVERIFY(r.err.contains("[8/8]"));
        QCOMPARE(runTool({"export", "--chapter", "no-such", "--out", out}).exit, 2);
        QCOMPARE(runTool({"export", "--chapter", "redis", "--out", "/proc/no/dir"}).exit, 1);
    }

    // Issue 14, item 3: on a really full disk every format exits 1, names the file and the
    // system's reason, and leaves no file (or the old one, whole) at the target.
    void exportOnAFullDiskExitsOneAndLeavesNoFile() {
        FullDisk disk(8192); // two pages free: less than any of these pictures
        if (!disk.available()) {
            QSKIP(disk.skipReason());
        }
        QTemporaryDir dir;
        const QString scenario = dir.filePath("s.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"engine":"btree","params":{"order":4},"ops":[{"op":"insert-random","count":40,"seed":3}]})");
        f.close();
        QFile old(disk.path("old.svg"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write("old"), qint64(3));
        old.close();
        for (const QString ext : {"png", "svg", "pdf"}) {
            // The same picture on a disk with room is larger than the room left.
            const QString roomy = dir.filePath("a." + ext);
            QCOMPARE(runTool({"export", scenario, "--out", roomy}).exit, 0);
            QVERIFY2(QFileInfo(roomy).size() > 8192, qPrintable(ext));
            const QString target = disk.path("a." + ext);
            const CommandResult r = runTool({"export", scenario, "--out", target});
            QVERIFY2(r.exit == 1, qPrintable(ext + ": " + r.err));
            QVERIFY2(r.err.contains(target.toUtf8()) && r.err.contains("No space left on device"),
                     r.err.constData());
            QVERIFY2(!QFile::exists(target), qPrintable(target));
            QCOMPARE(disk.files(), QStringList{"old.svg"});
        }
        QCOMPARE(runTool({"export", scenario, "--out", disk.path("old.svg")}).exit, 1);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        old.close();
        // A chapter's folder: it stops at the first file that does not fit, and every file left
        // there is whole.
        const QString folder = disk.path("ch");
        const CommandResult ch =
            runTool({"export", "--chapter", "cassandra", "--out", folder, "--format", "svg"});
        QCOMPARE(ch.exit, 1);
        QVERIFY2(ch.err.contains("No space left on device"), ch.err.constData());
        for (const QString& name : QDir(folder).entryList(QDir::Files | QDir::Hidden)) {
            QFile svg(QDir(folder).filePath(name));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY2(svg.readAll().trimmed().endsWith("</svg>"), qPrintable(name));
        }
    }

    // Issue 14, item 2: export draws one state, so it does not keep every step of the run: a
    // bulk scenario of 100,000 keys took 446 MB (a million took 5.5 GB and 50 s); now it takes
    // what one tree takes. Measured with GNU time's maximum resident size.
    void exportOfABulkScenarioHoldsOneState() {
        if (!QFile::exists("/usr/bin/time")) {
            QSKIP("GNU time (/usr/bin/time, Debian package time) measures the memory");
        }
        QTemporaryDir dir;
        const QString scenario = dir.filePath("bulk.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"engine":"btree","narrate":false,"params":{"order":64},)"
                R"("ops":[{"op":"insert-random","count":100000,"seed":1}]})");
        f.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        p.setProcessEnvironment(env);
        p.start("/usr/bin/time", {"-f", "maxrss %M", QStringLiteral(FIELDGUIDE_BIN), "export",
                                  scenario, "--out", dir.filePath("a.png")});
        QVERIFY(p.waitForFinished(2 * kCommandWaitMs));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 0);
        const qsizetype at = err.lastIndexOf("maxrss ");
        QVERIFY2(at >= 0, err.constData());
        const long long kb = err.mid(at + 7).trimmed().toLongLong();
#ifndef __SANITIZE_ADDRESS__
        QVERIFY2(kb > 0 && kb < 200 * 1024, qPrintable(QString("%1 KB").arg(kb)));
#else
        // AddressSanitizer's shadow memory and its quarantine of freed blocks (256 MB) are not
        // the program's memory: the bound is checked in the normal build (67 MB there).
        QVERIFY(kb > 0);
#endif
        QCOMPARE(QImage(dir.filePath("a.png")).size(), QSize(1920, 1080));
    }

    // A tester ended the app with SIGTERM (as a logout does): the tabs built since the last
    // clean quit were gone at the next start. SIGTERM, SIGINT and SIGHUP end it as a quit does:
    // exit status 0, the open diagram kept in session.json.
    void aSignalEndsTheAppAsAQuitDoes() {
        for (const char* sig : {"TERM", "INT", "HUP"}) {
            QTemporaryDir home;
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("HOME", home.path());
            env.insert("XDG_CONFIG_HOME", home.filePath(".config"));
            env.insert("XDG_DATA_HOME", home.filePath(".local/share"));
            env.insert("QT_QPA_PLATFORM", "offscreen");
            env.remove("XDG_RUNTIME_DIR");
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(FIELDGUIDE_BIN), {"--diagram", "hashslot"});
            QVERIFY(p.waitForStarted(kCommandWaitMs));
            QTest::qWait(1000); // past the start of main(): a signal then waits for the window
            QCOMPARE(p.state(), QProcess::Running);
            QProcess::execute("kill",
                              {QStringLiteral("-%1").arg(sig), QString::number(p.processId())});
            QVERIFY2(p.waitForFinished(kCommandWaitMs), sig);
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            QFile session(home.filePath(".local/share/fieldguide/fieldguide/session.json"));
            QVERIFY2(session.open(QIODevice::ReadOnly), sig);
            QVERIFY2(session.readAll().contains("\"diagram\":\"hashslot\""), sig);
        }
    }

    // Issue 14, item 9: an output that is a symbolic link is refused, and the file it points to
    // is never replaced; in a chapter's folder a link is not followed out of it.
    void exportNeverWritesThroughALink() {
        QTemporaryDir dir, elsewhere;
        const QString precious = elsewhere.filePath("precious.txt");
        QFile p(precious);
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write("precious");
        p.close();
        const QString scenario = QStringLiteral(FG_SOURCE_DIR "/content/scenarios/btree.json");
        const QString link = dir.filePath("out.png");
        QVERIFY(QFile::link(precious, link));
        const CommandResult r = runTool({"export", scenario, "--out", link});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains(link.toUtf8()) && r.err.contains("symbolic link"),
                 r.err.constData());
        const QString folder = dir.filePath("ch");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::link(precious, QDir(folder).filePath("lsm.svg")));
        const CommandResult ch =
            runTool({"export", "--chapter", "cassandra", "--out", folder, "--format", "svg"});
        QCOMPARE(ch.exit, 1);
        QVERIFY2(ch.err.contains("lsm.svg") && ch.err.contains("symbolic link"),
                 ch.err.constData());
        QVERIFY(p.open(QIODevice::ReadOnly));
        QCOMPARE(p.readAll(), QByteArray("precious"));
        QVERIFY(QFileInfo(link).isSymLink());
    }

    void exportRefusesNumbersAndOptionsItCannotUse() {
        QTemporaryDir dir;
        const QString btree = QStringLiteral(FG_SOURCE_DIR "/content/scenarios/btree.json");
        const QString png = dir.filePath(QStringLiteral("x.png"));
        const struct {
            QStringList args;
            const char* says;
        } cases[] = {
            {{"export", btree, "--out", png, "--scale", "nan"}, "--scale needs a number"},
            {{"export", btree, "--out", png, "--scale", "1e-5"}, "leaves less than one pixel"},
            {{"export", btree, "--out", png, "--width", "16384", "--height", "16384", "--scale",
              "8"},
             "131072 x 131072 pixels is too large for a PNG"},
            {{"export", btree, "--out", png, "--step", "100000000000000"},
             "--step needs a step number from 0 to 100000000"},
            {{"export", btree, "--out", png, "--format"}, "--format needs a value"},
            {{"export", "--chapter", "cassandra", "--out", dir.path(), "--step", "2"},
             "--step is for one scenario, not --chapter"},
        };
        for (const auto& c : cases) {
            const CommandResult r = runTool(c.args);
            QVERIFY2(r.exit == 2, qPrintable(c.args.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QVERIFY(!QFile::exists(png));
        }
    }

    void exportReadsStandardInputAndRefusesDuplicateKeys() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("x.png"));
        QFile f(QStringLiteral(FG_SOURCE_DIR "/content/scenarios/btree.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const CommandResult r = runTool({"export", "-", "--out", png}, {}, {}, f.readAll());
        QVERIFY2(r.exit == 0, r.err.constData());
        QVERIFY(!QImage(png).isNull());
        // A key given twice would silently mean its last value: refused, named by its path.
        const CommandResult d =
            runTool({"export", "-", "--out", dir.filePath(QStringLiteral("d.png"))}, {}, {},
                    R"({"engine": "btree", "params": {"order": 4, "order": 5}, "ops": []})");
        QCOMPARE(d.exit, 2);
        QVERIFY2(d.err.contains("<stdin>: /params/order: this key is given twice in one object"),
                 d.err.constData());
        const CommandResult e = runTool({"run", "-"}, {}, {},
                                        R"({"engine": "lsm", "ops": [{"op": "put", "key": "a"},
                                     {"op": "get", "key": "a", "key": "b"}]})");
        QCOMPARE(e.exit, 2);
        QVERIFY2(e.err.contains("/ops/1/key: this key is given twice"), e.err.constData());
    }

    void exportOfAChapterWithNothingToDrawSaysSo() {
        QTemporaryDir dir;
        const CommandResult r = runTool({"export", "--chapter", "beta", "--out", dir.path()},
                                        QStringLiteral(TEST_DATA_DIR "/good"));
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains("the chapter beta has no live diagram and no figure to export"),
                 r.err.constData());
    }

    void exportDrawsWhateverQtPlatformIsSet() {
        // The export always draws offscreen: a platform that cannot start here (xcb without a
        // display, a wrong name) used to abort it (exit 134). No XDG_RUNTIME_DIR noise either.
        QTemporaryDir dir;
        for (const char* platform : {"xcb", "no-such-platform"}) {
            const QString png = dir.filePath(QString::fromLatin1(platform) + ".png");
            const CommandResult r =
                runTool({"export", QStringLiteral(FG_SOURCE_DIR "/content/scenarios/lsm.json"),
                         "--out", png},
                        {}, {QStringLiteral("QT_QPA_PLATFORM=") + platform});
            QVERIFY2(r.exit == 0, r.err.constData());
            QVERIFY(!QImage(png).isNull());
            QVERIFY2(!r.err.contains("XDG_RUNTIME_DIR"), r.err.constData());
        }
    }

    // Item 8: --step numbers the steps as the app does ("Step N of M"): --step 0 is the start,
    // before any step, which the app shows and the command line could not draw; --step 3 of a
    // three-step scenario is its last step (it was refused: steps were counted from 0).
    void exportCountsStepsAsTheAppDoes() {
        QTemporaryDir dir;
        const QString scenario = smallTree(dir);
        const auto draw = [&](const QString& name, const QStringList& step) {
            const CommandResult r =
                runTool(QStringList{"export", scenario, "--out", dir.filePath(name), "--width",
                                    "640", "--height", "360"} +
                        step);
            return r.exit == 0 ? QImage(dir.filePath(name)) : QImage();
        };
        const QImage last = draw("last.png", {});
        const QImage start = draw("start.png", {"--step", "0"});
        const QImage first = draw("first.png", {"--step", "1"});
        const QImage third = draw("third.png", {"--step", "3"});
        QVERIFY(!last.isNull() && !start.isNull() && !first.isNull());
        QVERIFY2(!third.isNull(), "--step 3 of three steps was refused");
        QCOMPARE(third, last);
        QVERIFY(start != first);
        QVERIFY(first != third);
        // The start holds no key: its drawing (above the caption, which the start has too, see
        // exportAtStepZeroCarriesTheOpeningSentence) has less ink than after the first insert.
        const auto drawing = [](const QImage& img) {
            const QRect box = inkBox(img.copy(0, 0, img.width(), img.height() * 4 / 5));
            return box.width() * box.height();
        };
        QVERIFY(drawing(start) < drawing(first));
        const CommandResult past =
            runTool({"export", scenario, "--out", dir.filePath("x.png"), "--step", "4"});
        QCOMPARE(past.exit, 2);
        QVERIFY2(past.err.contains("has 3 steps (--step 0 is the start, --step 3 the last step)"),
                 past.err.constData());
        QVERIFY(!QFile::exists(dir.filePath("x.png")));
        // The help says so.
        const CommandResult help = runTool({"export", "--help"});
        QVERIFY2(help.out.contains("0 is the start"), help.out.constData());
    }

    // Item 7: a small tree (three keys) fills the picture as a slide wants it: the drawing, above
    // the narration, spans more than half the width of a 1920 x 1080 PNG (it spanned 18%: its
    // scale stopped at 3 whatever the picture's size), and still keeps its margin.
    void exportFillsThePictureWithASmallTree() {
        QTemporaryDir dir;
        const QString png = dir.filePath("small.png");
        const CommandResult r = runTool({"export", smallTree(dir), "--out", png});
        QVERIFY2(r.exit == 0, r.err.constData());
        const QImage img(png);
        QCOMPARE(img.size(), QSize(1920, 1080));
        const QRect drawing = inkBox(img.copy(0, 0, 1920, 1080 * 3 / 4));
        QVERIFY2(drawing.width() >= 1920 / 2,
                 qPrintable(QStringLiteral("the tree spans %1 px of 1920").arg(drawing.width())));
        QVERIFY(QRect(54, 54, 1920 - 108, 1080 - 108).contains(inkBox(img)));
    }

    // Item 6: every file of a chapter's export is --width x --height, as --help says (1920 x 1080
    // by default); the figures (1248 px wide before, whatever was asked) fill it as diagrams do.
    void chapterExportIsTheSizeAsked() {
        QTemporaryDir dir;
        for (const QSize size : {QSize(1920, 1080), QSize(800, 1000)}) {
            const QString out = dir.filePath(QStringLiteral("redis-%1").arg(size.width()));
            QStringList args{"export", "--chapter", "redis", "--out", out};
            if (size != QSize(1920, 1080)) {
                args << "--width" << QString::number(size.width()) << "--height"
                     << QString::number(size.height());
            }
            const CommandResult r = runTool(args);
            QVERIFY2(r.exit == 0, r.err.constData());
            const QStringList files = QDir(out).entryList({"*.png"}, QDir::Files);
            QVERIFY(files.size() >= 3);
            for (const QString& file : files) {
                const QImage img(QDir(out).filePath(file));
                QCOMPARE(img.size(), size);
                const QRect ink = inkBox(img);
                const qreal used = std::max(qreal(ink.width()) / size.width(),
                                            qreal(ink.height()) / size.height());
                QVERIFY2(used >= 0.8, qPrintable(QStringLiteral("%1 at %2x%3 uses %4%")
                                                     .arg(file)
                                                     .arg(size.width())
                                                     .arg(size.height())
                                                     .arg(used * 100, 0, 'f', 0)));
            }
        }
    }

    // `fieldguide anki OUT.txt` writes what File > Export quiz cards for Anki writes: Anki's four
    // header lines, then one note per card of the quiz files, each a front and a back separated
    // by one tab. Nothing is printed; a folder that cannot be written is status 1, the message
    // naming the file, and nothing is written; a full disk leaves an old file whole; a quiz file
    // that does not load is named, the other cards written, and the status is 2.
    void ankiWritesEveryQuizCard() {
        QTemporaryDir dir;
        const QString out = dir.filePath("cards.txt");
        const CommandResult r = runTool({"anki", out});
        QVERIFY2(r.exit == 0, r.err.constData());
        QVERIFY(r.out.isEmpty() && r.err.isEmpty());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        f.close();
        QVERIFY(text.endsWith('\n') && !text.contains('\r'));
        const QList<QByteArray> lines = text.trimmed().split('\n');
        QCOMPARE(lines.mid(0, 4), QList<QByteArray>({"#separator:tab", "#html:true",
                                                     "#deck:fieldguide", "#notetype:Basic"}));
        int cards = 0;
        const QDir quizzes(QStringLiteral(FG_SOURCE_DIR "/content/quizzes"));
        for (const QString& name : quizzes.entryList({"*.json"}, QDir::Files)) {
            QFile q(quizzes.filePath(name));
            QVERIFY(q.open(QIODevice::ReadOnly));
            cards += int(nlohmann::json::parse(q.readAll().toStdString()).at("cards").size());
        }
        QVERIFY(cards >= 13);
        QCOMPARE(int(lines.size()), 4 + cards);
        for (const QByteArray& line : lines.mid(4)) {
            QCOMPARE(line.count('\t'), 1);
            QVERIFY2(!line.startsWith('#') && !line.startsWith('"'), line.constData());
        }

        const QString blocked = dir.filePath("cards.txt/inside.txt"); // under a file
        const CommandResult b = runTool({"anki", blocked});
        QCOMPARE(b.exit, 1);
        QVERIFY2(b.err.startsWith("fieldguide anki: Could not write " + blocked.toUtf8()),
                 b.err.constData());
        QVERIFY(!QFileInfo::exists(blocked));

        QTemporaryDir broken;
        QVERIFY(QDir(broken.path()).mkpath("quizzes"));
        QFile bad(broken.filePath("quizzes/bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ broken");
        bad.close();
        const CommandResult e = runTool({"anki", dir.filePath("few.txt")}, broken.path());
        QCOMPARE(e.exit, 2);
        QVERIFY2(e.err.contains("fieldguide anki: bad.json"), e.err.constData());
        QVERIFY(QFileInfo::exists(dir.filePath("few.txt")));

        FullDisk disk(
            8192); // two pages: the old file takes one, the cards need more than the other
        if (!disk.available()) {
            QSKIP(disk.skipReason());
        }
        QFile old(disk.path("old.txt"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write("old"), qint64(3));
        old.close();
        const CommandResult full = runTool({"anki", disk.path("old.txt")});
        QCOMPARE(full.exit, 1);
        QVERIFY2(full.err.contains("No space left on device"), full.err.constData());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        QCOMPARE(disk.files(), QStringList{"old.txt"});
    }

    void badCommandsExitWithTwo() {
        for (const QStringList& args :
             {QStringList{"frobnicate"}, QStringList{"--frobnicate"}, QStringList{"list", "extra"},
              QStringList{"anki"}, QStringList{"anki", "a.txt", "b.txt"},
              QStringList{"anki", "--out"}}) {
            const CommandResult r = runTool(args);
            QCOMPARE(r.exit, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY(r.err.startsWith("fieldguide"));
        }
    }

    // The desktop app's own options: a mistyped one opened the app at its start without a word
    // (a tester's "--chapter nope", "--diagram nope", "--theme neon"). Each is said and refused
    // with exit 2 before any window.
    void aMistypedAppOptionIsRefused() {
        for (const QStringList& args :
             {QStringList{"--theme", "neon"}, QStringList{"--chapter", "nope"},
              QStringList{"--chapter", "nope#intro"}, QStringList{"--diagram", "nope"},
              QStringList{"--lang", "../de"}}) {
            const CommandResult r = runTool(args, {}, {"QT_QPA_PLATFORM=offscreen"});
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains("fieldguide: ") && r.err.contains("\"" + args[1].toUtf8()),
                     r.err.constData());
        }
        // An option without its value, or one the app does not know: the same exit 2 (it was
        // Qt's exit 1, against the help's "bad usage exits 2").
        for (const QStringList& args : {QStringList{"--chapter"}, QStringList{"--themes", "x"}}) {
            const CommandResult r = runTool(args, {}, {"QT_QPA_PLATFORM=offscreen"});
            QVERIFY2(r.exit == 2, qPrintable(args.join(' ') + ": " + QString::number(r.exit)));
            QVERIFY2(r.err.contains("fieldguide: "), r.err.constData());
        }
        // A section the chapter does not have: said with the ones it has (it opened the chapter
        // at its start without a word).
        {
            const CommandResult r =
                runTool({"--chapter", "redis#nope"}, {}, {"QT_QPA_PLATFORM=offscreen"});
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.startsWith("fieldguide: ") && r.err.contains("\"nope\"") &&
                         r.err.contains("\"redis\"") && r.err.contains("its sections: "),
                     r.err.constData());
        }
        // With no display at all (a tester's ssh session): the same message and exit 2, not
        // Qt's "could not connect to display" abort (exit 134); Qt's own single-dash options
        // (-platform, documented in the manual page) are left to Qt.
        for (const QStringList& args : {QStringList{"--theme", "neon"}, QStringList{"--chapter"},
                                        QStringList{"-platform", "xcb", "--diagram", "nope"},
                                        QStringList{"-reverse", "--chapter", "nope"}}) {
            const CommandResult r = runTool(args, {}, {"QT_QPA_PLATFORM=xcb"});
            QVERIFY2(r.exit == 2, qPrintable(args.join(' ') + ": " + QString::number(r.exit) + " " +
                                             QString::fromLocal8Bit(r.err)));
            QVERIFY2(r.err.startsWith("fieldguide: ") && !r.err.contains("display"),
                     r.err.constData());
        }
        // Good options with no display: a sentence and exit 1, not Qt's abort (exit 134).
        for (const QString& platform :
             {QString(), QStringLiteral("xcb"), QStringLiteral("wayland")}) {
            const CommandResult r =
                runTool({"--chapter", "redis"}, {}, {"QT_QPA_PLATFORM=" + platform});
            QVERIFY2(r.exit == 1, qPrintable(platform + ": " + QString::number(r.exit) + " " +
                                             QString::fromLocal8Bit(r.err)));
            QVERIFY2(r.err.startsWith("fieldguide: no display") && r.err.contains("--help"),
                     r.err.constData());
        }
    }
};

FG_TEST_GUILESS_MAIN(TestCliApp)
#include "test_cli_app.moc"
