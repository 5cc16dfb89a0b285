// HandoutDialog: File > Export chapter as handout PDF. It names the chapter it will export (a
// list of the course's chapters, with the one the user is looking at chosen, and a line saying
// why that one: the chapter open in the reader, or the chapter of the diagram on screen) and the
// paper size (A4 or US Letter, remembered for the next handout).
#pragma once

#include <QDialog>
#include <QPageSize>
#include <QStringList>

class QComboBox;
class QLabel;

namespace fg {

class HandoutDialog : public QDialog {
    Q_OBJECT
public:
    // `chapters`: the chapters' names as the reader lists them ("4. Redis"); `chosen`: the index
    // shown first; `why`: one sentence saying why that chapter is chosen (empty: none).
    HandoutDialog(const QStringList& chapters, int chosen, const QString& why,
                  QWidget* parent = nullptr);

    int chapter() const; // the index in `chapters`
    void setChapter(int index);
    QPageSize::PageSizeId paper() const;
    void setPaper(QPageSize::PageSizeId paper);
    QString why() const; // the sentence shown under the chapter (empty once another is chosen)

    void accept() override;

private:
    QComboBox* chapter_;
    QComboBox* paper_;
    QLabel* why_;
    int chosen_;
    QString whyText_;
};

} // namespace fg
