// The build writes the UI's strings for translators (app/CMakeLists.txt: lupdate into
// translations/fieldguide_en.ts): the file is there, and holds the strings of the window, the
// pages and the Lab, each in the class that shows it.
#include "tests/suite_main.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// What the .ts holds: its contexts, and each string as "context|source".
struct TsStrings {
    QSet<QString> contexts, sources;
    QString error; // empty: read whole
};

TsStrings readTs() {
    TsStrings out;
    QFile ts(QStringLiteral(FG_TS_FILE));
    if (!ts.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("cannot open " FG_TS_FILE);
        return out;
    }
    QXmlStreamReader xml(&ts);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out.contexts << context;
        } else if (xml.name() == QLatin1String("source")) {
            out.sources << context + QLatin1Char('|') +
                               xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    out.error = xml.hasError() ? xml.errorString() : QString();
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void theBuildWritesEveryTrString() {
        const TsStrings ts = readTs();
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        const QSet<QString>& contexts = ts.contexts;
        const QSet<QString>& sources = ts.sources;
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
        // The short titles too (tabs, pictures), and the reader's card's link.
        for (const char* s :
             {"fg::LiveDiagrams|Kafka partitions", "fg::ChapterHtml|Open the live diagram"}) {
            QVERIFY2(sources.contains(QString::fromUtf8(s)), s);
        }
    }

    // Every string under the context of the code that shows it (a class, or a file's words by
    // Q_DECLARE_TR_FUNCTIONS): QObject::tr() in a free function wrote 65 strings under "QObject",
    // where a translator cannot tell where they show and the same English words in two places
    // ("Cancel", "node %1") cannot be translated apart.
    void noStringIsUnderQObject() {
        const TsStrings ts = readTs();
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QStringList underQObject;
        for (const QString& s : ts.sources) {
            if (s.startsWith(QLatin1String("QObject|"))) {
                underQObject << s;
            }
        }
        QVERIFY2(underQObject.isEmpty(), qPrintable(underQObject.join(QStringLiteral(" ; "))));
        QVERIFY(!ts.contexts.contains(QStringLiteral("QObject")));
        QVERIFY(ts.sources.contains(QStringLiteral("fg::ExportActions|Export animation")));
        QVERIFY(ts.sources.contains(QStringLiteral("fg::NoticeBar|Close")));
    }
};

FG_TEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
