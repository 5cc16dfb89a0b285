// The UI in a made-up language whose strings are 40% longer and accented (PseudoTranslator), as
// a translation would make it: on every kind of page (the reader, each live diagram, the study
// tools and simulators, the Lab pages) at 1920x1080, no label or button shows less than its
// text. A label is cut when its longest line is wider than its room; a button when its size is
// less than it asks for. The words drawn inside the live diagrams (their labels, legends and
// titles) fit their boxes and stay inside the drawing, and their charts' legends and axis titles
// keep off the data and whole, as test_diagram_clipping checks English. A drawn line that wraps
// keeps its words on two lines rather than shortening them (the Redis Cluster's routed key).
#include "app/pseudo_translator.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "tests/widgets/diagrams/chart_faults.h"
#include "tests/widgets/diagrams/diagram_test_support.h"
#include "tests/widgets/diagrams/frame_faults.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/simulators/quorum_view.h"
#include "widgets/simulators/storage_view.h"

#include <QAbstractButton>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>

namespace {

// The widest line of `label`'s text, in its font (rich text as laid out by Qt).
int widestLineOf(const QLabel* label) {
    if (Qt::mightBeRichText(label->text())) {
        QTextDocument doc;
        doc.setDefaultFont(label->font());
        doc.setDocumentMargin(0);
        doc.setHtml(label->text());
        return qCeil(doc.idealWidth());
    }
    // A label with a buddy draws its mnemonic's "&" as an underline, not as a letter.
    QString text = label->text();
    if (label->buddy()) {
        text.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&'));
        text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    }
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
    }
    return widest;
}

// What of `w` is cut ("" when nothing), and how much.
QString cutTextOf(QWidget* w) {
    if (auto* label = qobject_cast<QLabel*>(w)) {
        if (label->wordWrap() || label->text().isEmpty()) {
            return {};
        }
        const int room = label->contentsRect().width() - 2 * label->margin();
        if (const int need = widestLineOf(label); need > room) {
            return QStringLiteral("label \"%1\": %2 px of text in %3 px")
                .arg(label->text().left(60))
                .arg(need)
                .arg(room);
        }
    } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
        if (!button->text().isEmpty() && button->sizeHint().width() > button->width()) {
            return QStringLiteral("button \"%1\": %2 px wide, needs %3")
                .arg(button->text())
                .arg(button->width())
                .arg(button->sizeHint().width());
        }
    }
    return {};
}

const std::vector<fg::Theme> kThemes{fg::Theme::light(), fg::Theme::dark(), fg::Theme::projector()};

QStringList pseudoLabPages() {
    return {QStringLiteral("lab-postgres"), QStringLiteral("lab-redis"),
            QStringLiteral("lab-rocksdb"), QStringLiteral("lab-kafka"),
            QStringLiteral("lab-buckets")};
}

// "where: sentence" for each of `texts` that has a count apart from its noun: an English noun,
// or a noun translated alone ("3 [ñódéš ~]": the translator saw "nodes" without its count, so
// could not choose its form).
QStringList countsApartIn(const QStringList& texts, const QString& where) {
    static const QRegularExpression apart(QStringLiteral("\\b\\d+(\\.\\d+)? ?\\[(?!\\d)"));
    static const QRegularExpression english(QStringLiteral(
        "\\b\\d+ (nodes?|keys?|slots?|masters?|brokers?|records?|tables?|blocks?|points?|rows?|"
        "levels?|steps?|operations?|pages?|replicas? (is|are))\\b"));
    QStringList found;
    for (const QString& text : texts) {
        if (english.match(text).hasMatch() || apart.match(text).hasMatch()) {
            found << where + QStringLiteral(": ") + text.left(200);
        }
    }
    return found;
}

} // namespace

