// The window in the learner's language: with a translation built for it (here a German one of a
// few strings, data/translations/fieldguide_de.ts made a .qm at build time), the window's words
// come from it, Qt's own dialogs' words from Qt's translation, and numbers are written as the
// language writes them; with none for the language, the window stays English.
#include "app/app_translations.h"
#include "app/main_window.h"
#include "app/reader/chapter_html.h"
#include "models/course/content_loader.h"
#include "models/theme/theme.h"
#include "tests/app/app_test_support.h"
#include "tests/app/german_chapter_course.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/simulators/cache_view.h"
#include "widgets/simulators/simulators.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

namespace {

// The titles of the window's menus, as shown ("&Datei").
QStringList menuTitles(const fg::MainWindow& w) {
    QStringList titles;
    for (const QAction* a : w.menuBar()->actions()) {
        titles << a->text();
    }
    return titles;
}

// The entries of the window's menu titled `title` ("&Diagrams"), without their access keys'
// "&" (the menu gives each entry one).
QStringList menuEntries(const fg::MainWindow& w, const QString& title) {
    QStringList entries;
    for (const QAction* a : w.menuBar()->actions()) {
        if (a->text() == title && a->menu()) {
            for (const QAction* entry : a->menu()->actions()) {
                entries << QString(entry->text()).remove(QLatin1Char('&'));
            }
        }
    }
    return entries;
}

const QString kGermanRedisTitle = QStringLiteral("Hash-Slots im Redis Cluster");

// `fieldguide --lang de_DE` on a French system.
fg::AppLanguage germanAsked() {
    return fg::chooseLanguage(QStringLiteral("de_DE"), QLocale(QStringLiteral("fr_FR")));
}

// The chapter list's rows, as shown.
QStringList chapterRows(const fg::MainWindow& w) {
    QStringList rows;
    const auto* tree = w.findChild<QTreeWidget*>();
    for (int i = 0; tree && i < tree->topLevelItemCount(); ++i) {
        rows << tree->topLevelItem(i)->text(0);
    }
    return rows;
}

// Takes out every translator installed on the application (each test starts English).
void removeTranslators() {
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestAppTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("app-translations");
        // The registries' rows made before any translator, as main makes the live diagrams'.
        QVERIFY(!fg::liveDiagrams().empty());
        QVERIFY(!fg::simulators().empty());
    }
    void cleanup() {
        removeTranslators();
        QLocale::setDefault(startLocale_);
    }

    // The language is decided once: the one asked for (--lang, else FIELDGUIDE_LANG) when it is a
    // language code, else the system's; the course's folders and the window's translations are
    // looked for under the same names, the most specific first.
    void theLanguageIsDecidedOnce_data() {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QStringList>("folders");
        QTest::newRow("asked") << "de"
                               << "fr_FR"
                               << "de_DE" << QStringList{"de"};
        QTest::newRow("asked, a country's") << "de_AT"
                                            << "fr_FR"
                                            << "de_AT" << QStringList{"de_AT", "de"};
        QTest::newRow("as LANG spells it") << "pt_BR.UTF-8"
                                           << "fr_FR"
                                           << "pt_BR" << QStringList{"pt_BR", "pt"};
        QTest::newRow("none: the system's") << ""
                                            << "de_DE"
                                            << "de_DE" << QStringList{"de_DE", "de"};
        QTest::newRow("not a code: the system's") << "../x"
                                                  << "de_DE"
                                                  << "de_DE" << QStringList{"de_DE", "de"};
        QTest::newRow("the C locale: English") << ""
                                               << "C"
                                               << "C" << QStringList{};
    }
    void theLanguageIsDecidedOnce() {
        QFETCH(QString, asked);
        QFETCH(QString, system);
        QFETCH(QString, locale);
        QFETCH(QStringList, folders);
        const fg::AppLanguage language = fg::chooseLanguage(asked, QLocale(system));
        QCOMPARE(language.locale.name(), locale);
        QCOMPARE(language.folders, folders);
    }

