// ExportDialog: File > Export diagram (Ctrl+E). The format (PNG, SVG or PDF; a PDF's page the
// picture's size, a slide, or a sheet of A4 or US Letter to print), the size (the
// diagram's size on screen, 1920x1080, 3840x2160 or a custom size), a transparent background
// for PNG, the theme the picture is drawn in, and the file. The width and height fields can be
// edited for "Custom size" alone; with a preset chosen they show the preset's size, greyed.
// Whatever is chosen is remembered for the next export (QSettings). With a writer set, Export
// writes the file while the dialog is open: when that fails the dialog stays, every setting kept,
// with the reason shown under them.
#pragma once

#include "models/theme/theme.h"
#include "widgets/controls/range_box.h"
#include "widgets/export/picture_export.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QLabel;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace fg {

class ExportDialog : public QDialog, public RangeNotes {
    Q_OBJECT
public:
    // A number typed out of a box's range: said on a line above the buttons.
    void sayOutOfRange(const QString& text) override;
    // `screenSize`: the diagram's size on screen; `theme`: the theme on screen; `baseName`: a
    // file name to suggest, without extension.
    ExportDialog(QSize screenSize, const Theme& theme, const QString& baseName,
                 QWidget* parent = nullptr);

    PictureFormat format() const;
    PictureOptions options() const; // size, scale, transparency (background set from theme())
    Theme theme() const;
    QString path() const;
    void setPath(const QString& path);
    void setFormat(PictureFormat format);
    void setSizeChoice(int index);  // 0 screen, 1 1920x1080, 2 3840x2160, 3 custom
    void setPaperChoice(int index); // a PDF's page: 0 the picture's size, 1 A4, 2 US Letter
    void setCustomSize(QSize size);

    // Writes the chosen file: ok, or the problem, which the dialog shows (and stays open).
    using Writer = std::function<Status(const ExportDialog&)>;
    void setWriter(Writer writer);
    // The error shown in the dialog (empty when none).
    QString error() const;
    // What the dialog says about the choices made (a PDF page's size, a transparent picture in
    // Dark's light type), or empty.
    QString note() const;

    void accept() override;

private:
    void fitHeight(); // as tall as its notes need, at its width
    void syncControls();
    void browse();

    QSize screenSize_;
    QSize customSize_{1600, 900}; // what "Custom size" sets, whatever a preset shows meanwhile
    Theme screenTheme_;
    QComboBox* format_;
    QComboBox* paper_;
    QComboBox* size_;
    QSpinBox* width_;
    QSpinBox* height_;
    QComboBox* theme_;
    QCheckBox* transparent_;
    QLineEdit* path_;
    QLabel* note_;
    RangeNoteLabel* rangeNote_;
    QLabel* error_;
    Writer writer_;
};

// Makes a dialog's file field wide enough for a path of about 48 characters (a home folder,
// a folder and a file name): the export dialogs showed "np/fghome/btree-steps-1-16.gif".
void givePathRoom(QLineEdit* field);

// A message for a dialog: a sentence that starts with a capital letter and ends with a full stop
// ("cannot write x: denied" becomes "Cannot write x: denied.").
QString dialogSentence(const QString& message);

// A dialog's line for a problem (a file that could not be written): hidden until there is one,
// wrapped, selectable, in the theme's "bad" colour made readable on the dialog's background, and
// hidden again as soon as `path` is edited (the problem was about the path before).
QLabel* problemLine(QWidget* dialog, const Theme& theme, QLineEdit* path);

} // namespace fg
