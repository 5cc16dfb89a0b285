#include "app/export_actions.h"

#include "app/reader/chapter_html.h"
#include "models/io/atomic_file.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/animation_dialog.h"
#include "widgets/export/animation_export.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/export/export_dialog.h"
#include "widgets/export/paged_text.h"
#include "widgets/export/picture_export.h"
#include "widgets/figure/figure_renderer.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImage>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QProgressDialog>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>
#include <cmath>

namespace fg {

void exportDiagramInteractive(QWidget* parent, const Exportable& what, const Theme& screenTheme) {
    ExportDialog dialog(what.screenSize, screenTheme, what.baseName, parent);
    // The file is written while the dialog is open: a failure shows there, the settings kept.
    dialog.setWriter([&what](const ExportDialog& d) {
        return exportPicture(what.picture(d.theme()), d.format(), d.path(), d.options());
    });
    dialog.exec();
}

void copyDiagramToClipboard(const Exportable& what, const Theme& theme) {
    const PaintFunction paint = what.picture(theme);
    const QSizeF size = what.screenSize.isEmpty() ? QSizeF(1280, 720) : QSizeF(what.screenSize);
    const QImage img = paintToImage(paint, size, 2, theme.background);
    QByteArray svg;
    {
        QBuffer buffer(&svg);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator gen;
        gen.setOutputDevice(&buffer);
        gen.setSize(size.toSize());
        gen.setViewBox(QRectF(QPointF(0, 0), size));
        QPainter p(&gen);
        p.fillRect(QRectF(QPointF(0, 0), size), theme.background);
        paint(p, size);
    }
    auto* mime = new QMimeData;
    mime->setImageData(img);
    mime->setData(QStringLiteral("image/svg+xml"), svg);
    QApplication::clipboard()->setMimeData(mime);
}

void exportAnimationInteractive(QWidget* parent, const Exportable& what, const Theme& theme) {
    if (!what.source || what.source->stepCount() == 0) {
        QMessageBox::information(parent, QObject::tr("Export animation"),
                                 QObject::tr("This diagram has no steps to animate."));
        return;
    }
    AnimationDialog dialog(*what.source, what.baseName, parent);
    // Written while the dialog is open: a failure shows there with the settings kept; Cancel in
    // the progress window leaves no file and the dialog as it was.
    dialog.setWriter([&what, &theme, parent](const AnimationDialog& d) {
        const AnimationOptions o = d.options();
        const int total = animationFrameCount(*what.source, o);
        QProgressDialog progress(QObject::tr("Drawing %L1 frames\u2026").arg(total),
                                 QObject::tr("Cancel"), 0, total, parent);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(300);
        // Esc is Cancel: it rejected the progress window, which only hid it (Qt 6.4 does not
        // turn that into cancel()), and the export went on. Esc in the export dialog too.
        QObject::connect(&progress, &QDialog::rejected, &progress, &QProgressDialog::cancel);
        auto report = [&](int done, int) {
            progress.setValue(done);
            return !progress.wasCanceled() && !d.cancelRequested();
        };
        const QString error =
            d.gif() ? exportGif(*what.source, theme, d.path(), o, report)
                    : exportFrameSequence(*what.source, theme, d.path(), what.baseName, o, report);
        progress.reset();
        return error;
    });
    dialog.exec();
}

namespace {

// Each live diagram's card gets a picture of the diagram (its first scenario at its last step, as
// `fieldguide export --chapter` draws it); on paper the card's link says where to find it instead.
// The size of a chart's letters on paper, in points: styleChart's 9 pt (light theme), recorded
// in a QPicture at its resolution and replayed in the handout's picture one unit to a point.
qreal chartTextPt(const Theme& paper) {
    const QPicture picture;
    return 9 * paper.fontScale * picture.logicalDpiY() / 72.0;
}

// The picture of `diagram`'s default scenario at its last step, in points: `width` wide and as
// tall as the drawing needs at that width (a chart: two charts one above the other). When that
// sets the drawing's smallest letters under 8 pt, the picture is turned a quarter to use the
// page's height (up to `pageHeight`) as its width.
HandoutPicture placePicture(const LiveDiagram& diagram, const Theme& paper, qreal width,
                            qreal pageHeight) {
    HandoutPicture out;
    out.id = diagram.id;
    out.size = QSizeF(width, width * 9 / 16);
    if (!diagram.hasSteps()) {
        out.size = QSizeF(width, width * 1.05); // the charts one above the other
        out.smallestTextPt = chartTextPt(paper);
        return out;
    }
    Status st;
    const nlohmann::json scenario = defaultScenario(diagram.id, st);
    const std::unique_ptr<DiagramSource> source =
        st ? diagram.makeSource(scenario, st, KeepOnly{}) : nullptr;
    if (!source) {
        return out;
    }
    const Frame frame = source->frame(source->stepCount() - 1, paper);
    qreal smallest = 0;
    for (const FrameItem& it : frame.items) {
        if (!it.text.isEmpty() && it.opacity > 0.5) {
            smallest = smallest > 0 ? std::min(smallest, it.fontPx) : it.fontPx;
        }
    }
    const QRectF view = frame.bounds().isValid() ? frame.bounds() : QRectF(0, 0, 1, 1);
    // The scale paintDiagramPicture draws at in a picture of `size` (its margin and caption).
    bool withCaption = true;
    const auto scaleIn = [&](QSizeF size) {
        const qreal margin = 0.05 * std::min(size.width(), size.height());
        const qreal caption = withCaption ? 0.08 * paper.fontScale * size.height() : 0;
        return std::min({(size.width() - 2 * margin) / view.width(),
                         (size.height() - 2 * margin - caption) / view.height(), 3.0});
    };
    // The least height at which the width sets the scale.
    const auto fitted = [&](qreal w, qreal tallest) {
        QSizeF size(w, tallest);
        const qreal full = scaleIn(size);
        for (qreal h = w * 0.25; h < tallest; h += 4) {
            if (scaleIn(QSizeF(w, h)) >= full * 0.99) {
                size.setHeight(h);
                break;
            }
        }
        return size;
    };
    out.size = fitted(width, pageHeight * 0.8);
    out.smallestTextPt = smallest * scaleIn(out.size);
    if (smallest > 0 && out.smallestTextPt < 8) {
        const QSizeF turned = fitted(pageHeight * 0.95, width);
        if (const qreal pt = smallest * scaleIn(turned); pt > out.smallestTextPt) {
            out.size = turned;
            out.smallestTextPt = pt;
            out.turned = true;
        }
    }
    if (smallest > 0 && out.smallestTextPt < 8) {
        // Still small: the step's sentence goes under the picture as text, and the drawing takes
        // the room its caption had.
        withCaption = false;
        out.size = out.turned ? fitted(pageHeight * 0.95, width) : fitted(width, pageHeight * 0.8);
        out.smallestTextPt = smallest * scaleIn(out.size);
        out.captionAsText = source->narration(source->stepCount() - 1);
    }
    out.frame = frame;
    out.caption = withCaption ? source->narration(source->stepCount() - 1) : QString();
    return out;
}

void addDiagramPictures(QTextDocument& doc, const Theme& paper, qreal width, qreal pageHeight,
                        std::vector<HandoutPicture>& pictures) {
    struct Link {
        int position, length;
        QString id;
    };
    std::vector<Link> links;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QString href = f.charFormat().anchorHref();
            if (href.startsWith(QLatin1String("diagram:"))) {
                links.push_back({f.position(), f.length(), href.mid(8)});
            }
        }
    }
    // From the end, so the positions before stay right.
    std::vector<HandoutPicture> placedFromTheEnd;
    for (auto l = links.rbegin(); l != links.rend(); ++l) {
        const LiveDiagram* diagram = liveDiagram(l->id);
        QTextCursor c(&doc);
        c.setPosition(l->position);
        c.setPosition(l->position + l->length, QTextCursor::KeepAnchor);
        QTextCharFormat plain = c.charFormat();
        plain.setAnchor(false);
        plain.setAnchorHref({});
        plain.setFontUnderline(false);
        plain.setForeground(QColor(paper.mutedText));
        const QString title = diagram ? diagram->title : l->id;
        c.insertText(QObject::tr("Live in fieldguide: Diagrams menu, \u201c%1\u201d. Shown at the "
                                 "end of its first scenario:")
                         .arg(title),
                     plain);
        Status st;
        PaintFunction paint = diagram ? defaultPicture(*diagram, paper, st) : PaintFunction();
        if (!paint) {
            continue;
        }
        const HandoutPicture placed = placePicture(*diagram, paper, width, pageHeight);
        if (!placed.frame.items.empty()) {
            paint = [frame = placed.frame, caption = placed.caption, paper](QPainter& p, QSizeF s) {
                paintDiagramPicture(p, s, frame, caption, paper);
            };
        }
        placedFromTheEnd.push_back(placed);
        const QImage drawn = paintToImage(paint, placed.size, 3, paper.background);
        // Turned a quarter on its own page (read with the page turned) when the page's width
        // would set its letters under 8 pt.
        const QImage img =
            placed.turned ? drawn.transformed(QTransform().rotate(90), Qt::SmoothTransformation)
                          : drawn;
        const QUrl name(QStringLiteral("diagram-picture:") + l->id);
        doc.addResource(QTextDocument::ImageResource, name, img);
        QTextImageFormat image;
        image.setName(name.toString());
        image.setWidth(placed.turned ? placed.size.height() : placed.size.width());
        image.setHeight(placed.turned ? placed.size.width() : placed.size.height());
        c.clearSelection();
        c.insertBlock();
        if (placed.turned) {
            QTextBlockFormat own = c.blockFormat();
            own.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore |
                                   QTextFormat::PageBreak_AlwaysAfter);
            c.setBlockFormat(own);
        }
        c.insertImage(image);
        if (!placed.captionAsText.isEmpty()) {
            c.insertBlock();
            c.insertText(placed.captionAsText, plain);
        }
    }
    pictures.assign(placedFromTheEnd.rbegin(), placedFromTheEnd.rend());
}

