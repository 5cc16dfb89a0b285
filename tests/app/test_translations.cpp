// The build writes the UI's strings for translators (app/CMakeLists.txt: lupdate into
// translations/fieldguide_en.ts): the file is there, and holds the strings of the window, the
// pages and the Lab, each in the class that shows it.
#include "tests/suite_main.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void theBuildWritesEveryTrString() {
        QFile ts(QStringLiteral(FG_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), FG_TS_FILE);
        QXmlStreamReader xml(&ts);
        QSet<QString> contexts, sources;
        QString context;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) {
                continue;
            }
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                contexts << context;
            } else if (xml.name() == QLatin1String("source")) {
                sources << context + QLatin1Char('|') +
                               xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(sources.size() > 500, qPrintable(QString::number(sources.size())));
        // Each class by its full name, as tr() asks for it ("fg::MainWindow"): without the
        // headers, lupdate wrote "MainWindow" and no translation would have been found.
        for (const char* s : {"fg::MainWindow|Colours for colour &blindness",
                              "fg::MainWindow|&Light", "fg::KafkaView|Produce"}) {
            QVERIFY2(sources.contains(QString::fromUtf8(s)), s);
        }
        QVERIFY(contexts.contains(QStringLiteral("fg::QuizView")));
        // The words of a file with no QObject of its own (a diagram's labels, the Lab's tree),
        // under the context the app asks for (Q_DECLARE_TR_FUNCTIONS): a file-local tr() helper
        // was written under "fg" and would never have been found.
        for (const char* s :
             {"fg::KafkaDiagram|Broker B%1", "fg::HashSlotDiagram|16,384 hash slots",
              "fg::LsmDiagram|not here", "fg::DownsampleDiagram|points as written",
              "fg::BTreeDiagram|Key %1", "fg::PgTreeDrawing|The rightmost page of its level.",
              "fg::DiagramView|The starting point: no operation yet."}) {
            QVERIFY2(sources.contains(QString::fromUtf8(s)), s);
        }
        QVERIFY2(sources.contains(QStringLiteral("fg::LiveDiagrams|Redis Cluster hash slots")),
                 "the live diagrams' titles");
        QVERIFY(!contexts.contains(QStringLiteral("fg"))); // a context no translator could place
    }
};

FG_TEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
