#include "app/export_actions.h"

#include "app/reader/chapter_html.h"
#include "models/io/atomic_file.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/animation_export.h"
#include "widgets/export/export_dialog.h"
#include "widgets/figure/figure_renderer.h"

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
#include <QProgressDialog>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QUrl>

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
    QImage img((size * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(2);
    img.fill(theme.background);
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        paint(p, size);
    }
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
    QDialog ask(parent);
    ask.setWindowTitle(QObject::tr("Export animation"));
    auto* form = new QFormLayout(&ask);
    auto* kind = new QComboBox(&ask);
    kind->addItem(QObject::tr("Animated GIF (one file, plays anywhere)"));
    kind->addItem(QObject::tr("Numbered PNG frames (for video editors)"));
    form->addRow(QObject::tr("&Kind:"), kind);
    auto* width = new QSpinBox(&ask);
    width->setRange(320, 3840);
    width->setValue(960);
    width->setSuffix(QObject::tr(" px wide (16:9)"));
    form->addRow(QObject::tr("&Size:"), width);
    auto* fps = new QSpinBox(&ask);
    fps->setRange(4, 30);
    fps->setValue(12);
    form->addRow(QObject::tr("&Frames per second:"), fps);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() != QDialog::Accepted) {
        return;
    }
    AnimationOptions o;
    o.size = QSize(width->value(), width->value() * 9 / 16);
    o.fps = fps->value();
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const bool gif = kind->currentIndex() == 0;
    QString target =
        gif ? QFileDialog::getSaveFileName(parent, QObject::tr("Export animation"),
                                           QDir(pictures).filePath(what.baseName + ".gif"),
                                           QObject::tr("GIF animations (*.gif)"))
            : QFileDialog::getExistingDirectory(parent, QObject::tr("Folder for the frames"),
                                                pictures);
    if (target.isEmpty()) {
        return;
    }
    const int total = animationFrameCount(*what.source, o);
    QProgressDialog progress(QObject::tr("Drawing %1 frames\u2026").arg(total),
                             QObject::tr("Cancel"), 0, total, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    auto report = [&](int done, int) {
        progress.setValue(done);
        return !progress.wasCanceled();
    };
    const QString error =
        gif ? exportGif(*what.source, theme, target, o, report)
            : exportFrameSequence(*what.source, theme, target, what.baseName, o, report);
    progress.reset();
    if (!error.isEmpty() && error != QLatin1String("cancelled")) {
        QMessageBox::warning(parent, QObject::tr("Export animation"), error);
    }
}

QString exportHandoutPdf(const Chapter& chapter, const QString& path, QPageSize::PageSizeId page) {
    const Theme paper = Theme::light();
    QTextDocument doc;
    QFont body(QStringLiteral("DejaVu Serif"));
    body.setPointSizeF(10.5);
    doc.setDefaultFont(body);
    // Layout in points on the page: figures are drawn at the text width, twice as sharp.
    const QPageLayout layout(QPageSize(page), QPageLayout::Portrait, QMarginsF(18, 18, 18, 18),
                             QPageLayout::Millimeter);
    const QRectF text = layout.paintRect(QPageLayout::Point);
    doc.setPageSize(text.size());
    const qreal bodyPx = 14;
    doc.setHtml(chapterHtml(chapter, paper, bodyPx, diagramLinks()));
    for (const auto& s : chapter.sections) {
        for (const auto& b : s.blocks) {
            if (b.value("type", std::string()) != "figure") {
                continue;
            }
            const FigureRenderer r(b, paper, text.width() - 8, bodyPx * 0.85);
            doc.addResource(QTextDocument::ImageResource,
                            QUrl(QStringLiteral("figure:") +
                                 QString::fromStdString(b.value("id", std::string()))),
                            r.toImage(3));
        }
    }
    AtomicFile file(path);
    if (const Status s = file.open(); !s) {
        return AtomicFile::describe(s);
    }
    {
        QPdfWriter writer(file.device());
        writer.setPageLayout(layout);
        writer.setTitle(chapter.title);
        writer.setCreator(QStringLiteral("fieldguide"));
        doc.print(&writer);
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
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export handout"),
                                                      QDir(docs).filePath(chapter.id + ".pdf"),
                                                      QObject::tr("PDF documents (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error =
        exportHandoutPdf(chapter, path, size == sizes[0] ? QPageSize::A4 : QPageSize::Letter);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export handout"), error);
    }
}

} // namespace fg