// One family for the body (DejaVu Serif) and one for headings (DejaVu Sans) on paper: a
// callout's title and notes came in the reader's sans beside the serif body. Code keeps its
// fixed-pitch face.
void useHandoutFamilies(QTextDocument& doc) {
    struct Run {
        int position, length;
        bool heading;
    };
    std::vector<Run> runs;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const bool heading = b.blockFormat().headingLevel() > 0;
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat cf = f.charFormat();
            const QString family = cf.fontFamilies().toStringList().value(0);
            if (cf.isImageFormat() || cf.fontFixedPitch() ||
                family.contains(QLatin1String("Mono"), Qt::CaseInsensitive) ||
                family.compare(QLatin1String("monospace"), Qt::CaseInsensitive) == 0) {
                continue;
            }
            runs.push_back({f.position(), f.length(), heading});
        }
    }
    for (const Run& r : runs) {
        QTextCursor c(&doc);
        c.setPosition(r.position);
        c.setPosition(r.position + r.length, QTextCursor::KeepAnchor);
        QTextCharFormat family;
        family.setFontFamilies(
            {r.heading ? QStringLiteral("DejaVu Sans") : QStringLiteral("DejaVu Serif")});
        c.mergeCharFormat(family);
    }
}

} // namespace

namespace {

constexpr qreal kFooter = 28; // points under the text for "Page 2 of 7"

QPageLayout handoutLayout(QPageSize::PageSizeId page) {
    return QPageLayout(QPageSize(page), QPageLayout::Portrait, QMarginsF(18, 18, 18, 12),
                       QPageLayout::Millimeter);
}

} // namespace

