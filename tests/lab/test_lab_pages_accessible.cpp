// Every Lab page through a screen reader's eyes (issue 19): each control Tab can reach says
// what it is (a name) and is not a nameless "filler" (the Redis page's tab widget was one, and
// its histograms were fillers too), and one object at most of the accessible tree says it has
// the focus, whichever control has it (the current tab of each tab bar said so too, and a
// widget handing its focus to another). No server is started: a page before its first run has
// every control it will have.
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/tab_bar.h"
#include "widgets/lab/buckets_lab_page.h"
#include "widgets/lab/kafka_lab_page.h"
#include "widgets/lab/lsm_lab_page.h"
#include "widgets/lab/pg_lab_page.h"
#include "widgets/lab/redis_lab_page.h"

#include <QAccessible>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>
#include <functional>
#include <memory>

using LabPageFactory = std::function<std::unique_ptr<QWidget>()>;
Q_DECLARE_METATYPE(LabPageFactory)

namespace {

template <class Page>
LabPageFactory factory() {
    return [] { return std::unique_ptr<QWidget>(new Page); };
}

// "QScrollArea \"\" (filler)" for each Tab stop of the accessible tree under `iface` (what the
// bus shows; a widget whose focus policy takes Tab and that says it can take the focus) that has
// no name or the role of a container with nothing to say (Client: "filler" on the bus, of which
// Orca says nothing). A widget that hands its focus on (a tab widget to its tab bar) must not
// say it can take it.
void collectBadStops(QAccessibleInterface* iface, QStringList& bad, int depth = 0) {
    if (!iface || !iface->isValid() || depth > 60) {
        return;
    }
    const QAccessible::State s = iface->state();
    auto* w = qobject_cast<QWidget*>(iface->object());
    if (w && (w->focusPolicy() & Qt::TabFocus) && s.focusable && !s.invisible) {
        const bool named = !iface->text(QAccessible::Name).trimmed().isEmpty();
        const bool filler = iface->role() == QAccessible::Client;
        if (!named || filler) {
            bad << QStringLiteral("%1 \"%2\" (%3)")
                       .arg(QLatin1String(w->metaObject()->className()),
                            iface->text(QAccessible::Name),
                            filler ? QStringLiteral("filler") : QStringLiteral("no name"));
        }
    }
    for (int i = 0; i < iface->childCount(); ++i) {
        collectBadStops(iface->child(i), bad, depth + 1);
    }
}

} // namespace

