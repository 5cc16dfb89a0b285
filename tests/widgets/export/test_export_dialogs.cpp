// The export dialogs' choices as a teacher meets them: File > Export diagram's size fields are
// for "Custom size" alone (a preset shows its own size, greyed), and File > Export animation
// suggests a file named after the steps chosen, following the range until a name is typed.
#include "models/io/status_text.h"
#include "tests/suite_main.h"
#include "tests/verify_ok.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/controls/range_box.h"
#include "widgets/diagrams/btree_view.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/export/animation_dialog.h"
#include "widgets/export/animation_export.h"
#include "widgets/export/export_dialog.h"
#include "widgets/playback/player.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

namespace {

std::unique_ptr<fg::DiagramSource> defaultSource(const char* id) {
    fg::Status st;
    const auto scenario = fg::defaultScenario(QString::fromLatin1(id), st);
    return fg::makeDiagramSource(scenario, st);
}

} // namespace

class TestExportDialogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("fieldguide-test"));
        QCoreApplication::setApplicationName(QStringLiteral("fieldguide-test-export-dialogs"));
        QSettings().clear();
    }

    // Item 5: the width and height fields can be edited for "Custom size" alone; with a preset
    // chosen they are greyed and show the preset's size, and the custom size typed before comes
    // back with "Custom size".
    void customSizeFieldsAreForCustomAlone() {
        fg::ExportDialog d(QSize(1000, 600), fg::Theme::light(), "btree-step-3");
        QSpinBox* w = nullptr;
        QSpinBox* h = nullptr;
        for (QSpinBox* box : d.findChildren<QSpinBox*>()) {
            (box->accessibleName().contains("idth") ? w : h) = box;
        }
        QVERIFY(w && h);
        d.setSizeChoice(3);
        d.setCustomSize(QSize(1234, 567));
        QVERIFY(w->isEnabled() && h->isEnabled());
        const QSize presets[] = {QSize(1000, 600), QSize(1920, 1080), QSize(3840, 2160)};
        for (int choice = 0; choice < 3; ++choice) {
            d.setSizeChoice(choice);
            QVERIFY2(!w->isEnabled() && !h->isEnabled(), qPrintable(QString::number(choice)));
            QCOMPARE(QSize(w->value(), h->value()), presets[choice]);
            QCOMPARE(d.options().size, QSizeF(presets[choice]));
        }
        d.setSizeChoice(3);
        QVERIFY(w->isEnabled() && h->isEnabled());
        QCOMPARE(QSize(w->value(), h->value()), QSize(1234, 567));
        w->setValue(800);
        QCOMPARE(d.options().size, QSizeF(800, 567));
        // The PDF note's page size follows the fields as they are typed (a tester's note said
        // 56 x 32 cm, then 578 x 1 cm, for sizes typed since).
        d.setFormat(fg::PictureFormat::Pdf);
        // At 96 pixels an inch, as the SVG (PictureOptions::kPixelPt).
        QVERIFY2(d.note().contains("(21 x 15 cm)"), qPrintable(d.note()));
        h->setValue(600);
        QVERIFY2(d.note().contains("(21 x 16 cm)"), qPrintable(d.note()));
        w->setValue(1600);
        QVERIFY2(d.note().contains("(42 x 16 cm)"), qPrintable(d.note()));
        QCOMPARE(QSize(w->value(), h->value()), QSize(1600, 600));
    }

    // A fresh tester: a PDF's page came out 1920x1080 points (a slide) where a sheet was
    // expected, and a transparent PNG in Dark had near-white letters for a white slide. The
    // dialog says what each choice gives; Transparent is for PNG alone.
    void theDialogSaysWhatAPdfPageAndADarkTransparentPictureAre() {
        QSettings().clear();
        fg::ExportDialog dark(QSize(1000, 600), fg::Theme::dark(), "redis");
        auto* transparent = dark.findChild<QCheckBox*>();
        QVERIFY(transparent);
        dark.setFormat(fg::PictureFormat::Png);
        QVERIFY(dark.note().isEmpty());
        transparent->setChecked(true);
        QVERIFY2(dark.note().contains("dark slide"), qPrintable(dark.note()));
        dark.setFormat(fg::PictureFormat::Pdf);
        QVERIFY(!transparent->isEnabled() && !dark.options().transparent);
        QVERIFY2(dark.note().contains("handout"), qPrintable(dark.note()));
        dark.setFormat(fg::PictureFormat::Svg);
        QVERIFY(dark.note().isEmpty());
        // Shown in the open dialog, the note is whole: as tall as its lines need, inside the
        // dialog (it was cut to a sliver).
        dark.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dark));
        dark.setFormat(fg::PictureFormat::Pdf);
        QCoreApplication::processEvents();
        QLabel* shown = nullptr;
        for (auto* l : dark.findChildren<QLabel*>()) {
            shown = l->text() == dark.note() ? l : shown;
        }
        QVERIFY(shown && shown->isVisible());
        QVERIFY2(shown->height() >= shown->heightForWidth(shown->width()),
                 qPrintable(QStringLiteral("%1 px high, its lines need %2")
                                .arg(shown->height())
                                .arg(shown->heightForWidth(shown->width()))));
        QVERIFY(dark.rect().contains(QRect(shown->mapTo(&dark, QPoint(0, 0)), shown->size())));
        // The note gone (PNG), the dialog is as short as it was before it (an empty block stayed
        // under the buttons, a tester).
        dark.setFormat(fg::PictureFormat::Svg);
        QCoreApplication::processEvents();
        const int without = dark.height();
        dark.setFormat(fg::PictureFormat::Pdf);
        QCoreApplication::processEvents();
        QVERIFY(dark.height() > without);
        dark.setFormat(fg::PictureFormat::Svg);
        QCoreApplication::processEvents();
        QCOMPARE(dark.height(), without);
        // A number out of range said under the note (a tester typed 99999 as the height): the
        // dialog grows for it, and the note above it stays whole (it was cut mid-sentence).
        dark.setFormat(fg::PictureFormat::Png);
        transparent->setChecked(true);
        QCoreApplication::processEvents();
        QVERIFY(dark.note().contains("dark slide"));
        dark.sayOutOfRange(fg::outOfRangeSentence(
            QStringLiteral("height"), QStringLiteral("99,999"), QStringLiteral("16"),
            QStringLiteral("16,384"), QStringLiteral("16,384"), true));
        QCoreApplication::processEvents();
        int notes = 0;
        for (QLabel* l : dark.findChildren<QLabel*>()) {
            if (l->isVisible() && l->wordWrap() && !l->text().isEmpty()) {
                ++notes;
                QVERIFY2(l->height() >= l->heightForWidth(l->width()), qPrintable(l->text()));
                QVERIFY2(dark.rect().contains(QRect(l->mapTo(&dark, QPoint(0, 0)), l->size())),
                         qPrintable(l->text()));
            }
        }
        QVERIFY(notes >= 2);
        dark.hide();
        fg::ExportDialog light(QSize(1000, 600), fg::Theme::light(), "redis");
        light.findChild<QCheckBox*>()->setChecked(true);
        light.setFormat(fg::PictureFormat::Png);
        QVERIFY2(light.note().isEmpty(), qPrintable(light.note()));
        QSettings().clear();
    }

    // A PDF's page is the picture's size (a slide) or a sheet of A4 or US Letter, a choice for
    // PDF alone; the note says how large the slide-sized page is.
    void aPdfCanBeOnASheetOfPaper() {
        QSettings().clear();
        fg::ExportDialog d(QSize(1000, 600), fg::Theme::light(), "btree");
        QComboBox* paper = nullptr;
        for (auto* box : d.findChildren<QComboBox*>()) {
            paper = box->accessibleName() == QLatin1String("PDF page") ? box : paper;
        }
        QVERIFY(paper);
        d.setFormat(fg::PictureFormat::Png);
        d.setPaperChoice(1);
        QVERIFY(!paper->isEnabled());
        QVERIFY(!d.options().pdfPaper);
        d.setFormat(fg::PictureFormat::Pdf);
        QVERIFY(paper->isEnabled());
        QCOMPARE(d.options().pdfPaper->id(), QPageSize::A4);
        QVERIFY2(d.note().contains("1 cm"), qPrintable(d.note()));
        d.setPaperChoice(2);
        QCOMPARE(d.options().pdfPaper->id(), QPageSize::Letter);
        d.setPaperChoice(0);
        d.setSizeChoice(1);
        QVERIFY(!d.options().pdfPaper);
        // 1920 x 1080 pixels at 96 an inch, as the SVG (tester 40: 68 x 38 cm, points)
        QVERIFY2(d.note().contains("51 x 29 cm"), qPrintable(d.note()));
        QSettings().clear();
    }

    // The file field showed "np/fghome/btree-steps-1-16.gif" (a tester): in both dialogs it
    // holds a path of 43 characters whole.
    void theFileFieldShowsAWholePath() {
        const auto source = defaultSource("btree");
        fg::ExportDialog picture(QSize(1000, 600), fg::Theme::light(), "btree-step-3");
        fg::AnimationDialog animation(*source, "btree-step-3");
        for (QDialog* d : {static_cast<QDialog*>(&picture), static_cast<QDialog*>(&animation)}) {
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d));
            QLineEdit* field = nullptr;
            for (auto* e : d->findChildren<QLineEdit*>()) {
                field = e->accessibleName().startsWith(QLatin1String("File")) ? e : field;
            }
            QVERIFY(field);
            const QString path = QStringLiteral("/home/student/Pictures/btree-steps-1-16.gif");
            QCOMPARE(path.size(), 43);
            const int need = field->fontMetrics().horizontalAdvance(path) + 12; // frame, margins
            QVERIFY2(field->width() >= need,
                     qPrintable(QStringLiteral("%1 px, %2 needed").arg(field->width()).arg(need)));
            d->hide();
        }
    }

    // A fresh tester left the format at PNG and typed "redis.svg": the .svg file held PNG data.
    // A name with another format's extension means that format, as on the command line.
    void aTypedExtensionChoosesTheFormat() {
        fg::ExportDialog d(QSize(1000, 600), fg::Theme::light(), "redis");
        d.setFormat(fg::PictureFormat::Png);
        QTemporaryDir dir;
        d.setPath(dir.filePath("redis.svg"));
        fg::PictureFormat written = fg::PictureFormat::Png;
        QString path;
        d.setWriter([&](const fg::ExportDialog& dialog) {
            written = dialog.format();
            path = dialog.path();
            return fg::Status::ok();
        });
        d.accept();
        QCOMPARE(int(written), int(fg::PictureFormat::Svg));
        QVERIFY2(path.endsWith(".svg"), qPrintable(path));
    }

    // A tester's export to /proc failed, yet /proc was remembered and the next file dialog
    // opened there (and hung reading /proc/kmsg). A folder is remembered once a file was
    // written there, by the picture, the animation and the frames alike; until then the last
    // good one stays. A failed animation's problem goes as soon as the path is edited, and a
    // cancelled one says that nothing was written.
    void onlyAFolderWrittenToIsRemembered() {
        QTemporaryDir good, other;
        QSettings().setValue("export/dir", good.path());
        fg::Status answer = fg::systemFailure("Could not write: Read-only file system");
        fg::ExportDialog picture(QSize(1000, 600), fg::Theme::light(), "x");
        picture.setWriter([&](const fg::ExportDialog&) { return answer; });
        picture.setPath(QDir(other.path()).filePath("x.png"));
        picture.accept();
        QVERIFY(!picture.error().isEmpty());
        QCOMPARE(fg::lastExportFolder(), good.path());
        answer = fg::Status::ok();
        picture.accept();
        QCOMPARE(fg::lastExportFolder(), other.path());

        QSettings().setValue("export/dir", good.path());
        const auto source = defaultSource("btree");
        fg::AnimationDialog animation(*source, "btree");
        animation.setGif(true);
        answer = fg::systemFailure("Could not write: Read-only file system");
        animation.setWriter([&](const fg::AnimationDialog&) { return answer; });
        animation.setPath(QDir(other.path()).filePath("a.gif"));
        animation.accept();
        QVERIFY(animation.error().contains("Read-only"));
        QCOMPARE(fg::lastExportFolder(), good.path());
        // Drawn as a problem, as the picture dialog's: not in the body text's colour.
        auto* line = animation.findChild<QLabel*>(QString(), Qt::FindDirectChildrenOnly);
        for (auto* l : animation.findChildren<QLabel*>()) {
            line = l->accessibleName() == "Export problem" ? l : line;
        }
        QVERIFY(line && line->accessibleName() == "Export problem");
        QVERIFY(line->palette().color(QPalette::WindowText) !=
                animation.palette().color(QPalette::WindowText));
        animation.setPath(QDir(good.path()).filePath("b.gif"));
        QVERIFY(animation.error().isEmpty()); // about the path before
        answer = fg::Status::cancelled();
        animation.accept();
        QVERIFY2(animation.error().contains("cancelled") &&
                     animation.error().contains("nothing was written"),
                 qPrintable(animation.error()));
        QCOMPARE(fg::lastExportFolder(), good.path());
        answer = fg::Status::ok();
        animation.setPath(QDir(other.path()).filePath("c.gif"));
        animation.accept();
        QCOMPARE(fg::lastExportFolder(), other.path());
    }

    // Item 5: an animation's suggested file names its range (it suggested "btree-step-110.gif",
    // the step on screen, for steps 1 to 112), and follows the range until the user types a name.
    void animationNameFollowsTheRange() {
        QTemporaryDir last;
        QSettings().setValue("export/dir", last.path());
        const auto source = defaultSource("btree");
        const int steps = source->stepCount();
        fg::AnimationDialog d(*source, "btree-step-110");
        d.setGif(true);
        QCOMPARE(QFileInfo(d.path()).fileName(), QStringLiteral("btree-steps-1-%1.gif").arg(steps));
        d.setStepRange(3, 5);
        QCOMPARE(QFileInfo(d.path()).fileName(), QStringLiteral("btree-steps-3-5.gif"));
        d.setStepRange(4, 4);
        QCOMPARE(QFileInfo(d.path()).fileName(), QStringLiteral("btree-step-4.gif"));
        d.setGif(false);
        QCOMPARE(QFileInfo(d.path()).fileName(), QStringLiteral("btree-step-4-frames"));
        QCOMPARE(d.frameBaseName(), QStringLiteral("btree"));
        d.setGif(true);
        d.setPath(QDir(last.path()).filePath("my-class.gif"));
        d.setStepRange(1, 2);
        QCOMPARE(QFileInfo(d.path()).fileName(), QStringLiteral("my-class.gif"));
    }

    // A tester chose PNG frames and typed ".../bt.png": a folder named bt.png was made. A
    // picture's name for the frames is refused, saying that they go into a folder, and nothing
    // is written.
    void framesAreRefusedAPicturesName() {
        QTemporaryDir dir;
        const auto source = defaultSource("btree");
        fg::AnimationDialog d(*source, "btree");
        d.setGif(false);
        int writes = 0;
        d.setWriter([&writes](const fg::AnimationDialog&) {
            ++writes;
            return fg::Status::ok();
        });
        d.setPath(QDir(dir.path()).filePath("bt.png"));
        d.accept();
        QCOMPARE(writes, 0);
        QVERIFY2(d.error().contains(QLatin1String("folder")) &&
                     d.error().contains(QLatin1String("bt-frames")),
                 qPrintable(d.error()));
        QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath("bt.png")));
        d.setPath(QDir(dir.path()).filePath("bt-frames"));
        d.accept();
        QCOMPARE(writes, 1);
    }

    // A tester exported the 100,000-key B-Tree's 304,051 steps (4,256,722 frames, 98 hours):
    // the app froze. An animation holds at most kMaxAnimationSteps steps: the dialog opens on
    // the run's last ones, greys Export past the limit and says why, and the export itself
    // refuses a longer range before any work, leaving no file.
    // A tester exported a diagram while it played: the dialog offered "btree-step-47.png" and
    // the file held step 57 or later. Asked for what to export, the page stops on its step.
    void anExportStopsThePlayOnTheStepItNames() {
        fg::BTreeView view;
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fg::Player* player = view.panel()->player();
        player->toStart();
        player->setSpeed(4);
        player->play();
        QTRY_VERIFY(player->position() >= 2);
        const auto e = view.exportable();
        QVERIFY(e);
        QVERIFY(!player->isPlaying());
        const int at = player->position();
        QVERIFY2(e->baseName == QStringLiteral("btree-step-%1").arg(at + 1),
                 qPrintable(e->baseName));
        QTest::qWait(600);
        QCOMPARE(player->position(), at);
    }

    void aLongRunIsCutToWhatAnAnimationHolds() {
        fg::Status st;
        const auto source = fg::makeDiagramSource(
            nlohmann::json::parse(R"({"engine": "btree", "title": "many", "params": {"order": 4},
                "ops": [{"op": "insert-random", "count": 300, "seed": 7}]})"),
            st);
        QVERIFY2(st, st.message().c_str());
        const int steps = source->stepCount();
        QVERIFY(steps > fg::kMaxAnimationSteps);
        fg::AnimationDialog d(*source, "btree");
        QCOMPARE(d.lastStep(), steps);
        QCOMPARE(d.firstStep(), steps - fg::kMaxAnimationSteps + 1);
        QPushButton* exportButton = nullptr;
        for (QPushButton* b : d.findChildren<QPushButton*>()) {
            exportButton = b->text().contains("Export") ? b : exportButton;
        }
        QVERIFY(exportButton && exportButton->isEnabled());
        d.setStepRange(1, steps);
        QVERIFY(!exportButton->isEnabled());
        QVERIFY(d.summary().contains("at most"));
        QTemporaryDir dir;
        const QString gif = dir.filePath("long.gif");
        fg::AnimationOptions o;
        fg::setStepRange(o, 1, steps, steps);
        QElapsedTimer took;
        took.start();
        const QString problem = fg::messageOf(fg::exportGif(*source, fg::Theme::light(), gif, o));
        QVERIFY2(problem.contains("at most"), qPrintable(problem));
        QVERIFY(took.elapsed() < 1000);
        QVERIFY(!QFileInfo::exists(gif));
        // From a step on screen (File > Export animation at step 14 of 304,051 offered the
        // last 200, a tester), the steps from there; near the end, the last ones.
        fg::AnimationDialog at14(*source, "btree-step-14");
        QCOMPARE(at14.firstStep(), 14);
        QCOMPARE(at14.lastStep(), 14 + fg::kMaxAnimationSteps - 1);
        QVERIFY(at14.suggestedName().startsWith(QStringLiteral("btree-steps-14-")));
        fg::AnimationDialog nearEnd(*source, QStringLiteral("btree-step-%1").arg(steps - 3));
        QCOMPARE(nearEnd.lastStep(), steps);
        QCOMPARE(nearEnd.firstStep(), steps - fg::kMaxAnimationSteps + 1);
    }
};

FG_TEST_MAIN(TestExportDialogs)
#include "test_export_dialogs.moc"