Handout::Handout(const Chapter& chapter, QPageSize::PageSizeId page)
    : title_(chapter.title), doc_(std::make_unique<QTextDocument>()) {
    const Theme paper = Theme::light();
    QFont body(QStringLiteral("DejaVu Serif"));
    body.setPointSizeF(10.5);
    doc_->setDefaultFont(body);
    // Layout in points on the page: figures are drawn at the text width, three times as sharp.
    // The bottom of the text area is kept for the footer.
    const QRectF text = handoutLayout(page).paintRect(QPageLayout::Point);
    size_ = text.size();
    doc_->setPageSize(QSizeF(text.width(), text.height() - kFooter));
    const qreal bodyPx = 14;
    doc_->setHtml(chapterHtml(chapter, paper, bodyPx, diagramLinks()));
    useHandoutFamilies(*doc_);
    for (const auto& s : chapter.sections) {
        for (const auto& b : s.blocks) {
            if (b.value("type", std::string()) != "figure") {
                continue;
            }
            const FigureRenderer r(b, paper, text.width() - 8, bodyPx * 0.85);
            // Never taller than most of a page: a taller figure would be cut at the page's end.
            QImage img = r.toImage(3);
            const qreal tallest = doc_->pageSize().height() * 0.85;
            if (const qreal shown = img.height() / img.devicePixelRatio(); shown > tallest) {
                img.setDevicePixelRatio(img.devicePixelRatio() * shown / tallest);
            }
            doc_->addResource(QTextDocument::ImageResource,
                              QUrl(QStringLiteral("figure:") +
                                   QString::fromStdString(b.value("id", std::string()))),
                              img);
        }
    }
    addDiagramPictures(*doc_, paper, text.width() - 40, doc_->pageSize().height(), pictures_);
    keepTogether(*doc_);
}

