// Picture export: PNG has the asked size times the scale (and a transparent background when
// asked), SVG is vector (paths and text, no embedded bitmap), PDF is one page, and a path that
// cannot be written gives a plain error and leaves nothing behind.
#include "models/io/atomic_file.h"
#include "models/io/status_text.h"
#include "tests/suite_main.h"
#include "tests/verify_ok.h"
#include "widgets/canvas/frame.h"
#include "widgets/export/picture_export.h"
#include "widgets/figure/figure_renderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

namespace {

void paintSample(QPainter& p, QSizeF size) {
    p.setPen(QPen(Qt::black, 3));
    p.drawRect(QRectF(QPointF(10, 10), size - QSizeF(20, 20)));
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 20));
    p.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter, QStringLiteral("B-Tree split"));
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

nlohmann::json sampleFigure() {
    return nlohmann::json::parse(R"json({ "type": "figure", "id": "t", "title": "Kafka cluster",
        "parts": [ { "kind": "boxes", "items": [
            { "title": "Partition 0", "lines": ["Leader: B1"], "tone": "a" } ] } ] })json");
}

} // namespace

class TestPictureExport : public QObject {
    Q_OBJECT
private slots:
    void formatsComeFromNamesAndExtensions() {
        QCOMPARE(fg::pictureFormatFromName("PNG"), fg::PictureFormat::Png);
        QCOMPARE(fg::pictureFormatFromName("/tmp/a.b/slide.svg"), fg::PictureFormat::Svg);
        QCOMPARE(fg::pictureFormatFromName("handout.Pdf"), fg::PictureFormat::Pdf);
        QVERIFY(!fg::pictureFormatFromName("slide.gif"));
    }

