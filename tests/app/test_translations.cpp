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
    }
};

FG_TEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