class TestLabPagesAccessible : public QObject {
    Q_OBJECT

private slots:
    void everyTabStopIsNamedAndNoFiller_data() { addPages(); }
    void everyTabStopIsNamedAndNoFiller() {
        QFETCH(LabPageFactory, make);
        auto page = make();
        page->resize(1600, 1000);
        page->show();
        QStringList bad;
        collectBadStops(QAccessible::queryAccessibleInterface(page.get()), bad);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1String("; "))));
    }

    void atMostOneSaysItHasTheFocus_data() { addPages(); }
    void atMostOneSaysItHasTheFocus() {
        QFETCH(LabPageFactory, make);
        auto page = make();
        page->resize(1600, 1000);
        page->show();
        FG_ACTIVATE_OR_SKIP(page.get());
        // Each control in turn has the focus: it alone says so.
        for (QWidget* target : page->findChildren<QWidget*>()) {
            if (!(target->focusPolicy() & Qt::TabFocus) || !target->isVisible()) {
                continue;
            }
            target->setFocus(Qt::TabFocusReason);
            const QStringList focused = fg::test::focusedInterfaces(page.get());
            QVERIFY2(focused.size() <= 1, qPrintable(focused.join(QLatin1String(", "))));
        }
    }

    // Zoom in plain words on every Lab page, as on a live diagram (a tester zoomed a Lab page in
    // the Projector theme and found its drawings cut off with no sign of how to see the rest):
    // Zoom in reaches every drawing of the page, Fit brings them all back.
    // In a small window with large type (a laptop, the Projector's type zoomed), the page
    // scrolls: no part is pressed onto another (the captions were drawn over the drawings, the
    // drawings 50 px high: a tester), and no drawing is less high than it asks to be.
    void aSmallWindowScrollsThePageRatherThanPressingItsParts_data() { addPages(); }
    void aSmallWindowScrollsThePageRatherThanPressingItsParts() {
        QFETCH(LabPageFactory, make);
        const std::unique_ptr<QWidget> page = make();
        QFont large = page->font();
        large.setPixelSize(QFontInfo(large).pixelSize() * 2);
        page->setFont(large);
        page->resize(1050, 600);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        for (int round = 0; round < 6; ++round) {
            QCoreApplication::processEvents();
            QTest::qWait(10);
        }
        QStringList pressed;
        for (const QWidget* box : page->findChildren<QWidget*>()) {
            const QLayout* layout = box->layout();
            if (!box->isVisible() || !layout) {
                continue;
            }
            std::vector<const QWidget*> parts;
            for (int i = 0; i < layout->count(); ++i) {
                const QWidget* w = layout->itemAt(i)->widget();
                if (w && w->isVisible() && !w->geometry().isEmpty()) {
                    parts.push_back(w);
                }
            }
            for (std::size_t i = 0; i < parts.size(); ++i) {
                for (std::size_t j = i + 1; j < parts.size(); ++j) {
                    if (parts[i]->geometry().intersects(parts[j]->geometry())) {
                        pressed << QStringLiteral("%1 on %2")
                                       .arg(QLatin1String(parts[i]->metaObject()->className()),
                                            QLatin1String(parts[j]->metaObject()->className()));
                    }
                }
            }
        }
        for (const fg::DiagramCanvas* canvas : page->findChildren<fg::DiagramCanvas*>()) {
            if (canvas->isVisible() && canvas->height() < canvas->minimumHeight()) {
                pressed << QStringLiteral("a drawing %1 px high, asks %2")
                               .arg(canvas->height())
                               .arg(canvas->minimumHeight());
            }
        }
        QVERIFY2(pressed.isEmpty(), qPrintable(pressed.join(QLatin1Char('\n'))));
    }

    void everyPageZoomsItsDrawingsWithButtons_data() { addPages(); }
    void everyPageZoomsItsDrawingsWithButtons() {
        QFETCH(LabPageFactory, make);
        auto page = make();
        page->resize(1600, 1000);
        page->show();
        const auto button = [&page](const char* name) -> QToolButton* {
            QToolButton* found = nullptr;
            for (QToolButton* b : page->findChildren<QToolButton*>()) {
                if (b->accessibleName() == QLatin1String(name) && b->isVisible()) {
                    if (found) {
                        return nullptr; // one of each
                    }
                    found = b;
                }
            }
            return found;
        };
        QToolButton* in = button("Zoom in");
        QToolButton* out = button("Zoom out");
        QToolButton* fit = button("Fit");
        QVERIFY(in && out && fit);
        QVERIFY(in->toolTip().contains(QStringLiteral("Ctrl++")));
        const QList<fg::DiagramCanvas*> canvases = page->findChildren<fg::DiagramCanvas*>();
        QVERIFY(!canvases.isEmpty());
        in->click();
        in->click();
        for (const fg::DiagramCanvas* c : canvases) {
            QVERIFY2(c->zoom() > 1.0, qPrintable(c->accessibleName()));
        }
        out->click();
        for (const fg::DiagramCanvas* c : canvases) {
            QVERIFY2(c->zoom() > 1.0 && !c->fitted(), qPrintable(c->accessibleName()));
        }
        fit->click();
        for (const fg::DiagramCanvas* c : canvases) {
            QVERIFY2(c->fitted(), qPrintable(c->accessibleName()));
        }
    }

    // A step tab reads as it is shown (a mnemonic's '&' gone, "&&" one '&'), is selected when
    // current, and says it has the focus only while its bar has it (Qt's said so always).
    void aTabReadsAsShownAndIsFocusedOnlyWithItsBar() {
        QWidget page;
        auto* layout = new QVBoxLayout(&page);
        auto* tabs = new fg::LabTabs(&page);
        tabs->addTab(new QWidget, QStringLiteral("&Keys and slots"));
        tabs->addTab(new QWidget, QStringLiteral("Key-Value && Caching"));
        auto* elsewhere = new QLineEdit(&page);
        layout->addWidget(tabs);
        layout->addWidget(elsewhere);
        page.show();
        FG_ACTIVATE_OR_SKIP(&page);
        QAccessibleInterface* bar = QAccessible::queryAccessibleInterface(tabs->tabBar());
        QVERIFY(bar && bar->childCount() >= 2);
        QCOMPARE(bar->child(0)->text(QAccessible::Name), QStringLiteral("Keys and slots"));
        QCOMPARE(bar->child(1)->text(QAccessible::Name), QStringLiteral("Key-Value & Caching"));
        QVERIFY(bar->child(0)->state().selected && !bar->child(1)->state().selected);
        elsewhere->setFocus(Qt::TabFocusReason);
        QVERIFY(!bar->child(0)->state().focused);
        tabs->tabBar()->setFocus(Qt::TabFocusReason);
        QVERIFY(bar->child(0)->state().focused);
        QVERIFY(!bar->state().focused); // the tab has it, not the bar besides
        QCOMPARE(bar->focusChild(), bar->child(0));
    }

private:
    static void addPages() {
        QTest::addColumn<LabPageFactory>("make");
        QTest::newRow("postgresql") << factory<fg::PgLabPage>();
        QTest::newRow("redis") << factory<fg::RedisLabPage>();
        QTest::newRow("rocksdb") << factory<fg::LsmLabPage>();
        QTest::newRow("kafka") << factory<fg::KafkaLabPage>();
        QTest::newRow("buckets") << factory<fg::BucketsLabPage>();
    }
};

FG_TEST_MAIN(TestLabPagesAccessible)
#include "test_lab_pages_accessible.moc"
