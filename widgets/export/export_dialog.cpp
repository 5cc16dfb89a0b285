#include "widgets/export/export_dialog.h"

#include "models/io/status_text.h"
#include "widgets/controls/range_box.h"
#include "widgets/export/animation_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace fg {

namespace {

const char* extensionOf(PictureFormat f) {
    return f == PictureFormat::Png ? "png" : f == PictureFormat::Svg ? "svg" : "pdf";
}

} // namespace

ExportDialog::ExportDialog(QSize screenSize, const Theme& theme, const QString& baseName,
                           QWidget* parent)
    : QDialog(parent), screenSize_(screenSize), screenTheme_(theme) {
    setWindowTitle(tr("Export diagram"));
    auto* form = new QFormLayout(this);
    format_ = new QComboBox(this);
    format_->addItem(tr("PNG picture (pixels)"), int(PictureFormat::Png));
    format_->addItem(tr("SVG drawing (vector, for slides and the web)"), int(PictureFormat::Svg));
    format_->addItem(tr("PDF (vector, one page)"), int(PictureFormat::Pdf));
    format_->setAccessibleName(tr("Format"));
    form->addRow(tr("&Format:"), format_);
    // A PDF page the picture's size (a slide) made a tester expect A4: 1920 x 1080 points is
    // 27 x 15 inches. A sheet of paper is a choice of its own.
    paper_ = new QComboBox(this);
    paper_->addItem(tr("The picture's size (a slide)"));
    paper_->addItem(tr("A4 paper, to print"), int(QPageSize::A4));
    paper_->addItem(tr("US Letter paper, to print"), int(QPageSize::Letter));
    paper_->setAccessibleName(tr("PDF page"));
    form->addRow(tr("PDF &page:"), paper_);

    size_ = new QComboBox(this);
    size_->addItem(tr("As on screen (%1 x %2)").arg(screenSize.width()).arg(screenSize.height()));
    size_->addItem(tr("Full HD slide (1920 x 1080)"));
    size_->addItem(tr("4K slide (3840 x 2160)"));
    size_->addItem(tr("Custom size"));
    size_->setAccessibleName(tr("Size"));
    form->addRow(tr("&Size:"), size_);
    auto* custom = new QHBoxLayout;
    width_ = new RangeSpinBox(this);
    height_ = new RangeSpinBox(this);
    for (QSpinBox* s : {width_, height_}) {
        s->setRange(16, 16384);
        s->setSuffix(tr(" px"));
        custom->addWidget(s);
    }
    width_->setAccessibleName(tr("Custom width"));
    height_->setAccessibleName(tr("Custom height"));
    // A row whose field is a layout gets a label without a buddy, which would show its "&"
    // literally: the label names the field its shortcut goes to.
    auto* customLabel = new QLabel(tr("Custom &width, height:"), this);
    customLabel->setBuddy(width_);
    form->addRow(customLabel, custom);

    theme_ = new QComboBox(this);
    theme_->addItem(tr("As on screen"), screenTheme_.name());
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->addItem(tr("Projector (high contrast, large type)"), QStringLiteral("projector"));
    theme_->setAccessibleName(tr("Theme"));
    form->addRow(tr("&Theme:"), theme_);
    transparent_ = new QCheckBox(tr("Transparent background (PNG)"), this);
    form->addRow(QString(), transparent_);
    note_ = new QLabel(this);
    note_->setAccessibleDescription(tr("About these choices"));
    note_->setWordWrap(true);
    note_->hide();
    form->addRow(QString(), note_);

    auto* fileRow = new QHBoxLayout;
    path_ = new QLineEdit(this);
    givePathRoom(path_);
    path_->setAccessibleName(tr("File"));
    auto* browse = new QPushButton(tr("&Browse\u2026"), this);
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    auto* fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(path_);
    form->addRow(fileLabel, fileRow);
    rangeNote_ = new RangeNoteLabel(this);
    form->addRow(rangeNote_);
    error_ = problemLine(this, screenTheme_, path_);
    form->addRow(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::syncControls);
    connect(size_, &QComboBox::currentIndexChanged, this, &ExportDialog::syncControls);
    connect(paper_, &QComboBox::currentIndexChanged, this, &ExportDialog::syncControls);
    connect(theme_, &QComboBox::currentIndexChanged, this, &ExportDialog::syncControls);
    connect(transparent_, &QCheckBox::toggled, this, &ExportDialog::syncControls);

    QSettings s;
    format_->setCurrentIndex(std::clamp(s.value("export/format", 0).toInt(), 0, 2));
    size_->setCurrentIndex(std::clamp(s.value("export/size", 1).toInt(), 0, 3));
    paper_->setCurrentIndex(std::clamp(s.value("export/paper", 0).toInt(), 0, 2));
    customSize_ = QSize(std::clamp(s.value("export/width", 1600).toInt(), 16, 16384),
                        std::clamp(s.value("export/height", 900).toInt(), 16, 16384));
    transparent_->setChecked(s.value("export/transparent", false).toBool());
    // The folder of the last export (any kind), never the folder the app was started from.
    const QString dir = lastExportFolder();
    path_->setText(
        QDir(dir).filePath(baseName + QLatin1Char('.') + QLatin1String(extensionOf(format()))));
    syncControls();
}

