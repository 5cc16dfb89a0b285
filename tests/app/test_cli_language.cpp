// The commands' output is a contract (docs/cli.md, "Output and language"): the same on every
// machine, whatever its language. `fieldguide list` under a German LANG and FIELDGUIDE_LANG=de
// prints what it prints under LANG=C, English, even where the course has a German chapter.
#include "tests/app/cli_run.h"
#include "tests/app/german_chapter_course.h"
#include "tests/suite_main.h"

#include <QTest>

namespace {

const QStringList kGermanMachine = {QStringLiteral("LANG=de_DE.UTF-8"),
                                    QStringLiteral("LC_ALL=de_DE.UTF-8"),
                                    QStringLiteral("FIELDGUIDE_LANG=de")};
const QStringList kCMachine = {QStringLiteral("LANG=C"), QStringLiteral("LC_ALL="),
                               QStringLiteral("FIELDGUIDE_LANG=")};

} // namespace

class TestCliLanguage : public QObject {
    Q_OBJECT
private slots:
    void listIsTheSameInEveryLanguage() {
        const GermanChapterCourse course;
        const CommandResult c = runTool({"list"}, course.root(), kCMachine);
        const CommandResult german = runTool({"list"}, course.root(), kGermanMachine);
        QVERIFY2(c.exit == 0, c.err.constData());
        QVERIFY2(german.exit == 0, german.err.constData());
        QVERIFY2(c.out.startsWith("alpha\tAlpha stores\n"), c.out.constData());
        QCOMPARE(german.out, c.out);
        QCOMPARE(german.err, c.err);
    }
};

FG_TEST_GUILESS_MAIN(TestCliLanguage)
#include "test_cli_language.moc"
