// The inputs of a practice exercise as the student reads them (the Practice page and the
// worksheet): a yes or no says what it answers. The LSM compaction exercise gave "bottom: no",
// which a tester took for broken text: the output level is or is not the bottom level, and
// which keys are "older outside" is said in the prompt's words.
#include "engines/practice/practice.h"
#include "tests/suite_main.h"
#include "widgets/practice/given_text.h"

#include <QTest>
#include <QTextDocument>

class TestGivenText : public QObject {
    Q_OBJECT
private slots:
    void aYesOrNoSaysWhatItAnswers() {
        const auto* type = fg::practice::findExerciseType("lsm", "compaction");
        QVERIFY(type);
        bool seen[2] = {false, false}; // a compaction into the bottom level, and one above it
        for (std::uint64_t seed = 1; seed <= 200 && !(seen[0] && seen[1]); ++seed) {
            const fg::practice::Exercise e = type->make(seed, fg::practice::Level::Medium);
            QTextDocument doc;
            doc.setHtml(fg::givenHtml(e));
            const QString text = doc.toPlainText();
            const bool bottom = e.given["bottom"].get<bool>();
            seen[bottom] = true;
            QVERIFY2(!text.contains(QStringLiteral("bottom: no")) &&
                         !text.contains(QStringLiteral("bottom: yes")),
                     qPrintable(text));
            QVERIFY2(
                text.contains(bottom ? QStringLiteral("bottom level: yes, no table lies below the "
                                                      "output level")
                                     : QStringLiteral("bottom level: no, tables lie below "
                                                      "the output level")),
                qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("older outside (keys of which a table left out "
                                                  "of the compaction holds an older version): ")),
                     qPrintable(text));
        }
        QVERIFY(seen[0] && seen[1]);
    }
};

FG_TEST_MAIN(TestGivenText)
#include "test_given_text.moc"
