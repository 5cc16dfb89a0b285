// AnimationDialog: File > Export animation (Ctrl+Shift+E). What to make (an animated GIF or
// numbered PNG frames), which steps (from, to: as the diagram numbers them, "Step N of M"), the
// width, the frames per second and the file (or folder), with what that makes said as it is
// chosen ("3 steps: 42 frames, 3.5 seconds"). It opens in the folder of the last export (the
// export/dir setting every export shares) and remembers its choices. The file it suggests names
// the diagram and the steps chosen ("btree-steps-1-112.gif"), and follows the range until the
// user types a name of their own. With a writer set, Export
// writes while the dialog is open: a failure shows under the settings, every setting kept.
#pragma once

#include "engines/core/status.h"
#include "widgets/controls/range_box.h"
#include "widgets/export/animation_export.h"

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QSpinBox;

namespace fg {

class AnimationDialog : public QDialog, public RangeNotes {
    Q_OBJECT
public:
    // A number typed out of a box's range: said on a line above the buttons.
    void sayOutOfRange(const QString& text) override;
    // `source`: the diagram's steps (it must outlive the dialog); `baseName`: the diagram's file
    // name, without extension; a step in it ("btree-step-110", what File > Export diagram
    // suggests) is left out, as the range chosen names the steps.
    AnimationDialog(const DiagramSource& source, const QString& baseName,
                    QWidget* parent = nullptr);

    bool gif() const; // else PNG frames
    void setGif(bool gif);
    int firstStep() const; // 1..stepCount, as the diagram numbers its steps
    int lastStep() const;
    void setStepRange(int firstStep, int lastStep);
    AnimationOptions options() const; // size, fps and the range as positions
    QString path() const;             // the GIF file, or the folder for the frames
    void setPath(const QString& path);
    // The file name suggested for the choices, without folder: "btree-steps-3-5.gif",
    // "btree-step-4.gif" for one step, "btree-steps-1-112-frames" for PNG frames.
    QString suggestedName() const;
    // The frames' names in their folder start with this: "btree" ("btree-0001.png").
    QString frameBaseName() const { return name_; }
    // What the choices make, as the dialog says it: "3 steps: 42 frames, 3.5 seconds".
    QString summary() const;

    // Writes the animation: ok, the problem (shown in the dialog, which stays open), or
    // Status::cancelled() (the dialog then stays open, nothing said).
    using Writer = std::function<Status(const AnimationDialog&)>;
    void setWriter(Writer writer);
    QString error() const;

    void accept() override;
    // Esc (or anything else that rejects the dialog) while the writer runs asks it to stop, as
    // the progress window's Cancel does; the dialog then stays open, as it was.
    void reject() override;
    bool cancelRequested() const { return cancelRequested_; }

private:
    void kindChanged();
    void update();
    void browse();
    void suggestPath(const QString& folder);

    const DiagramSource& source_;
    QString name_;      // the diagram's file name, without a step
    QString suggested_; // the file name last suggested (kept up to date until the user types)
    QComboBox* kind_;
    QSpinBox* from_;
    QSpinBox* to_;
    QSpinBox* width_;
    QSpinBox* fps_;
    QLineEdit* path_;
    QLabel* summary_;
    RangeNoteLabel* rangeNote_;
    QLabel* error_;
    QPushButton* exportButton_ = nullptr;
    Writer writer_;
    bool writing_ = false;
    bool cancelRequested_ = false;
};

// The folder exports open in: the one the last export went to (export/dir), else the Pictures
// folder when it exists, else the home folder (never the folder the app was started from).
QString lastExportFolder();
void rememberExportFolder(const QString& folder);

} // namespace fg