PictureFormat ExportDialog::format() const {
    return static_cast<PictureFormat>(format_->currentData().toInt());
}

void ExportDialog::setFormat(PictureFormat f) {
    format_->setCurrentIndex(format_->findData(int(f)));
}

void ExportDialog::setPaperChoice(int index) {
    paper_->setCurrentIndex(index);
}

void ExportDialog::setSizeChoice(int index) {
    size_->setCurrentIndex(index);
}

void ExportDialog::setCustomSize(QSize size) {
    customSize_ = size;
    syncControls();
}

Theme ExportDialog::theme() const {
    return theme_->currentIndex() == 0 ? screenTheme_
                                       : Theme::byName(theme_->currentData().toString());
}

QString ExportDialog::path() const {
    return path_->text().trimmed();
}

void ExportDialog::setPath(const QString& path) {
    path_->setText(path);
}

PictureOptions ExportDialog::options() const {
    PictureOptions o;
    switch (size_->currentIndex()) {
    case 0:
        o.size = screenSize_;
        break;
    case 1:
        o.size = QSizeF(1920, 1080);
        break;
    case 2:
        o.size = QSizeF(3840, 2160);
        break;
    default:
        o.size = QSizeF(customSize_);
        break;
    }
    o.transparent = format() == PictureFormat::Png && transparent_->isChecked();
    o.background = theme().background;
    if (format() == PictureFormat::Pdf && paper_->currentIndex() > 0) {
        o.pdfPaper = QPageSize(static_cast<QPageSize::PageSizeId>(paper_->currentData().toInt()));
    }
    return o;
}

void ExportDialog::syncControls() {
    // The fields show the size that will be written: the preset's, greyed, or the custom one to
    // edit (what was typed there is kept while a preset is chosen).
    const bool custom = size_->currentIndex() == 3;
    for (QSpinBox* box : {width_, height_}) {
        box->disconnect(this);
        box->setEnabled(custom);
    }
    const QSize shown = custom ? customSize_ : options().size.toSize();
    width_->setValue(shown.width());
    height_->setValue(shown.height());
    if (custom) {
        // The note's page size follows what is typed (it said the size before the edit).
        connect(width_, &QSpinBox::valueChanged, this, [this](int w) {
            customSize_.setWidth(w);
            syncControls();
        });
        connect(height_, &QSpinBox::valueChanged, this, [this](int h) {
            customSize_.setHeight(h);
            syncControls();
        });
    }
    transparent_->setEnabled(format() == PictureFormat::Png);
    paper_->setEnabled(format() == PictureFormat::Pdf);
    // Two choices that surprised a tester: a PDF page as large as the picture (a slide, not a
    // sheet of A4), and Dark's near-white letters on a transparent ground pasted onto a white
    // slide.
    QString note;
    if (format() == PictureFormat::Pdf && paper_->currentIndex() == 0) {
        const QSizeF cm = options().size * PictureOptions::kPixelPt * 2.54 / 72;
        note = tr("The PDF page is the picture's size (%1 x %2 cm), a slide, not a sheet of "
                  "paper: to print, choose A4 or US Letter above; for a whole chapter, File > "
                  "Export chapter as handout PDF.")
                   .arg(qRound(cm.width()))
                   .arg(qRound(cm.height()));
    } else if (format() == PictureFormat::Pdf) {
        note = tr("The picture is fitted to the sheet inside 1 cm margins, the sheet turned "
                  "sideways for a picture wider than tall (the size above sets its proportions); "
                  "for a whole chapter, File > Export chapter as handout PDF.");
    } else if (options().transparent && theme().kind == Theme::Kind::Dark) {
        note = tr("Dark draws light letters: on a transparent background they are meant for a "
                  "dark slide, and vanish on a white one (choose Light for that).");
    }
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    fitHeight();
    // The file's extension follows the format.
    QString p = path();
    if (!p.isEmpty()) {
        const QFileInfo info(p);
        p = info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                QLatin1String(extensionOf(format())));
        path_->setText(p);
    }
}

