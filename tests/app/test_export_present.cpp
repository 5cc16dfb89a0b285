// Export and classroom presentation as a teacher uses them: the export dialog's choices, pictures
// of a live diagram at slide sizes (PNG pixels, SVG and PDF as vectors), projector contrast
// measured on the rendered image, animations (GIF through giflib, PNG frames) with cancel and no
// partial file, a chapter as a paginated handout, copy as image, and presentation mode's keys.
#include "app/export_actions.h"
#include "app/main_window.h"
#include "app/presentation/presentation.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "models/io/atomic_file.h"
#include "models/io/status_text.h"
#include "tests/app/app_test_support.h"
#include "tests/full_disk.h"
#include "tests/suite_main.h"
#include "tests/verify_ok.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/decision/decision_views.h"
#include "widgets/diagrams/btree_view.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/lsm_view.h"
#include "widgets/export/animation_dialog.h"
#include "widgets/export/animation_export.h"
#include "widgets/export/export_dialog.h"
#include "widgets/export/handout_dialog.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>
#include <cmath>
#include <gif_lib.h>
#include <nlohmann/json.hpp>

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int pdfPages(const QByteArray& pdf) {
    return static_cast<int>(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") +
                            pdf.count("/Type /Page/") + pdf.count("/Type /Page>"));
}

