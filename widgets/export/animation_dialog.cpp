#include "widgets/export/animation_dialog.h"

#include "models/io/status_text.h"
#include "widgets/controls/range_box.h"
#include "widgets/export/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <algorithm>

namespace fg {

QString lastExportFolder() {
    const QString remembered = QSettings().value(QStringLiteral("export/dir")).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir() &&
        QFileInfo(remembered).isWritable()) {
        return remembered;
    }
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (!pictures.isEmpty() && QFileInfo(pictures).isDir()) {
        return pictures;
    }
    return QDir::homePath();
}

void rememberExportFolder(const QString& folder) {
    if (!folder.isEmpty()) {
        QSettings().setValue(QStringLiteral("export/dir"), QDir(folder).absolutePath());
    }
}

AnimationDialog::AnimationDialog(const DiagramSource& source, const QString& baseName,
                                 QWidget* parent)
    : QDialog(parent), source_(source), name_(baseName) {
    // "btree-step-110" names the step on screen; an animation names its range instead.
    static const QRegularExpression step(QStringLiteral("-step-(\\d+)$"));
    const int onScreen = step.match(name_).captured(1).toInt(); // 0: none named
    name_.remove(step);
    if (name_.isEmpty()) {
        name_ = QStringLiteral("animation");
    }
    setWindowTitle(tr("Export animation"));
    auto* form = new QFormLayout(this);
    kind_ = new QComboBox(this);
    kind_->addItem(tr("Animated GIF (one file, plays anywhere)"));
    kind_->addItem(tr("Numbered PNG frames (for video editors)"));
    kind_->setAccessibleName(tr("Kind"));
    form->addRow(tr("&Kind:"), kind_);

    const int steps = std::max(1, source_.stepCount());
    auto* range = new QHBoxLayout;
    from_ = new RangeSpinBox(this);
    to_ = new RangeSpinBox(this);
    from_->setAccessibleName(tr("From step"));
    to_->setAccessibleName(tr("To step"));
    for (QSpinBox* s : {from_, to_}) {
        s->setRange(1, steps);
    }
    // A run longer than an animation holds opens on kMaxAnimationSteps steps from the step on
    // screen (at step 14 of 304,051 it offered the last 200, a tester), or on its last ones.
    const int first =
        std::clamp(onScreen > 0 ? onScreen : steps, 1, std::max(1, steps - kMaxAnimationSteps + 1));
    from_->setValue(first);
    to_->setValue(std::min(steps, first + kMaxAnimationSteps - 1));
    range->addWidget(from_);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(to_);
    range->addWidget(new QLabel(tr("of %L1 steps").arg(steps), this));
    range->addStretch(1);
    auto* rangeLabel = new QLabel(tr("S&teps from:"), this);
    rangeLabel->setBuddy(from_);
    form->addRow(rangeLabel, range);

    width_ = new RangeSpinBox(this);
    width_->setRange(320, 3840);
    width_->setSuffix(tr(" px wide (16:9)"));
    width_->setAccessibleName(tr("Width"));
    form->addRow(tr("&Size:"), width_);
    fps_ = new RangeSpinBox(this);
    fps_->setRange(4, 30);
    fps_->setAccessibleName(tr("Frames per second"));
    form->addRow(tr("&Frames per second:"), fps_);
    summary_ = new QLabel(this);
    summary_->setAccessibleDescription(tr("What the export makes"));
    summary_->setWordWrap(true);
    form->addRow(QString(), summary_);

    auto* fileRow = new QHBoxLayout;
    path_ = new QLineEdit(this);
    givePathRoom(path_);
    path_->setAccessibleName(tr("File or folder"));
    auto* browse = new QPushButton(tr("&Browse\u2026"), this);
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    auto* fileLabel = new QLabel(tr("Sa&ve to:"), this);
    fileLabel->setBuddy(path_);
    form->addRow(fileLabel, fileRow);
    rangeNote_ = new RangeNoteLabel(this);
    form->addRow(rangeNote_);
    // The problem line in the colours of the app's theme of the dialog's palette (the export
    // dialog's are the screen theme's): the same orange-red, not body text.
    error_ = problemLine(
        this, palette().color(QPalette::Window).lightness() < 128 ? Theme::dark() : Theme::light(),
        path_);
    form->addRow(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    exportButton_ = buttons->button(QDialogButtonBox::Ok);
    exportButton_->setText(tr("&Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AnimationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AnimationDialog::reject);
    connect(browse, &QPushButton::clicked, this, &AnimationDialog::browse);

    QSettings s;
    kind_->setCurrentIndex(std::clamp(s.value("export/animation-kind", 0).toInt(), 0, 1));
    width_->setValue(s.value("export/animation-width", 960).toInt());
    fps_->setValue(s.value("export/animation-fps", 12).toInt());
    suggestPath(lastExportFolder());
    connect(kind_, &QComboBox::currentIndexChanged, this, &AnimationDialog::kindChanged);
    for (QSpinBox* box : {from_, to_, width_, fps_}) {
        connect(box, &QSpinBox::valueChanged, this, &AnimationDialog::update);
    }
    // The range stays a range: moving one end past the other takes it along.
    connect(from_, &QSpinBox::valueChanged, this, [this](int v) {
        if (to_->value() < v) {
            to_->setValue(v);
        }
    });
    connect(to_, &QSpinBox::valueChanged, this, [this](int v) {
        if (from_->value() > v) {
            from_->setValue(v);
        }
    });
    update();
}

bool AnimationDialog::gif() const {
    return kind_->currentIndex() == 0;
}

void AnimationDialog::setGif(bool gif) {
    kind_->setCurrentIndex(gif ? 0 : 1);
}

int AnimationDialog::firstStep() const {
    return from_->value();
}

int AnimationDialog::lastStep() const {
    return to_->value();
}

void AnimationDialog::setStepRange(int firstStep, int lastStep) {
    to_->setValue(lastStep);
    from_->setValue(firstStep);
}

AnimationOptions AnimationDialog::options() const {
    AnimationOptions o;
    o.size = QSize(width_->value(), width_->value() * 9 / 16);
    o.fps = fps_->value();
    fg::setStepRange(o, from_->value(), to_->value(), source_.stepCount());
    return o;
}

QString AnimationDialog::path() const {
    return path_->text().trimmed();
}

void AnimationDialog::setPath(const QString& path) {
    path_->setText(path);
}

QString AnimationDialog::summary() const {
    const AnimationOptions o = options();
    const int frames = animationFrameCount(source_, o);
    const int steps = to_->value() - from_->value() + 1;
    const QString stepText = steps == 1 ? tr("1 step") : tr("%L1 steps").arg(steps);
    if (steps > kMaxAnimationSteps) {
        return tr("%1: too long, an animation holds at most %L2 steps. Choose a shorter range.")
            .arg(stepText)
            .arg(kMaxAnimationSteps);
    }
    // Each step moves from the picture before it (the first frame is the step before the
    // range's first), and a GIF keeps a still picture once, shown longer: a tester counted 141
    // frames in a GIF the dialog said had 288.
    return (gif() ? tr("%1: %3 seconds (%L2 frames at the rate chosen; a GIF keeps a still "
                       "picture once, shown for longer), each step moving from the one before it")
                  : tr("%1: %L2 frames, %3 seconds, each step moving from the one before it"))
        .arg(stepText)
        .arg(frames)
        .arg(QLocale().toString(double(frames) / std::max(1, o.fps), 'f', 1));
}

QString AnimationDialog::suggestedName() const {
    const int from = from_->value(), to = to_->value();
    const QString steps = from == to
                              ? QStringLiteral("%1-step-%2").arg(name_).arg(from)
                              : QStringLiteral("%1-steps-%2-%3").arg(name_).arg(from).arg(to);
    return steps + (gif() ? QStringLiteral(".gif") : QStringLiteral("-frames"));
}

void AnimationDialog::suggestPath(const QString& folder) {
    suggested_ = suggestedName();
    path_->setText(QDir(folder).filePath(suggested_));
}

void AnimationDialog::kindChanged() {
    // The file follows the kind: a .gif file, or a folder for the frames, in the same place.
    const QString p = path();
    suggestPath(p.isEmpty() ? lastExportFolder() : QFileInfo(p).absolutePath());
    update();
}

void AnimationDialog::update() {
    // The suggested name follows the range, until the user has typed a name of their own.
    if (const QFileInfo p(path()); !path().isEmpty() && p.fileName() == suggested_) {
        suggestPath(p.absolutePath());
    }
    exportButton_->setEnabled(to_->value() - from_->value() + 1 <= kMaxAnimationSteps);
    summary_->setText(summary());
}

void AnimationDialog::browse() {
    const QString chosen =
        gif() ? QFileDialog::getSaveFileName(this, tr("Export animation"), path(),
                                             tr("GIF animations (*.gif)"))
              : QFileDialog::getExistingDirectory(this, tr("Folder for the frames"),
                                                  QFileInfo(path()).absolutePath());
    if (!chosen.isEmpty()) {
        path_->setText(chosen);
    }
}

void AnimationDialog::setWriter(Writer writer) {
    writer_ = std::move(writer);
}

QString AnimationDialog::error() const {
    return error_->isHidden() ? QString() : error_->text();
}

void AnimationDialog::accept() {
    if (path().isEmpty()) {
        error_->setText(gif() ? tr("Choose a file to export to.")
                              : tr("Choose a folder for the frames."));
        error_->show();
        path_->setFocus();
        return;
    }
    // Frames go into a folder: a typed picture's name would have made a folder of that name
    // ("bt.png/").
    static const QStringList pictures{QStringLiteral("png"), QStringLiteral("gif"),
                                      QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                      QStringLiteral("svg"), QStringLiteral("pdf")};
    if (const QString suffix = QFileInfo(path()).suffix().toLower();
        !gif() && pictures.contains(suffix)) {
        error_->setText(
            tr("The frames go into a folder, one numbered PNG each: type a folder's "
               "name, not a .%1 file's (for example \"%2\").")
                .arg(suffix, QFileInfo(path()).completeBaseName() + QStringLiteral("-frames")));
        error_->show();
        path_->setFocus();
        return;
    }
    QSettings s;
    s.setValue("export/animation-kind", kind_->currentIndex());
    s.setValue("export/animation-width", width_->value());
    s.setValue("export/animation-fps", fps_->value());
    if (writer_) {
        writing_ = true;
        cancelRequested_ = false;
        const Status problem = writer_(*this);
        writing_ = false;
        if (problem.isCancelled()) {
            // Stopped on purpose: the dialog stays as it was, and says that nothing was left.
            error_->setText(tr("Export cancelled: nothing was written."));
            error_->show();
            return;
        }
        if (!problem) {
            error_->setText(dialogSentence(messageOf(problem)));
            error_->show();
            path_->setFocus();
            return;
        }
    }
    // Only once it was written there (a failed export to /proc was remembered, and the next
    // file dialog opened there); a GIF's folder, or the frames' folder's parent.
    rememberExportFolder(QFileInfo(path()).absolutePath());
    error_->hide();
    error_->clear();
    QDialog::accept();
}

void AnimationDialog::reject() {
    if (writing_) {
        cancelRequested_ = true; // the writer stops at its next frame: Status::cancelled()
        return;
    }
    QDialog::reject();
}

void AnimationDialog::sayOutOfRange(const QString& text) {
    rangeNote_->say(text);
}

} // namespace fg