Handout::~Handout() = default;

int Handout::pageCount() const {
    return doc_->pageCount();
}

void Handout::paintPage(QPainter& p, int page) const {
    const Theme paper = Theme::light();
    fg::paintPage(p, *doc_, page, paper.text);
    // The footer: the chapter on the left, "Page N of M" on the right, under a thin rule.
    const QSizeF text = doc_->pageSize();
    const QRectF foot(0, text.height() + 10, text.width(), kFooter - 10);
    p.save();
    p.setPen(QPen(paper.line, 0.5));
    p.drawLine(QPointF(0, text.height() + 8), QPointF(text.width(), text.height() + 8));
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPixelSize(9);
    p.setFont(small);
    p.setPen(paper.mutedText);
    const QString number = footerText(page);
    const qreal numberWidth = QFontMetricsF(small).horizontalAdvance(number) + 12;
    p.drawText(foot.adjusted(0, 0, -numberWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(small).elidedText(title_, Qt::ElideRight, foot.width() - numberWidth));
    p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, number);
    p.restore();
}

QString Handout::footerText(int page) const {
    return QObject::tr("Page %1 of %2").arg(page + 1).arg(pageCount());
}

QString exportHandoutPdf(const Chapter& chapter, const QString& path, QPageSize::PageSizeId page) {
    const Handout handout(chapter, page);
    const QRectF text = handoutLayout(page).paintRect(QPageLayout::Point);
    AtomicFile file(path);
    if (const Status s = file.open(); !s) {
        return AtomicFile::describe(s);
    }
    {
        QPdfWriter writer(file.device());
        writer.setPageLayout(handoutLayout(page));
        writer.setTitle(chapter.title);
        writer.setCreator(QStringLiteral("fieldguide"));
        QPainter p(&writer);
        if (!p.isActive()) {
            file.cancel();
            return QObject::tr("Could not start the PDF %1").arg(path);
        }
        p.scale(writer.width() / text.width(), writer.width() / text.width()); // points to pixels
        for (int i = 0; i < handout.pageCount(); ++i) {
            if (i > 0) {
                writer.newPage();
            }
            handout.paintPage(p, i);
        }
    }
    if (const Status s = file.commit(); !s) {
        return AtomicFile::describe(s);
    }
    return {};
}

void exportHandoutInteractive(QWidget* parent, const Chapter& chapter) {
    bool ok = false;
    const QStringList sizes = {QObject::tr("A4"), QObject::tr("US Letter")};
    const QString size = QInputDialog::getItem(parent, QObject::tr("Export handout"),
                                               QObject::tr("Paper size:"), sizes, 0, false, &ok);
    if (!ok) {
        return;
    }
    // In the folder of the last export (not the folder the app was started from).
    const QString path =
        QFileDialog::getSaveFileName(parent, QObject::tr("Export handout"),
                                     QDir(lastExportFolder()).filePath(chapter.id + ".pdf"),
                                     QObject::tr("PDF documents (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    rememberExportFolder(QFileInfo(path).absolutePath());
    const QString error =
        exportHandoutPdf(chapter, path, size == sizes[0] ? QPageSize::A4 : QPageSize::Letter);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export handout"), error);
    }
}

} // namespace fg
