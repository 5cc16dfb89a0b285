// The app's own commands, run as a user runs them: --help, --version, list (the contract's
// format), and the exit codes for bad commands and broken content.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace {

struct Result {
    int exit = -1;
    QByteArray out, err;
};

Result runTool(const QStringList& args, const QString& contentDir = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    if (!contentDir.isEmpty()) {
        env.insert("FIELDGUIDE_CONTENT_DIR", contentDir);
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FIELDGUIDE_BIN), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestCliApp : public QObject {
    Q_OBJECT
private slots:
    void versionAndHelpNeedNoDisplay() {
        const Result v = runTool({"--version"});
        QCOMPARE(v.exit, 0);
        QCOMPARE(v.out, QByteArray("fieldguide " FIELDGUIDE_VERSION "\n"));
        const Result h = runTool({"--help"});
        QCOMPARE(h.exit, 0);
        for (const char* cmd :
             {"slot", "partition", "run", "export", "downsample", "compress", "list"}) {
            QVERIFY2(h.out.contains(QByteArray("  ") + cmd + " "), cmd);
        }
    }

    void listNamesChaptersThenTheirDiagrams() {
        const Result r = runTool({"list"}, QStringLiteral(TEST_DATA_DIR "/good"));
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out,
                 QByteArray("alpha\tAlpha stores\n"
                            "  btree\tB-Tree: inserts, splits, search and range (PostgreSQL)\n"
                            "beta\tBeta stores\n"));
        QVERIFY(r.err.isEmpty());
    }

    void listReportsBrokenContentAndStillListsTheRest() {
        const Result r = runTool({"list"}, QStringLiteral(TEST_DATA_DIR "/broken"));
        QCOMPARE(r.exit, 2);
        QVERIFY(r.out.startsWith("good\t"));
        QVERIFY2(r.err.contains("chapters/row-mismatch.json: /sections/0/blocks/0/rows/4"),
                 r.err.constData());
    }

    void badCommandsExitWithTwo() {
        for (const QStringList& args : {QStringList{"frobnicate"}, QStringList{"--frobnicate"},
                                        QStringList{"list", "extra"}}) {
            const Result r = runTool(args);
            QCOMPARE(r.exit, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY(r.err.startsWith("fieldguide"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliApp)
#include "test_cli_app.moc"