QSizeF mediaBox(const QByteArray& pdf) {
    static const QRegularExpression re(
        QStringLiteral("/MediaBox \\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
    const auto m = re.match(QString::fromLatin1(pdf));
    return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
}

double luminance(QColor c) {
    auto ch = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
}

double contrast(QColor a, QColor b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::unique_ptr<fg::DiagramSource> defaultSource(const char* id) {
    fg::Status st;
    const auto scenario = fg::defaultScenario(QString::fromLatin1(id), st);
    return fg::makeDiagramSource(scenario, st);
}

const fg::Chapter* chapter(const fg::Course& c, const char* id) {
    for (const auto& ch : c.chapters) {
        if (ch.id == QLatin1String(id)) {
            return &ch;
        }
    }
    return nullptr;
}

// A chapter of the shipped course with at least five sections, long enough to scroll (its index).
int longChapter(const fg::Course& c) {
    for (std::size_t i = 0; i < c.chapters.size(); ++i) {
        if (c.chapters[i].loaded() && c.chapters[i].sections.size() >= 5) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The window at 1280x800, and the index of a chapter with sections enough to present (-1 if
// the window did not show or no chapter has them).
int showOnALongChapter(fg::MainWindow& window) {
    window.resize(1280, 800);
    window.show();
    return QTest::qWaitForWindowExposed(&window) ? longChapter(window.course()) : -1;
}

// The index of the first live diagram's slide, or -1.
int firstDiagramSlide(const fg::PresentationWindow& w) {
    for (int i = 0; i < w.slideCount(); ++i) {
        if (w.slide(i).kind == fg::Slide::Kind::Diagram) {
            return i;
        }
    }
    return -1;
}

} // namespace

class TestExportPresent : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useOwnTestSettings("export");
        QSettings().clear();
    }

    void dialogOffersSlideSizesAndFollowsTheFormat() {
        fg::ExportDialog d(QSize(1000, 600), fg::Theme::dark(), "lsm-step-3");
        d.setPath(QDir::temp().filePath("x/lsm-step-3.png"));
        d.setFormat(fg::PictureFormat::Svg);
        QVERIFY(d.path().endsWith("lsm-step-3.svg"));
        d.setSizeChoice(0);
        QCOMPARE(d.options().size, QSizeF(1000, 600));
        d.setSizeChoice(2);
        QCOMPARE(d.options().size, QSizeF(3840, 2160));
        d.setSizeChoice(3);
        d.setCustomSize(QSize(1234, 567));
        QCOMPARE(d.options().size, QSizeF(1234, 567));
        QVERIFY(!d.options().transparent);               // transparency is for PNG only
        QCOMPARE(d.theme().kind, fg::Theme::Kind::Dark); // "as on screen"
    }

    void dialogLabelsShowNoLiteralAmpersand() {
        // A label's "&" marks its shortcut only when the label has a buddy to give focus to;
        // without one Qt shows the "&" itself ("Custom &width").
        fg::ExportDialog d(QSize(1000, 600), fg::Theme::light(), "x");
        int checked = 0;
        for (const QLabel* label : d.findChildren<QLabel*>()) {
            if (label->text().remove(QStringLiteral("&&")).contains(QLatin1Char('&'))) {
                ++checked;
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }
        QVERIFY(checked >= 5);
    }

    void aFailedWriteKeepsTheDialogOpenWithItsSettings() {
        fg::ExportDialog d(QSize(1000, 600), fg::Theme::light(), "x");
        int writes = 0;
        fg::Status answer =
            fg::systemFailure(QStringLiteral("cannot write /nope/x.svg: Permission denied"));
        d.setWriter([&](const fg::ExportDialog&) {
            ++writes;
            return answer;
        });
        d.setFormat(fg::PictureFormat::Svg);
        d.setSizeChoice(3);
        d.setCustomSize(QSize(1234, 567));
        d.setPath(QStringLiteral("/nope/x.svg"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.accept();
        QCOMPARE(writes, 1);
        QVERIFY(d.isVisible()); // still open, nothing chosen lost
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QCOMPARE(d.error(), QStringLiteral("Cannot write /nope/x.svg: Permission denied."));
        QCOMPARE(d.format(), fg::PictureFormat::Svg);
        QCOMPARE(d.options().size, QSizeF(1234, 567));
        QCOMPARE(d.path(), QStringLiteral("/nope/x.svg"));
        answer = fg::Status::ok(); // the next try works: the dialog closes
        d.accept();
        QCOMPARE(writes, 2);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }

    void pictureOfADiagramAtSlideSizes() {
        fg::LsmView view;
        view.resize(1200, 800);
        QTemporaryDir dir;
        fg::PictureOptions o;
        o.size = QSizeF(1920, 1080);
        o.scale = 2;
        const fg::Theme t = fg::Theme::light();
        o.background = t.background;
        const QString png = dir.filePath("a.png");
        FG_VERIFY_OK(fg::exportPicture(view.picture(t), fg::PictureFormat::Png, png, o));
        QCOMPARE(QImage(png).size(), QSize(3840, 2160));
        const QString svg = dir.filePath("a.svg");
        FG_VERIFY_OK(fg::exportPicture(view.picture(t), fg::PictureFormat::Svg, svg, o));
        const QByteArray s = readAll(svg);
        QVERIFY(s.contains("<path") || s.contains("<rect"));
        QVERIFY(s.contains("SSTable")); // text stays text
        QVERIFY(!s.contains("<image")); // never an embedded bitmap
        const QString pdf = dir.filePath("a.pdf");
        FG_VERIFY_OK(fg::exportPicture(view.picture(t), fg::PictureFormat::Pdf, pdf, o));
        QCOMPARE(pdfPages(readAll(pdf)), 1);
    }

    void projectorExportHasSevenToOneContrast() {
        fg::LsmView view;
        const fg::Theme t = fg::Theme::projector();
        QImage img(1920, 1080, QImage::Format_ARGB32);
        img.fill(t.background);
        {
            QPainter p(&img);
            view.picture(t)(p, QSizeF(1920, 1080));
        }
        // Measured on the picture: the background, and every colour that covers at least 0.05%
        // of it (text and lines), must stand 7:1 against it - except fills of boxes, which
        // carry text that must stand 7:1 against them in turn (checked through the theme).
        const QColor background = img.pixelColor(2, 2);
        QHash<QRgb, int> counts;
        for (int y = 0; y < img.height(); y += 2) {
            for (int x = 0; x < img.width(); x += 2) {
                ++counts[img.pixel(x, y)];
            }
        }
        int textPixels = 0;
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            if (QColor(it.key()) == t.text) {
                textPixels = it.value();
            }
        }
        QVERIFY2(textPixels > 50, "the narration and labels are drawn in the theme's text colour");
        QVERIFY(contrast(t.text, background) >= 7.0);
        QVERIFY(contrast(t.line, background) >= 7.0);
        QVERIFY(contrast(t.mutedText, background) >= 7.0);
    }

    void gifAnimationHasEveryFrameAndCanBeCancelled() {
        const auto source = defaultSource("btree");
        QVERIFY(source);
        fg::AnimationOptions o;
        o.size = QSize(480, 270);
        o.fps = 10;
        o.transitionSeconds = 0.3;
        o.holdSeconds = 0.5;
        o.from = -1;
        o.to = 3;
        QTemporaryDir dir;
        const QString gif = dir.filePath("a.gif");
        int calls = 0;
        FG_VERIFY_OK(fg::exportGif(*source, fg::Theme::light(), gif, o, [&](int, int) {
            ++calls;
            return true;
        }));
        QVERIFY(readAll(gif).startsWith("GIF89a"));
        int error = 0;
        GifFileType* g = DGifOpenFileName(QFile::encodeName(gif).constData(), &error);
        QVERIFY(g);
        QCOMPARE(DGifSlurp(g), GIF_OK);
        // Positions -1..3: 4 transitions of 3 frames, and 5 holds of one image each.
        QCOMPARE(g->ImageCount, 4 * 3 + 5);
        QCOMPARE(g->SWidth, 480);
        DGifCloseFile(g, &error);
        QCOMPARE(fg::animationFrameCount(*source, o), 4 * 3 + 5 * 5);

        // The delays add up to the animation's length at any rate: at 12 fps each hundredth is
        // counted from the frames shown so far (a tester's 19.3 s animation played in 18.9 s).
        o.fps = 12;
        const QString twelve = dir.filePath("twelve.gif");
        FG_VERIFY_OK(fg::exportGif(*source, fg::Theme::light(), twelve, o));
        GifFileType* t12 = DGifOpenFileName(QFile::encodeName(twelve).constData(), &error);
        QVERIFY(t12);
        QCOMPARE(DGifSlurp(t12), GIF_OK);
        int hundredths = 0;
        for (int i = 0; i < t12->ImageCount; ++i) {
            GraphicsControlBlock gcb;
            QCOMPARE(DGifSavedExtensionToGCB(t12, i, &gcb), GIF_OK);
            hundredths += gcb.DelayTime;
        }
        DGifCloseFile(t12, &error);
        const int frames = fg::animationFrameCount(*source, o);
        QCOMPARE(hundredths, (100 * frames + 6) / 12);
        o.fps = 10;

        const QString cancelled = dir.filePath("b.gif");
        QVERIFY(fg::exportGif(*source, fg::Theme::light(), cancelled, o, [](int done, int) {
                    return done < 5;
                }).isCancelled());
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!fg::exportGif(*source, fg::Theme::light(), "/proc/no/a.gif", o));
    }

    // A tester saw a hash-slot GIF's pale fills come out bright cyan and yellow (Qt's fixed web
    // palette): a GIF frame keeps the colours of the same frame as a PNG.
    void gifKeepsTheDiagramsColours() {
        const auto source = defaultSource("hashslot");
        fg::AnimationOptions o;
        o.size = QSize(480, 270);
        o.fps = 5;
        o.from = -1;
        o.to = -1; // the start alone: one image
        QTemporaryDir dir;
        const QString gif = dir.filePath("hs.gif");
        FG_VERIFY_OK(fg::exportGif(*source, fg::Theme::light(), gif, o));
        FG_VERIFY_OK(fg::exportFrameSequence(*source, fg::Theme::light(), dir.path(), "hs", o));
        const QImage png =
            QImage(dir.filePath("hs-0001.png")).convertToFormat(QImage::Format_RGB32);
        int error = 0;
        GifFileType* g = DGifOpenFileName(QFile::encodeName(gif).constData(), &error);
        QVERIFY(g);
        QCOMPARE(DGifSlurp(g), GIF_OK);
        const SavedImage& first = g->SavedImages[0];
        const ColorMapObject* map =
            first.ImageDesc.ColorMap ? first.ImageDesc.ColorMap : g->SColorMap;
        QVERIFY(map);
        QCOMPARE(first.ImageDesc.Width, png.width());
        qint64 off = 0, exact = 0, pixels = 0;
        for (int y = 0; y < png.height(); ++y) {
            for (int x = 0; x < png.width(); ++x) {
                const GifColorType c = map->Colors[first.RasterBits[y * png.width() + x]];
                const QRgb want = png.pixel(x, y);
                const int d = std::abs(c.Red - qRed(want)) + std::abs(c.Green - qGreen(want)) +
                              std::abs(c.Blue - qBlue(want));
                off += d;
                exact += d == 0 ? 1 : 0;
                ++pixels;
            }
        }
        DGifCloseFile(g, &error);
        QVERIFY2(
            exact * 100 >= pixels * 95,
            qPrintable(QString("%1% of the pixels keep their colour").arg(exact * 100 / pixels)));
        QVERIFY2(off < pixels * 3, qPrintable(QString("mean error %1").arg(double(off) / pixels)));
    }

    void frameSequenceIsNumberedAndComplete() {
        const auto source = defaultSource("hashslot");
        fg::AnimationOptions o;
        o.size = QSize(320, 180);
        o.fps = 5;
        QTemporaryDir dir;
        FG_VERIFY_OK(fg::exportFrameSequence(*source, fg::Theme::dark(), dir.path(), "hs", o));
        const QStringList files = QDir(dir.path()).entryList({"hs-*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), fg::animationFrameCount(*source, o));
        QCOMPARE(files.first(), QString("hs-0001.png"));
        QCOMPARE(QImage(dir.filePath(files.last())).size(), QSize(320, 180));
    }

    void handoutIsPaginatedOnTheChosenPaper() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter* ch = chapter(course, "time-series");
        QVERIFY(ch);
        QTemporaryDir dir;
        const QString a4 = dir.filePath("a4.pdf"), letter = dir.filePath("letter.pdf");
        FG_VERIFY_OK(fg::exportHandoutPdf(*ch, a4, QPageSize::A4));
        FG_VERIFY_OK(fg::exportHandoutPdf(*ch, letter, QPageSize::Letter));
        const QByteArray pa = readAll(a4), pl = readAll(letter);
        QVERIFY2(pdfPages(pa) >= 3, qPrintable(QString::number(pdfPages(pa))));
        // Page sizes in points: A4 is 595.3 x 841.9, Letter 612 x 792.
        QCOMPARE(mediaBox(pa).toSize(), QSize(595, 842));
        QCOMPARE(mediaBox(pl).toSize(), QSize(612, 792));
        QVERIFY(!fg::exportHandoutPdf(*ch, "/proc/no/h.pdf", QPageSize::A4));
        if (const QByteArray out = qgetenv("FG_SAVE_FIGURES"); !out.isEmpty()) {
            QFile::copy(a4, QString::fromLocal8Bit(out) + "/handout-a4.pdf");
        }
    }

    // Issue 14, item 3: a disk that fills up after 2000 bytes (injected in the one file writer)
    // fails the GIF, the frames, the handout and a saved scenario, and leaves nothing behind.
    void everyFileFailsWholeWhenTheDiskFillsUp() {
        QTemporaryDir dir;
        fg::AtomicFile::setWriteLimitForTesting(2000);
        const auto source = defaultSource("btree");
        fg::AnimationOptions o;
        o.size = QSize(320, 180);
        o.to = 1;
        const QString gif =
            fg::messageOf(fg::exportGif(*source, fg::Theme::light(), dir.filePath("a.gif"), o));
        const QString frames =
            fg::messageOf(fg::exportFrameSequence(*source, fg::Theme::light(), dir.path(), "f", o));
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const QString pdf = fg::messageOf(fg::exportHandoutPdf(
            *chapter(course, "time-series"), dir.filePath("h.pdf"), QPageSize::A4));
        fg::AtomicFile::setWriteLimitForTesting(0);
        fg::BTreeView view;
        const QString scenario = fg::messageOf(view.saveScenarioFile(dir.filePath("s.json")));
        fg::AtomicFile::setWriteLimitForTesting(-1);
        for (const QString& error : {gif, frames, pdf, scenario}) {
            QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    // Issue 14, item 3: a really full disk fails every kind of file the app writes, with the
    // system's reason, and leaves nothing (no cut-off file, no temporary file) behind.
    void everyFileFailsWholeOnAFullDisk() {
        FullDisk disk(4096);
        if (!disk.available()) {
            QSKIP(disk.skipReason());
        }
        const auto source = defaultSource("btree");
        QVERIFY(source);
        fg::AnimationOptions o;
        o.size = QSize(480, 270);
        o.to = 2;
        const QString gif = disk.path("a.gif");
        QString error = fg::messageOf(fg::exportGif(*source, fg::Theme::light(), gif, o));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QVERIFY(error.contains(gif));
        QCOMPARE(disk.files(), QStringList());

        error = fg::messageOf(
            fg::exportFrameSequence(*source, fg::Theme::light(), disk.path(""), "f", o));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QCOMPARE(disk.files(), QStringList());

        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter* ch = chapter(course, "time-series");
        QVERIFY(ch);
        const QString pdf = disk.path("h.pdf");
        error = fg::messageOf(fg::exportHandoutPdf(*ch, pdf, QPageSize::A4));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QCOMPARE(disk.files(), QStringList());

        fg::BTreeView view;
        const QString scenario = disk.path("s.json");
        QFile filler(disk.path("more"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        while (filler.write(QByteArray(4096, 'x')) > 0) { // no room at all now
        }
        filler.close();
        error = fg::messageOf(view.saveScenarioFile(scenario));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QCOMPARE(disk.files(), QStringList{"more"});
    }

    void copyPutsAnImageAndSvgOnTheClipboard() {
        fg::BTreeView view;
        view.resize(900, 600);
        const auto e = view.exportable();
        QVERIFY(e);
        fg::copyDiagramToClipboard(*e, fg::Theme::light());
        const QMimeData* mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QVERIFY(mime->hasImage());
        QVERIFY(mime->data("image/svg+xml").contains("<svg"));
    }

    void presentationKeysAsAClickerSendsThem() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter* ch = chapter(course, "relational");
        QVERIFY(ch);
        const auto slides = fg::slidesOf(*ch);
        QCOMPARE(int(slides.size()), 2 + int(ch->sections.size()));
        auto* w = new fg::PresentationWindow(*ch, fg::Theme::projector());
        w->resize(1920, 1080);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(w->bodyPx() >= 28);
        QCOMPARE(w->currentSlide(), 0);
        QTest::keyClick(w, Qt::Key_PageDown);
        QCOMPARE(w->currentSlide(), 1);
        const QString saveTo = QString::fromLocal8Bit(qgetenv("FG_SAVE_FIGURES"));
        if (!saveTo.isEmpty()) {
            w->grab().save(saveTo + "/presentation-section.png");
        }
        // A long section scrolls a screen at a time before the next slide.
        for (int i = 0; i < 50 && w->currentSlide() == 1; ++i) {
            QTest::keyClick(w, Qt::Key_Right);
        }
        QCOMPARE(w->currentSlide(), 2);
        QTest::keyClick(w, Qt::Key_PageUp);
        QVERIFY(w->currentSlide() <= 2);
        // B blanks the screen; the next press brings the slide back.
        QTest::keyClick(w, Qt::Key_B);
        QVERIFY(w->blanked());
        const QImage blank = w->grab().toImage();
        QCOMPARE(blank.pixelColor(blank.width() / 2, blank.height() / 2), QColor(Qt::black));
        // For a moment, a line at its foot says how to bring it back; then all is black.
        const auto footLit = [w] {
            const QImage shot = w->grab().toImage();
            for (int y = shot.height() * 4 / 5; y < shot.height(); ++y) {
                for (int x = 0; x < shot.width(); x += 2) {
                    if (shot.pixelColor(x, y) != QColor(Qt::black)) {
                        return true;
                    }
                }
            }
            return false;
        };
        QVERIFY(footLit());
        QTRY_VERIFY_WITH_TIMEOUT(!footLit(), fg::PresentationWindow::kBlankHintMs + 2000);
        QVERIFY(w->blanked());
        QTest::keyClick(w, Qt::Key_B);
        QVERIFY(!w->blanked());
        QTest::keyClick(w, Qt::Key_L);
        QVERIFY(w->spotlight());
        QTest::keyClick(w, Qt::Key_Z);
        QVERIFY(w->zoomed());
        QTest::keyClick(w, Qt::Key_Escape); // first Esc clears the effects
        QVERIFY(!w->zoomed() && !w->spotlight());
        QVERIFY(w->isVisible());
        // A diagram slide steps its animation before moving on.
        int diagramSlide = -1;
        for (int i = 0; i < w->slideCount(); ++i) {
            diagramSlide = w->slide(i).kind == fg::Slide::Kind::Diagram ? i : diagramSlide;
        }
        QVERIFY(diagramSlide > 0);
        w->goTo(diagramSlide);
        QVERIFY(w->diagramView());
        fg::Player* player = w->diagramView()->panel()->player();
        player->toStart();
        QTest::keyClick(w, Qt::Key_Space);
        QCOMPARE(w->currentSlide(), diagramSlide);
        QTRY_COMPARE(player->position(), 0);
        // B on a playing diagram: it waits while the screen is black (it played on, and the
        // class missed its steps, a tester), and plays on when the slide is back.
        player->play();
        QVERIFY(player->isPlaying());
        QTest::keyClick(w, Qt::Key_B);
        QVERIFY(w->blanked());
        QVERIFY(!player->isPlaying());
        QTest::keyClick(w, Qt::Key_B);
        QVERIFY(player->isPlaying());
        // The frame the class did not see is held afresh when the slide is back: after a blank
        // longer than its reading time it stepped on at once (a tester's step 1 became step 2).
        player->setSpeed(8);
        QTest::keyClick(w, Qt::Key_B);
        const int hidden = player->position();
        QTest::qWait(1500); // several frames' reading time at 8x
        QTest::keyClick(w, Qt::Key_B);
        QTest::qWait(60);
        QCOMPARE(player->position(), hidden);
        player->setSpeed(1);
        QTest::keyClick(w, Qt::Key_B); // a key that brings the slide back does so too
        QTest::keyClick(w, Qt::Key_Right);
        QVERIFY(!w->blanked() && player->isPlaying());
        player->pause();
        QTest::keyClick(w, Qt::Key_B); // paused before: still paused after
        QTest::keyClick(w, Qt::Key_B);
        QVERIFY(!player->isPlaying());
        player->seek(0);
        if (!saveTo.isEmpty()) {
            QTest::qWait(400);
            QTest::keyClick(w, Qt::Key_L);
            QTest::mouseMove(w, QPoint(900, 500));
            w->grab().save(saveTo + "/presentation-diagram.png");
            QTest::keyClick(w, Qt::Key_L);
        }
        QSignalSpy closed(w, &fg::PresentationWindow::closed);
        QTest::keyClick(w, Qt::Key_Escape);
        QCOMPARE(closed.count(), 1);
    }

    // A tester: a section slide's "Open the live diagram" link did nothing when clicked. It
    // goes to that diagram's slide.
    void aSlidesDiagramLinkGoesToTheDiagramsSlide() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter* ch = chapter(course, "relational");
        QVERIFY(ch);
        auto* w = new fg::PresentationWindow(*ch, fg::Theme::light());
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->resize(1920, 1080);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const int diagramSlide = firstDiagramSlide(*w);
        QVERIFY(diagramSlide > 1);
        // The section slide before it, and its link on the page it is on.
        w->goTo(diagramSlide - 1);
        QTextDocument* doc = w->slideDocument();
        QPointF link(-1, -1);
        for (QTextBlock b = doc->begin(); b.isValid() && link.x() < 0; b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().anchorHref().startsWith(QLatin1String("diagram:"))) {
                    const int at = f.position() - b.position() + f.length() / 2;
                    const QTextLine line = b.layout()->lineForTextPosition(at);
                    link = doc->documentLayout()->blockBoundingRect(b).topLeft() +
                           QPointF(line.cursorToX(at), line.y() + line.height() / 2);
                    break;
                }
            }
        }
        QVERIFY(link.x() >= 0);
        const qreal pageH = doc->pageSize().height();
        for (int i = 0; i < 20 && w->currentPage() < int(link.y() / pageH); ++i) {
            QTest::keyClick(w, Qt::Key_Right);
        }
        QCOMPARE(w->currentSlide(), diagramSlide - 1);
        QWidget* text = w->findChild<QStackedWidget*>()->currentWidget();
        const QPoint on(qRound(link.x()), qRound(link.y() - w->currentPage() * pageH));
        QTest::mouseClick(text, Qt::LeftButton, {}, on);
        QCOMPARE(w->currentSlide(), diagramSlide);
        QVERIFY(w->diagramView());
        w->close();
    }

    // A tester on a diagram's slide read "Press Play (Space)" and pressed Space: one step, as
    // Space goes on in a presentation. The slide says its own keys; Home and End go to the
    // diagram's first and last step before the first and last slide, as Left and Right do.
    void aDiagramSlideSaysItsKeysAndHomeEndStepIt() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter* ch = chapter(course, "relational");
        QVERIFY(ch);
        auto* w = new fg::PresentationWindow(*ch, fg::Theme::projector());
        w->resize(1920, 1080);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const int diagramSlide = firstDiagramSlide(*w);
        QVERIFY(diagramSlide > 0 && diagramSlide + 1 < w->slideCount());
        w->goTo(diagramSlide - 1);
        QTest::keyClick(w, Qt::Key_PageDown);
        QCOMPARE(w->currentSlide(), diagramSlide);
        QVERIFY(w->diagramView());
        fg::DiagramCanvas* canvas = w->diagramView()->panel()->canvas();
        fg::Player* player = w->diagramView()->panel()->player();
        const QString opening = canvas->narrationAt(-1);
        QVERIFY2(opening.contains(QLatin1String("Right or Space")) &&
                     !opening.contains(QLatin1String("Play")),
                 qPrintable(opening));
        // - / + change its speed, as on its page (they did nothing on a slide).
        const double speed = player->speed();
        QTest::keyClick(w, Qt::Key_Plus);
        QVERIFY2(player->speed() > speed, qPrintable(QString::number(player->speed())));
        QTest::keyClick(w, Qt::Key_Minus);
        QCOMPARE(player->speed(), speed);
        QTest::keyClick(w, Qt::Key_Minus);
        QVERIFY(player->speed() < speed);
        QCOMPARE(w->currentSlide(), diagramSlide);
        player->toStart();
        QTest::keyClick(w, Qt::Key_End);
        QCOMPARE(w->currentSlide(), diagramSlide);
        QVERIFY(player->atEnd());
        QTest::keyClick(w, Qt::Key_Home);
        QCOMPARE(w->currentSlide(), diagramSlide);
        QVERIFY(player->atStart());
        QTest::keyClick(w, Qt::Key_Home);
        QCOMPARE(w->currentSlide(), 0);
        w->goTo(diagramSlide);
        player = w->diagramView()->panel()->player();
        player->toEnd();
        QTest::keyClick(w, Qt::Key_End);
        QCOMPARE(w->currentSlide(), w->slideCount() - 1);
        w->close(); // deletes itself
        // The same diagram in a window says Play, or Space on the drawing (tester 36 #4).
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.openDiagram(QStringLiteral("btree"));
        auto* view = qobject_cast<fg::DiagramView*>(window.tabs()->currentWidget());
        QVERIFY(view);
        QVERIFY2(view->panel()->canvas()->narrationAt(-1).contains(
                     QLatin1String("Play (or Space on the drawing)")),
                 qPrintable(view->panel()->canvas()->narrationAt(-1)));
    }

    void notesAndBookmarksOutliveTheWindow() {
        {
            fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            window.setSectionNote("kafka", "architecture", "  ISR = replicas caught up  ");
            QCOMPARE(window.progress()->note("kafka", "architecture"),
                     QString("ISR = replicas caught up"));
        }
        fg::ProgressStore again;
        QVERIFY(again.load());
        QCOMPARE(again.note("kafka", "architecture"), QString("ISR = replicas caught up"));
        {
            fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            window.setSectionNote("kafka", "architecture", "");
        }
        fg::ProgressStore cleared;
        QVERIFY(cleared.load());
        QVERIFY(cleared.note("kafka", "architecture").isEmpty());
    }

    // Issue 14, item 6: a bookmark and a section read are on disk at once, not at quit or at the
    // next quiz answer (a crash or a kill loses nothing).
    void aBookmarkIsOnDiskWithoutQuitting() {
        QFile::remove(fg::ProgressStore::defaultPath());
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.showSection(window.course().indexOf("kafka"), "architecture");
        QAction* bookmark = nullptr;
        for (QAction* a : window.actions()) {
            bookmark = a->text() == "&Bookmark this section" ? a : bookmark;
        }
        QVERIFY(bookmark);
        bookmark->trigger();
        QVERIFY(window.progress()->isBookmarked("kafka", "architecture"));
        fg::ProgressStore onDisk; // read while the window is still open, as after a kill
        QVERIFY(onDisk.load());
        QVERIFY(onDisk.isBookmarked("kafka", "architecture"));
        QVERIFY(onDisk.isSectionRead("kafka", "architecture"));
    }

    // Issue 14, item 5: a save that fails is said at once in a bar that stays, the change is
    // kept, the bar's Try again saves it; quitting with unsaved progress asks first.
    void aFailedProgressSaveIsShownUntilItSucceeds() {
        QFile::remove(fg::ProgressStore::defaultPath());
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* notice = window.findChild<QWidget*>("saveNotice");
        QVERIFY(notice);
        QVERIFY(!notice->isVisible());
        fg::AtomicFile::setWriteLimitForTesting(0); // the disk is full from now on
        window.showSection(window.course().indexOf("kafka"), "architecture");
        window.setSectionNote("kafka", "architecture", "leaders and followers");
        QVERIFY(notice->isVisible());
        const QString text = notice->findChild<QLabel*>("text")->text();
        QVERIFY2(text.contains("No space left on device") && text.contains("tried again"),
                 qPrintable(text));
        QTest::qWait(4000); // not a status-bar message that goes by
        QVERIFY(notice->isVisible());
        QCOMPARE(window.progress()->note("kafka", "architecture"),
                 QString("leaders and followers"));

        // Quitting asks: Cancel keeps the window open.
        auto answer = [](const QString& button) {
            QTimer::singleShot(50, [button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box);
                QVERIFY(box->informativeText().contains("No space left on device"));
                for (QAbstractButton* b : box->buttons()) {
                    if (b->text() == button) {
                        b->click();
                        return;
                    }
                }
                QFAIL(qPrintable("no button " + button));
            });
        };
        answer("Cancel");
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());

        fg::AtomicFile::setWriteLimitForTesting(-1);        // room again
        notice->findChild<QPushButton*>("action")->click(); // Try again
        QVERIFY(!notice->isVisible());
        fg::ProgressStore onDisk;
        QVERIFY(onDisk.load());
        QCOMPARE(onDisk.note("kafka", "architecture"), QString("leaders and followers"));
        QVERIFY(window.close()); // saved: no question
    }

    // Issue 14, item 12: a damaged progress file is said in a bar that stays until closed,
    // with what was kept and where the damaged copy is.
    void aDamagedProgressFileIsSaidInABarThatStays() {
        const QString path = fg::ProgressStore::defaultPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json at all");
        f.close();
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* notice = window.findChild<QWidget*>("damageNotice");
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        const QString text = notice->findChild<QLabel*>("text")->text();
        QVERIFY2(text.contains("Nothing could be read") && text.contains(".corrupt-"),
                 qPrintable(text));
        QVERIFY(notice->width() <= window.width()); // wrapped, not cut off at the edge
        // Its warning icon, made when the bar is first shown (not at every start).
        QVERIFY(!notice->findChild<QLabel*>("icon")->pixmap().isNull());
        notice->findChild<QPushButton*>("close")->click();
        QVERIFY(!notice->isVisible());
        const QStringList backups =
            QDir(QFileInfo(path).absolutePath()).entryList({"progress.json.corrupt-*"});
        for (const QString& b : backups) {
            QFile::remove(QFileInfo(path).absolutePath() + "/" + b);
        }
    }

    // Issue 14, item 11: a window geometry too small (or off every screen) is not used, and a
    // damaged settings file is said once, its junk dropped at the next save.
    void aDamagedSettingsFileIsSaidOnceAndCleaned() {
        QSettings().clear();
        {
            QWidget tiny;
            tiny.resize(201, 117);
            QSettings().setValue("window/geometry", tiny.saveGeometry());
        }
        {
            fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            QVERIFY2(window.width() >= 800 && window.height() >= 500,
                     qPrintable(QString("%1 x %2").arg(window.width()).arg(window.height())));
            auto* notice = window.findChild<QWidget*>("damageNotice");
            QVERIFY(notice);
            QVERIFY(!notice->isVisibleTo(&window)); // a small window is no damage to report
        }
        const QString file = QSettings().fileName();
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n[junk]\nzzzjunk1=1\nzzzjunk2=\x01\x02\x03\n\xff\xfe garbage\n");
        }
        {
            fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            auto* notice = window.findChild<QWidget*>("damageNotice");
            QVERIFY(notice);
            QVERIFY(notice->isVisibleTo(&window));
            const QString text = notice->findChild<QLabel*>("text")->text();
            QVERIFY2(text.contains(QDir::toNativeSeparators(file)), qPrintable(text));
        } // closing saves the settings without the junk
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QVERIFY2(!saved.contains("zzzjunk") && !saved.contains("garbage"), saved.constData());
        QVERIFY(saved.contains("reader"));
        fg::MainWindow again(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        QVERIFY(!again.findChild<QWidget*>("damageNotice")->isVisibleTo(&again)); // said once
    }

    void f5StartsPresentationFromTheMainWindow() {
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(window.presentation());
        QVERIFY(window.presentation()->isVisible());
        // A tester: F1 did nothing on the slides. It shows the keyboard sheet over them.
        window.presentation()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.presentation()));
        bool sheetOverSlides = false;
        int sheetPx = 0;
        QString sheetText;
        QTimer::singleShot(0, &window, [&] {
            auto* sheet = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            sheetOverSlides = sheet && sheet->objectName() == QLatin1String("keyboardHelp") &&
                              sheet->parentWidget() == window.presentation();
            if (sheet) {
                if (auto* text = sheet->findChild<QTextBrowser*>()) {
                    sheetPx = QFontInfo(text->font()).pixelSize();
                    sheetText = text->toPlainText();
                }
                sheet->reject();
            }
        });
        QTest::keyClick(window.presentation(), Qt::Key_F1);
        QVERIFY(sheetOverSlides);
        // In the slides' type, the presenter's keys first (tester 40: the desk's small sheet).
        QVERIFY2(sheetPx >= qRound(window.presentation()->bodyPx() * 0.75),
                 qPrintable(QStringLiteral("%1 px beside %2 px slides")
                                .arg(sheetPx)
                                .arg(window.presentation()->bodyPx())));
        QVERIFY2(sheetText.trimmed().startsWith(QStringLiteral("While presenting")),
                 qPrintable(sheetText.left(80)));
        QVERIFY(window.presentation()->isVisible());
        QTest::keyClick(window.presentation(), Qt::Key_Escape);
        QTRY_VERIFY(!window.presentation());
    }

    // A fresh tester: F5 on a chapter started on its second slide (the section at the top of the
    // reader), not its first. F5 presents from the first slide, the chapter's title, wherever
    // the reader is; Shift+F5 from the slide of the section being read (PowerPoint's and
    // Keynote's keys).
    void f5StartsAtTheFirstSlideAndShiftF5AtTheSectionRead() {
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        const int ch = showOnALongChapter(window);
        QVERIFY(ch >= 0);
        const fg::Chapter& chapter = window.course().chapters[std::size_t(ch)];
        const auto present = [&](Qt::KeyboardModifiers modifiers) {
            QTest::keyClick(&window, Qt::Key_F5, modifiers);
            return window.presentation();
        };
        const auto leave = [&] {
            QTest::keyClick(window.presentation(), Qt::Key_Escape);
            return QTest::qWaitFor([&] { return !window.presentation(); });
        };
        window.showSection(ch, QString()); // the chapter's top
        fg::PresentationWindow* w = present(Qt::NoModifier);
        QVERIFY(w);
        QCOMPARE(w->currentSlide(), 0);
        QCOMPARE(w->slide(0).kind, fg::Slide::Kind::Title);
        QVERIFY(leave());
        const QString third = chapter.sections[2].id;
        window.showSection(ch, third);
        QCOMPARE(window.reader()->currentSection(), third);
        w = present(Qt::NoModifier);
        QVERIFY(w);
        QCOMPARE(w->currentSlide(), 0); // from the beginning, wherever the reader is
        QVERIFY(leave());
        window.showSection(ch, third);
        w = present(Qt::ShiftModifier);
        QVERIFY(w);
        const fg::Slide& shown = w->slide(w->currentSlide());
        QCOMPARE(shown.kind, fg::Slide::Kind::Section);
        QCOMPARE(shown.section, 2);
        QVERIFY(leave());
    }

    // A fresh tester: Esc from the slides left the reader at the chapter's top, where F5 was
    // pressed. Leaving, the reader shows the section of the slide on screen (its top for the
    // title slide), as Keynote and PowerPoint leave the document at the slide shown.
    void leavingTheSlidesShowsTheSectionOfTheSlideShown() {
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        const int ch = showOnALongChapter(window);
        QVERIFY(ch >= 0);
        const fg::Chapter& chapter = window.course().chapters[std::size_t(ch)];
        window.showSection(ch, QString());
        QCOMPARE(window.reader()->verticalScrollBar()->value(), 0);
        QTest::keyClick(&window, Qt::Key_F5);
        fg::PresentationWindow* w = window.presentation();
        QVERIFY(w);
        int third = -1;
        for (int i = 0; i < w->slideCount() && third < 0; ++i) {
            third = w->slide(i).section == 2 ? i : -1;
        }
        QVERIFY(third > 0);
        w->goTo(third);
        QTest::keyClick(w, Qt::Key_Escape);
        QTRY_VERIFY(!window.presentation());
        QCOMPARE(window.tabs()->currentWidget(), window.reader());
        QCOMPARE(window.reader()->currentSection(), chapter.sections[2].id);
        QVERIFY(window.reader()->sectionsInView().contains(chapter.sections[2].id));
        QVERIFY(window.reader()->verticalScrollBar()->value() > 0);
        // The title slide: the chapter's top.
        QTest::keyClick(&window, Qt::Key_F5, Qt::ShiftModifier);
        w = window.presentation();
        QVERIFY(w && w->currentSlide() > 0);
        w->goTo(0);
        QTest::keyClick(w, Qt::Key_Escape);
        QTRY_VERIFY(!window.presentation());
        QCOMPARE(window.reader()->verticalScrollBar()->value(), 0);
    }

    // A fresh tester: after writing a handout or a PNG the app said nothing (copying said
    // "Diagram copied as an image."). Every export from the window says, in the status bar,
    // the file it wrote: a diagram's picture, an animation, a handout, the wizard's result.
    void everyExportNamesTheFileItWrote() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        fg::MainWindow window(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto says = [&](const QString& path) {
            const QString message = window.statusBar()->currentMessage();
            return QFile::exists(path) && message.contains(QDir::toNativeSeparators(path))
                       ? QString()
                       : QStringLiteral("the status bar says \"%1\" after writing %2 (%3)")
                             .arg(message, path, QFile::exists(path) ? "written" : "not written");
        };
        // The file dialog of a handout or of the wizard's result: the file typed, then Save.
        const auto saveAs = [this](const QString& path) {
            QTimer::singleShot(100, this, [path] {
                auto* files = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(files);
                auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(path);
                static_cast<QDialog*>(files)->accept(); // QFileDialog::accept: Save
            });
        };

        window.openDiagram(QStringLiteral("btree"));
        const QString png = dir.filePath(QStringLiteral("tree.png"));
        QTimer::singleShot(0, this, [png] {
            auto* d = qobject_cast<fg::ExportDialog*>(QApplication::activeModalWidget());
            QVERIFY(d);
            d->setFormat(fg::PictureFormat::Png);
            d->setPath(png);
            d->accept();
        });
        window.exportDiagram();
        QVERIFY2(says(png).isEmpty(), qPrintable(says(png)));
        // The file carries the diagram's title (a tester's PDF had an empty Title).
        const QString svg = dir.filePath(QStringLiteral("tree.svg"));
        QTimer::singleShot(0, this, [svg] {
            auto* d = qobject_cast<fg::ExportDialog*>(QApplication::activeModalWidget());
            QVERIFY(d);
            d->setFormat(fg::PictureFormat::Svg);
            d->setPath(svg);
            d->accept();
        });
        window.exportDiagram();
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY2(svgText.contains("<title>B-Tree"), svgText.left(600).constData());

        const QString gif = dir.filePath(QStringLiteral("tree.gif"));
        QTimer::singleShot(0, this, [gif] {
            auto* d = qobject_cast<fg::AnimationDialog*>(QApplication::activeModalWidget());
            QVERIFY(d);
            d->setGif(true);
            d->setStepRange(1, 3);
            d->setPath(gif);
            d->accept();
        });
        window.exportAnimation();
        QVERIFY2(says(gif).isEmpty(), qPrintable(says(gif)));

        window.statusBar()->clearMessage();
        const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
        QTimer::singleShot(0, this, [&] {
            auto* d = qobject_cast<fg::HandoutDialog*>(QApplication::activeModalWidget());
            QVERIFY(d);
            saveAs(pdf);
            d->accept();
        });
        QAction* handout = nullptr;
        for (QAction* a : window.findChildren<QAction*>()) {
            handout = a->text().contains(QStringLiteral("handout")) ? a : handout;
        }
        QVERIFY(handout);
        handout->trigger();
        QVERIFY2(says(pdf).isEmpty(), qPrintable(says(pdf)));

        window.openTool(QStringLiteral("wizard"));
        auto* wizard = qobject_cast<fg::WizardView*>(window.tabs()->currentWidget());
        QVERIFY(wizard);
        for (int i = 0; i < 20 && !wizard->atResult(); ++i) {
            wizard->answer(0);
        }
        QVERIFY(wizard->atResult());
        QPushButton* exportResult = nullptr;
        for (QPushButton* b : wizard->findChildren<QPushButton*>()) {
            exportResult = b->text().startsWith(QStringLiteral("Export")) ? b : exportResult;
        }
        QVERIFY(exportResult);
        const QString result = dir.filePath(QStringLiteral("result.png"));
        saveAs(result);
        exportResult->click();
        QVERIFY2(says(result).isEmpty(), qPrintable(says(result)));
    }
};

FG_TEST_MAIN(TestExportPresent)
#include "test_export_present.moc"