class TestPseudoLocale : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("pseudo-locale");
        QCoreApplication::installTranslator(new fg::PseudoTranslator(this));
    }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void theMadeUpLanguageKeepsWhatStringsNeed() {
        QVERIFY(fg::PseudoTranslator::pseudo(QStringLiteral("&Open %1 of %n"))
                    .startsWith(QStringLiteral("[&Ópéñ %1 óf %n ~")));
        QVERIFY(fg::PseudoTranslator::pseudo(QStringLiteral("<b>Step</b> &amp; more"))
                    .startsWith(QStringLiteral("[<b>Štép</b> &amp; móré")));
        const QString source = QStringLiteral("Produce 8 without key");
        const qsizetype longer = fg::PseudoTranslator::pseudo(source).size();
        QVERIFY2(longer >= source.size() * 1.35 && longer <= source.size() * 1.5,
                 qPrintable(QString::number(longer)));
        // Installed: tr() goes through it.
        QCOMPARE(QCoreApplication::translate("Any", "Theme"),
                 fg::PseudoTranslator::pseudo(QStringLiteral("Theme")));
    }

    void noTextIsCutOnAnyPage() {
        QStringList problems;
        int translated = 0, pages = 0;
        forEveryWindow(
            [&](fg::MainWindow& w, QSize screen, fg::ThemeChoice) {
                openEveryPage(w);
                for (const QString& lab : pseudoLabPages()) {
                    w.openTool(lab);
                }
                for (int i = 0; i < w.tabs()->count(); ++i) {
                    w.tabs()->setCurrentIndex(i);
                    settle();
                    ++pages;
                    const QString page = w.tabs()->tabText(i);
                    for (QWidget* c : w.findChildren<QWidget*>()) {
                        if (!c->isVisible()) {
                            continue;
                        }
                        const auto* label = qobject_cast<QLabel*>(c);
                        const auto* button = qobject_cast<QAbstractButton*>(c);
                        translated += (label && label->text().contains(QLatin1Char('~'))) ||
                                      (button && button->text().contains(QLatin1Char('~')));
                        if (const QString what = cutTextOf(c); !what.isEmpty()) {
                            problems
                                << QStringLiteral("%1, %2: %3").arg(sizeText(screen), page, what);
                        }
                    }
                }
            },
            {fg::ThemeChoice::Light}, {QSize(1920, 1080)});
        QVERIFY2(pages > 20, qPrintable(QString::number(pages)));
        QVERIFY2(translated > 100, qPrintable(QString::number(translated))); // it is in force
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 cut:\n").arg(problems.size()) +
                                                problems.mid(0, 40).join(QLatin1Char('\n'))));
    }

    // Each live diagram with steps at its first, a middle and its last step, in every theme, its
    // frames as the screen and every export draw them.
    void everyDiagramsDrawnWordsFit_data() { addDiagramViews(); }
    void everyDiagramsDrawnWordsFit() {
        QFETCH(ViewFactory, make);
        auto view = make();
        QVERIFY(view);
        const QStringList faults = frameFaultsOf(*view, kThemes);
        // The made-up language is in force in the drawing: where it draws words (a text with a
        // space; the B-Tree's default run draws keys alone), some are in it.
        int translated = 0, words = 0;
        const fg::DiagramSource* source = view->panel()->canvas()->source();
        QVERIFY(source);
        for (int step : stepsOf(*view)) {
            for (const fg::FrameItem& it : source->frame(step, kThemes.front()).items) {
                translated += it.text.contains(QLatin1Char('~')) ? 1 : 0;
                words += it.text.contains(QLatin1Char(' ')) ? 1 : 0;
            }
        }
        QVERIFY2(words == 0 || translated > 0, "no drawn word is in the made-up language");
        QVERIFY2(faults.isEmpty(), qPrintable(QStringLiteral("%1 faults:\n").arg(faults.size()) +
                                              faults.mid(0, 30).join(QLatin1Char('\n'))));
    }

    // A key as long as the route label keeps whole (40 characters), with a hash tag: in the
    // made-up language its line is wider than the bar, and two lines hold it. The key and its
    // tag stay whole (they were shortened to 24 characters first, then the line wrapped).
    void aLongKeyKeepsItsWordsWhenTwoLinesFit() {
        const QString key = QStringLiteral("{customer:4711}:shopping-cart:items:2024");
        fg::redis::ClusterOp op;
        op.kind = fg::redis::ClusterOp::Kind::Route;
        op.key = key.toStdString();
        op.value.emplace(1, 'v');
        const fg::HashslotDiagram d(3, 0, {op});
        for (const fg::Theme& theme : kThemes) {
            const fg::Frame frame = d.frame(0, theme); // find() points into it
            const fg::FrameItem* label = frame.find(QStringLiteral("route-label"));
            QVERIFY(label);
            const QString said = theme.name() + QStringLiteral(": ") + label->text;
            QVERIFY2(label->text.contains(QLatin1Char('~')), qPrintable(said)); // made up
            QVERIFY2(QFontMetricsF(fg::frameFont(*label)).horizontalAdvance(label->text) >
                         fg::frameTextRoom(*label).width(),
                     qPrintable(said)); // one line is too narrow for it
            QVERIFY2(label->text.contains(key), qPrintable(said));
            QCOMPARE(fg::frameText(*label).count(QLatin1Char('\n')), 1);
            const QSizeF need = fg::frameTextSize(*label);
            QVERIFY2(need.width() <= fg::frameTextRoom(*label).width() &&
                         need.height() <= label->rect.height(),
                     qPrintable(said));
        }
    }

    // The counts and roles a drawing puts into its sentences are in the made-up language too:
    // no English noun is left in a drawn text or its tooltip at any step (the Redis Cluster's
    // "5461 slots" and "master", the time series' "points", "skipped" and "now" were English
    // words passed into translated sentences).
    void everyDiagramsCountsAreTranslated_data() { addDiagramViews(); }
    void everyDiagramsCountsAreTranslated() {
        QFETCH(ViewFactory, make);
        auto view = make();
        QVERIFY(view);
        const QRegularExpression english(QStringLiteral(
            "\\b(slots?|keys?|master|failed|points?|buckets?|blocks?|rows?|skipped|now|"
            "entry|entries|tables?|tombstones?|files?)\\b"));
        const fg::DiagramSource* source = view->panel()->canvas()->source();
        QVERIFY(source);
        QStringList left;
        for (int step = 0; step < view->panel()->player()->stepCount(); ++step) {
            for (const fg::FrameItem& it : source->frame(step, kThemes.front()).items) {
                for (const QString& words : {it.text, it.toolTip}) {
                    if (english.match(words).hasMatch()) {
                        left << QStringLiteral("step %1, %2: %3").arg(step).arg(it.id, words);
                    }
                }
            }
        }
        left.removeDuplicates();
        QVERIFY2(left.isEmpty(), qPrintable(left.mid(0, 10).join(QLatin1Char('\n'))));
    }

    // A count is said with its noun in one translated phrase ("%n key(s)"), so a translator
    // writes each plural form: the spoken state a screen reader hears, the counters under the
    // drawing and the simulators' summaries keep no English noun (they had "3 nodes", "2
    // levels", "1 replica is" built from English words).
    void everySpokenCountIsTranslated_data() { addDiagramViews(); }
    void everySpokenCountIsTranslated() {
        QFETCH(ViewFactory, make);
        auto view = make();
        QVERIFY(view);
        view->resize(1400, 900);
        view->show();
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        QStringList left;
        for (int step = 0; step < canvas->player()->stepCount(); ++step) {
            canvas->player()->seek(step);
            QStringList said{canvas->source()->summary(step)};
            for (const QLabel* label : view->findChildren<QLabel*>()) {
                if (!label->text().contains(canvas->narrationAt(step))) {
                    said << label->text(); // the narration is the engine's, said in English
                }
            }
            left << countsApartIn(said, QStringLiteral("step %1").arg(step));
        }
        left.removeDuplicates();
        QVERIFY2(left.isEmpty(), qPrintable(left.mid(0, 10).join(QLatin1Char('\n'))));
    }

    void theSimulatorsCountsAreTranslated() {
        fg::QuorumView quorum;
        quorum.setParams(3, 2, 2, {false, true, true}); // the write and the read refused
        fg::StorageView storage;
        const QStringList left =
            countsApartIn({quorum.summaryText(), storage.summaryText()}, QStringLiteral("summary"));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
        // In English (no translation), each phrase agrees with its count.
        auto* pseudo = findChild<fg::PseudoTranslator*>();
        QVERIFY(pseudo && QCoreApplication::removeTranslator(pseudo));
        quorum.setParams(3, 2, 2,
                         {false, true, false}); // another setting: the summary is rewritten
        quorum.setParams(3, 2, 2, {false, true, true});
        const QString english = quorum.summaryText();
        QCoreApplication::installTranslator(pseudo);
        QVERIFY2(english.contains(QStringLiteral("only 1 of 3 replicas are up")) &&
                     english.contains(QStringLiteral("only 1 replica is up")),
                 qPrintable(english));
    }

    void everyDiagramsChartKeepsItsWords_data() { addDiagramViews(); }
    void everyDiagramsChartKeepsItsWords() {
        QFETCH(ViewFactory, make);
        auto view = make();
        QVERIFY(view);
        if (!view->chart()) {
            QSKIP("this diagram has no chart");
        }
        const QStringList faults = chartFaultsOf(*view, kThemes);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.mid(0, 20).join(QLatin1Char('\n'))));
    }
};

FG_TEST_MAIN(TestPseudoLocale)
#include "test_pseudo_locale.moc"