    // --lang de_DE: no fieldguide_de_DE.qm, so fieldguide_de.qm, one translator.
    void theTranslationOfTheLanguageShowsInTheWindow() {
        const QTranslator* loaded =
            fg::installTranslations(*qApp, germanAsked(), {QStringLiteral(FG_TEST_QM_DIR)});
        QVERIFY(loaded);
        QCOMPARE(loaded->filePath(), QStringLiteral(FG_TEST_QM_DIR "/fieldguide_de.qm"));
        const fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        const QStringList titles = menuTitles(w);
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(' ')));
        QVERIFY(!titles.contains(QStringLiteral("&File")));
        QVERIFY(titles.contains(QStringLiteral("&View"))); // not translated: the English source
    }

    // --lang de_DE, as main passes it down: the window's words and the course from the same
    // choice, German where a translation exists (the menus, chapter alpha), English where none
    // does (the View menu, chapter beta).
    void theWindowAndTheCourseAreInOneLanguage() {
        const GermanChapterCourse content;
        const fg::AppLanguage language = germanAsked();
        QVERIFY(fg::useLanguage(*qApp, language, {QStringLiteral(FG_TEST_QM_DIR)}));
        const fg::MainWindow w(
            fg::loadCourse(fg::diagramLinks(), language.folders, content.root()));
        QVERIFY(menuTitles(w).contains(QStringLiteral("&Datei")));
        QVERIFY(menuTitles(w).contains(QStringLiteral("&View")));
        const QStringList rows = chapterRows(w);
        QVERIFY2(rows.filter(QStringLiteral("Alpha-Läden")).size() == 1,
                 qPrintable(rows.join('|')));
        QVERIFY2(rows.filter(QStringLiteral("Beta stores")).size() == 1,
                 qPrintable(rows.join('|')));
        QVERIFY(rows.filter(QStringLiteral("Alpha stores")).isEmpty());
        QCOMPARE(w.course().locales, (QStringList{"de_DE", "de"}));
    }

    // The live diagrams' titles are made once, at their first use, which in the app comes before
    // the translator is installed (the course starts loading before QApplication exists): they
    // were English under any translation. Made first here too, they show translated in the
    // Diagrams menu, on the diagram's tab and its tooltip, and on the card in its chapter.
    void theDiagramTitlesMadeBeforeTheTranslatorAreTranslated() {
        const fg::LiveDiagram* redis = fg::liveDiagram(QStringLiteral("hashslot"));
        QVERIFY(redis);
        QCOMPARE(redis->title(), QStringLiteral("Redis Cluster hash slots"));
        fg::useLanguage(*qApp, germanAsked(), {QStringLiteral(FG_TEST_QM_DIR)});
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        const QStringList menu = menuEntries(w, QStringLiteral("&Diagrams"));
        QVERIFY2(menu.contains(kGermanRedisTitle), qPrintable(menu.join(QStringLiteral(" | "))));
        QVERIFY(!menu.contains(QStringLiteral("Redis Cluster hash slots")));
        w.openDiagram(QStringLiteral("hashslot"));
        const int tab = w.tabs()->currentIndex();
        QCOMPARE(w.tabs()->tabText(tab), kGermanRedisTitle);
        QCOMPARE(w.tabs()->tabToolTip(tab), kGermanRedisTitle);
        const int chapter = w.course().indexOf(QStringLiteral("redis"));
        QVERIFY(chapter >= 0);
        const QString card = fg::chapterHtml(w.course().chapters[static_cast<std::size_t>(chapter)],
                                             fg::Theme::light(), 16, fg::diagramLinks());
        QVERIFY(card.contains(kGermanRedisTitle));
    }

    // The same for the simulators' rows: the quorum simulator's tab in German.
    void theSimulatorsTitlesMadeBeforeTheTranslatorAreTranslated() {
        fg::useLanguage(*qApp, germanAsked(), {QStringLiteral(FG_TEST_QM_DIR)});
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.openTool(QStringLiteral("quorum"));
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), QStringLiteral("Quoren"));
    }

    // The language chosen (--lang, FIELDGUIDE_LANG) is the default locale: a number the window
    // writes is written as German writes it, not as the system (here French) does, and Qt's own
    // buttons are in German (Qt's translation, qt6-translations-l10n).
    void theChosenLanguageWritesTheNumbersAndQtsWords() {
        fg::useLanguage(*qApp, germanAsked(), {QStringLiteral(FG_TEST_QM_DIR)});
        QCOMPARE(QLocale().name(), QStringLiteral("de_DE"));
        QCOMPARE(QStringLiteral("%L1").arg(1234567), QStringLiteral("1.234.567"));
        const fg::CacheView cache; // the cache simulator: its skew s is 1.0
        const auto* skew = cache.findChild<QDoubleSpinBox*>();
        QVERIFY(skew);
        QCOMPARE(skew->text(), QStringLiteral("1,00"));
        const QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void aLanguageWithNoTranslationStaysEnglish() {
        const fg::AppLanguage french = fg::chooseLanguage(QStringLiteral("fr_FR"), QLocale::c());
        QVERIFY(!fg::installTranslations(*qApp, french, {QStringLiteral(FG_TEST_QM_DIR)}));
        const fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
    }

    // The app looks beside its build (build/translations) and its install
    // (share/fieldguide/translations), FIELDGUIDE_TRANSLATIONS_DIR first.
    void theFoldersLookedInStartWithTheOverride() {
        qputenv("FIELDGUIDE_TRANSLATIONS_DIR", "/somewhere");
        const QStringList folders = fg::translationFolders();
        qunsetenv("FIELDGUIDE_TRANSLATIONS_DIR");
        QCOMPARE(folders.size(), 3);
        QCOMPARE(folders[0], QStringLiteral("/somewhere"));
        QVERIFY(folders[1].endsWith(QStringLiteral("/../translations")));
        QVERIFY(folders[2].endsWith(QStringLiteral("/../share/fieldguide/translations")));
    }

private:
    const QLocale startLocale_;
};

FG_TEST_MAIN(TestAppTranslations)
#include "test_app_translations.moc"