void ExportDialog::browse() {
    const char* ext = extensionOf(format());
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export diagram"), path(),
        tr("%1 files (*.%2)").arg(QString::fromLatin1(ext).toUpper(), QLatin1String(ext)));
    if (!chosen.isEmpty()) {
        path_->setText(chosen);
    }
}

void ExportDialog::setWriter(Writer writer) {
    writer_ = std::move(writer);
}

QString ExportDialog::note() const {
    return note_->isHidden() ? QString() : note_->text();
}

QString ExportDialog::error() const {
    return error_->isHidden() ? QString() : error_->text();
}

void ExportDialog::accept() {
    auto showError = [this](const QString& message) {
        error_->setText(dialogSentence(message));
        error_->show();
    };
    if (path().isEmpty()) {
        showError(tr("Choose a file to export to."));
        path_->setFocus();
        return;
    }
    // A name typed with another format's extension ("slide.svg" with PNG chosen) means that
    // format, as on the command line: a .svg file held PNG data.
    if (const auto typed = pictureFormatFromName(path()); typed && *typed != format()) {
        setFormat(*typed);
    }
    QSettings s;
    s.setValue("export/format", format_->currentIndex());
    s.setValue("export/size", size_->currentIndex());
    s.setValue("export/paper", paper_->currentIndex());
    s.setValue("export/width", customSize_.width());
    s.setValue("export/height", customSize_.height());
    s.setValue("export/transparent", transparent_->isChecked());
    if (writer_) {
        if (const Status problem = writer_(*this); !problem) {
            showError(messageOf(problem)); // stay open: fix the path (or the size) and export again
            path_->setFocus();
            return;
        }
    }
    rememberExportFolder(QFileInfo(path()).absolutePath()); // only once it was written there
    error_->hide();
    error_->clear();
    QDialog::accept();
}

QLabel* problemLine(QWidget* dialog, const Theme& theme, QLineEdit* path) {
    auto* line = new QLabel(dialog);
    line->setAccessibleName(ExportDialog::tr("Export problem"));
    line->setWordWrap(true);
    line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette warn = line->palette();
    warn.setColor(QPalette::WindowText,
                  theme.readableOn(theme.bad, dialog->palette().color(QPalette::Window)));
    line->setPalette(warn);
    line->hide();
    QObject::connect(path, &QLineEdit::textChanged, line, &QLabel::hide);
    return line;
}

void givePathRoom(QLineEdit* field) {
    field->setMinimumWidth(field->fontMetrics().averageCharWidth() * 48);
}

QString dialogSentence(const QString& message) {
    QString m = message.trimmed();
    if (m.isEmpty()) {
        return m;
    }
    m[0] = m[0].toUpper();
    if (!m.endsWith(QLatin1Char('.')) && !m.endsWith(QLatin1Char('?')) &&
        !m.endsWith(QLatin1Char('!'))) {
        m += QLatin1Char('.');
    }
    return m;
}

void ExportDialog::fitHeight() {
    // As tall as the notes' lines need when one appears in the open dialog (a wrapped label's
    // height is not among the layout's least sizes: the note was cut to a sliver, and a number
    // out of range cut the note above it mid-sentence: testers), and no taller when it goes (an
    // empty block stayed under the buttons after PDF, then PNG).
    if (isVisible()) {
        layout()->activate();
        const int need = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                       : sizeHint().height();
        if (need != height()) {
            resize(width(), need);
        }
    }
}

void ExportDialog::sayOutOfRange(const QString& text) {
    rangeNote_->say(text);
    fitHeight();
}

} // namespace fg
