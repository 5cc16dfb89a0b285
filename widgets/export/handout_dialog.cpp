#include "widgets/export/handout_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>

namespace fg {

HandoutDialog::HandoutDialog(const QStringList& chapters, int chosen, const QString& why,
                             QWidget* parent)
    : QDialog(parent), chosen_(chosen), whyText_(why) {
    setWindowTitle(tr("Export handout"));
    auto* form = new QFormLayout(this);
    chapter_ = new QComboBox(this);
    chapter_->addItems(chapters);
    chapter_->setAccessibleName(tr("Chapter"));
    form->addRow(tr("&Chapter:"), chapter_);
    why_ = new QLabel(this);
    why_->setWordWrap(true);
    why_->setAccessibleName(tr("Why this chapter"));
    form->addRow(QString(), why_);
    paper_ = new QComboBox(this);
    paper_->addItem(tr("A4 (210 x 297 mm)"), int(QPageSize::A4));
    paper_->addItem(tr("US Letter (8.5 x 11 in)"), int(QPageSize::Letter));
    paper_->setAccessibleName(tr("Paper size"));
    form->addRow(tr("&Paper size:"), paper_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export\u2026"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &HandoutDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HandoutDialog::reject);
    connect(chapter_, &QComboBox::currentIndexChanged, this, [this](int i) {
        why_->setText(i == chosen_ ? whyText_ : QString());
        why_->setVisible(!why_->text().isEmpty());
    });
    setChapter(chosen);
    why_->setText(chapter_->currentIndex() == chosen_ ? whyText_ : QString());
    why_->setVisible(!why_->text().isEmpty());
    setPaper(QPageSize::PageSizeId(
        QSettings().value("export/handout-paper", int(QPageSize::A4)).toInt()));
}

int HandoutDialog::chapter() const {
    return chapter_->currentIndex();
}

void HandoutDialog::setChapter(int index) {
    chapter_->setCurrentIndex(std::clamp(index, 0, std::max(0, chapter_->count() - 1)));
}

QPageSize::PageSizeId HandoutDialog::paper() const {
    return QPageSize::PageSizeId(paper_->currentData().toInt());
}

void HandoutDialog::setPaper(QPageSize::PageSizeId paper) {
    paper_->setCurrentIndex(std::max(0, paper_->findData(int(paper))));
}

QString HandoutDialog::why() const {
    return why_->isHidden() ? QString() : why_->text();
}

void HandoutDialog::accept() {
    QSettings().setValue("export/handout-paper", int(paper()));
    QDialog::accept();
}

} // namespace fg