    void pngHasTheSizeTimesTheScale() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.png");
        fg::PictureOptions o;
        o.size = QSizeF(640, 360);
        o.scale = 2;
        FG_VERIFY_OK(fg::exportPicture(paintSample, fg::PictureFormat::Png, path, o));
        const QImage img(path);
        QCOMPARE(img.size(), QSize(1280, 720));
        QCOMPARE(img.pixelColor(2, 2), QColor(Qt::white));
        o.transparent = true;
        FG_VERIFY_OK(fg::exportPicture(paintSample, fg::PictureFormat::Png, path, o));
        QCOMPARE(QImage(path).pixelColor(2, 2).alpha(), 0);
    }

    // `--scale 0.5` gave the top-left quarter of the picture at full size: a scale below 1
    // shrinks the whole picture, as one above 1 enlarges it.
    void aScaleBelowOneShrinksTheWholePicture() {
        QTemporaryDir dir;
        const QString path = dir.filePath("half.png");
        fg::PictureOptions o;
        o.size = QSizeF(400, 200);
        // The bottom-right quarter is red, the rest white.
        const auto quarter = [](QPainter& p, QSizeF s) {
            p.fillRect(QRectF(s.width() / 2, s.height() / 2, s.width() / 2, s.height() / 2),
                       Qt::red);
        };
        for (qreal scale : {0.5, 0.25, 1.5}) {
            o.scale = scale;
            FG_VERIFY_OK(fg::exportPicture(quarter, fg::PictureFormat::Png, path, o));
            const QImage img(path);
            QCOMPARE(img.size(), (o.size * scale).toSize());
            QCOMPARE(img.pixelColor(img.width() * 3 / 4, img.height() * 3 / 4), QColor(Qt::red));
            QCOMPARE(img.pixelColor(img.width() / 4, img.height() / 4), QColor(Qt::white));
        }
    }

    void svgIsVector() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.svg");
        const fg::FigureRenderer r(sampleFigure(), fg::Theme::light(), 800, 16);
        fg::PictureOptions o;
        o.size = r.size();
        FG_VERIFY_OK(fg::exportPicture([&](QPainter& p, QSizeF) { r.paint(p); },
                                       fg::PictureFormat::Svg, path, o));
        const QByteArray svg = readAll(path);
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<path"));
        QVERIFY(svg.contains("Partition 0"));
        QVERIFY(!svg.contains("<image"));
        // Every font family is followed by fallbacks ending in a generic family: without DejaVu
        // a slide program set the labels in a serif font.
        const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
        int families = 0;
        for (auto it = family.globalMatch(QString::fromUtf8(svg)); it.hasNext();) {
            const QString value = it.next().captured(1);
            ++families;
            QVERIFY2(value.endsWith(QLatin1String("sans-serif")) ||
                         value.endsWith(QLatin1String("monospace")),
                     qPrintable(value));
        }
        QVERIFY(families > 0);
        QVERIFY(svg.contains("font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\""));
        QVERIFY(QSvgRenderer(svg).isValid()); // still a well-formed document
    }

    // A figure keeps "$0.023/GB" on one line with a word joiner (U+2060, no width): in the SVG's
    // text it made the words unfindable and was copied along (a tester searched for "$0.023/GB").
    void svgTextHasNoWordJoiners() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.svg");
        const nlohmann::json figure = nlohmann::json::parse(R"json({ "type": "figure", "id": "t",
            "title": "S3", "parts": [ { "kind": "boxes", "items": [
            { "title": "Standard", "lines": ["$0.023/GB per month"], "tone": "a" } ] } ] })json");
        const fg::FigureRenderer r(figure, fg::Theme::light(), 300, 16);
        fg::PictureOptions o;
        o.size = r.size();
        FG_VERIFY_OK(fg::exportPicture([&](QPainter& p, QSizeF) { r.paint(p); },
                                       fg::PictureFormat::Svg, path, o));
        const QString svg = QString::fromUtf8(readAll(path));
        QVERIFY(svg.contains(QStringLiteral("$0.023/GB")));
        QVERIFY(!svg.contains(QChar(0x2060)));
        QVERIFY(!svg.contains(QStringLiteral("&#8288;")));
    }

    // A tester's SVG of a B-Tree showed a square stub at a corner of every node: an SVG writes
    // a rounded box as a path that starts and ends at one point, unclosed, and the pen's square
    // cap drew past it. Every stroked path of a diagram frame and of a figure has round caps.
    void svgBoxesHaveNoSquareCaps() {
        fg::Frame frame;
        fg::FrameItem box;
        box.id = QStringLiteral("node");
        box.rect = QRectF(20, 20, 120, 50);
        box.radius = 8;
        box.fill = Qt::white;
        box.stroke = Qt::black;
        box.strokeWidth = 3;
        frame.items.push_back(box);
        frame.size = QSizeF(200, 100);
        const fg::FigureRenderer figure(sampleFigure(), fg::Theme::light(), 800, 16);
        const std::vector<std::pair<const char*, fg::PaintFunction>> pictures = {
            {"frame", [&](QPainter& p, QSizeF) { fg::paintFrame(p, frame); }},
            {"figure", [&](QPainter& p, QSizeF) { figure.paint(p); }}};
        for (const auto& [name, paint] : pictures) {
            const QString svg =
                QString::fromUtf8(fg::svgPicture(paint, QSizeF(800, 400), Qt::white));
            const QRegularExpression stroked(QStringLiteral("<g ([^>]*)>\\s*<path"));
            int paths = 0;
            for (auto it = stroked.globalMatch(svg); it.hasNext();) {
                const QString group = it.next().captured(1);
                if (group.contains(QLatin1String("stroke=\"none\""))) {
                    continue;
                }
                ++paths;
                QVERIFY2(!group.contains(QLatin1String("stroke-linecap=\"square\"")),
                         qPrintable(QStringLiteral("%1: %2").arg(name, group)));
            }
            QVERIFY2(paths > 0, name);
        }
    }

    // A fresh tester opened a 1920x1080 SVG in a drawing program: its page was 677x381 mm (the
    // generator's 72 dpi), 2560 pixels wide where a pixel is 1/96 inch (CSS, Inkscape, browsers).
    // The page says 508x286 mm: the picture's own pixels; the PDF's page too.
    void svgPageIsThePicturesPixels() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.svg");
        fg::PictureOptions o;
        o.size = QSizeF(1920, 1080);
        FG_VERIFY_OK(fg::exportPicture(paintSample, fg::PictureFormat::Svg, path, o));
        const QByteArray svg = readAll(path);
        const QRegularExpression width(QStringLiteral("width=\"([0-9.]+)mm\""));
        const QRegularExpressionMatch m = width.match(QString::fromUtf8(svg));
        QVERIFY2(m.hasMatch(), svg.left(400).constData());
        const double mm = m.captured(1).toDouble();
        QVERIFY2(std::abs(mm - 1920 * 25.4 / 96) < 1, qPrintable(QString::number(mm)));
        // The PDF of the same picture, on its own page, is as large (tester 40: 677 mm, the
        // page's points the pixels): pasted into slides, both come out alike.
        const QString pdfPath = dir.filePath("a.pdf");
        FG_VERIFY_OK(fg::exportPicture(paintSample, fg::PictureFormat::Pdf, pdfPath, o));
        const QRegularExpressionMatch box =
            QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"))
                .match(QString::fromLatin1(readAll(pdfPath)));
        QVERIFY(box.hasMatch());
        const double pdfMm = box.captured(1).toDouble() * 25.4 / 72;
        QVERIFY2(std::abs(pdfMm - mm) < 1,
                 qPrintable(QStringLiteral("PDF %1 mm, SVG %2 mm").arg(pdfMm).arg(mm)));
    }

    void pdfIsOnePage() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.pdf");
        FG_VERIFY_OK(fg::exportPicture(paintSample, fg::PictureFormat::Pdf, path, {}));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") +
                     pdf.count("/Type /Page>") + pdf.count("/Type /Page "),
                 1);
    }

    // A diagram's PDF on A4 or Letter (a tester: the only PDF was a 1920 x 1080 point page, 68
    // cm wide): the sheet is turned sideways for a wide picture and stays upright for a tall
    // one, and the picture is as large as fits inside 1 cm margins, centred. Without a paper the
    // page is the picture's size, edge to edge.
    void aPdfOnPaperFitsTheSheetInsideItsMargins() {
        struct Case {
            QSizeF picture;
            std::optional<QPageSize::PageSizeId> paper;
        };
        const Case cases[] = {{{1920, 1080}, QPageSize::A4},
                              {{600, 1000}, QPageSize::A4},
                              {{1920, 1080}, QPageSize::Letter},
                              {{1000, 600}, std::nullopt}};
        QTemporaryDir dir;
        for (const Case& c : cases) {
            QRectF drawn;
            const auto paint = [&drawn](QPainter& p, QSizeF size) {
                drawn = p.transform().mapRect(QRectF(QPointF(0, 0), size));
            };
            fg::PictureOptions o;
            o.size = c.picture;
            if (c.paper) {
                o.pdfPaper = QPageSize(*c.paper);
            }
            const QString path = dir.filePath(QStringLiteral("paper.pdf"));
            FG_VERIFY_OK(fg::exportPicture(paint, fg::PictureFormat::Pdf, path, o));
            const QRegularExpressionMatch box =
                QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"))
                    .match(QString::fromLatin1(readAll(path)));
            QVERIFY(box.hasMatch());
            const QSizeF page(box.captured(1).toDouble(), box.captured(2).toDouble());
            QSizeF want = c.picture * fg::PictureOptions::kPixelPt; // 96 pixels an inch
            qreal margin = 0;
            if (c.paper) {
                want = QPageSize(*c.paper).size(QPageSize::Point);
                if (c.picture.width() > c.picture.height()) {
                    want.transpose();
                }
                margin = 72 / 2.54;
            }
            const QString where = QStringLiteral("%1x%2 on %3: page %4x%5, picture at %6,%7 %8x%9")
                                      .arg(c.picture.width())
                                      .arg(c.picture.height())
                                      .arg(c.paper ? QPageSize::name(*c.paper) : "its own page")
                                      .arg(page.width())
                                      .arg(page.height())
                                      .arg(drawn.x())
                                      .arg(drawn.y())
                                      .arg(drawn.width())
                                      .arg(drawn.height());
            QVERIFY2(std::abs(page.width() - want.width()) < 1 &&
                         std::abs(page.height() - want.height()) < 1,
                     qPrintable(where));
            const QRectF inside =
                QRectF(QPointF(0, 0), page).adjusted(margin, margin, -margin, -margin);
            QVERIFY2(inside.adjusted(-0.5, -0.5, 0.5, 0.5).contains(drawn), qPrintable(where));
            // As large as fits: it touches the margins on one side or the other, centred.
            QVERIFY2(std::abs(drawn.width() - inside.width()) < 0.5 ||
                         std::abs(drawn.height() - inside.height()) < 0.5,
                     qPrintable(where));
            QVERIFY2((drawn.center() - inside.center()).manhattanLength() < 1, qPrintable(where));
            QCOMPARE(drawn.width() / drawn.height(), c.picture.width() / c.picture.height());
        }
    }

    void anUnwritablePathLeavesNothingBehind() {
        QTemporaryDir dir;
        const QString path = dir.filePath("no/such/dir/a.png");
        const QString error =
            fg::messageOf(fg::exportPicture(paintSample, fg::PictureFormat::Png, path, {}));
        QVERIFY(error.contains(path));
        QVERIFY(!QFile::exists(path));
        // An existing file is kept intact when the new one cannot be made.
        const QString keep = dir.filePath("keep.png");
        QFile f(keep);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
        f.close();
        fg::PictureOptions huge;
        huge.size = QSizeF(40000, 40000);
        QVERIFY(!fg::exportPicture(paintSample, fg::PictureFormat::Png, keep, huge));
        QCOMPARE(readAll(keep), QByteArray("old"));
    }

    // Issue 14, item 3: a disk that fills up after N bytes (injected in the one file writer)
    // fails every format with the path and the reason, and the old file stays whole.
    void aDiskThatFillsUpFailsEveryFormatAndKeepsTheOldFile() {
        QTemporaryDir dir;
        for (const auto format :
             {fg::PictureFormat::Png, fg::PictureFormat::Svg, fg::PictureFormat::Pdf}) {
            const QString whole = dir.filePath("whole.out");
            FG_VERIFY_OK(fg::exportPicture(paintSample, format, whole, {}));
            QVERIFY(QFileInfo(whole).size() > 1000); // more than the disk will take below
            QVERIFY(QFile::remove(whole));
            for (const qint64 limit : {0, 100, 1000}) {
                const QString path = dir.filePath("a.out");
                QFile old(path);
                QVERIFY(old.open(QIODevice::WriteOnly));
                old.write("old");
                old.close();
                fg::AtomicFile::setWriteLimitForTesting(limit);
                const QString error =
                    fg::messageOf(fg::exportPicture(paintSample, format, path, {}));
                fg::AtomicFile::setWriteLimitForTesting(-1);
                QVERIFY2(error.contains(path) && error.contains("No space left on device"),
                         qPrintable(QString::number(int(format)) + ": " + error));
                QCOMPARE(readAll(path), QByteArray("old"));
                QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                         QStringList{"a.out"});
            }
        }
    }
};

FG_TEST_MAIN(TestPictureExport)
#include "test_picture_export.moc"
