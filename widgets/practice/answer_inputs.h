// AnswerInputs: the inputs a practice exercise asks for, one group per answer part
// (practice::AnswerField): a box for a number, a button per choice, the words to pick in order,
// a list box per partition naming its member, a line for a B-Tree ([20] ([10] [30 40])), lines
// of buckets. Every input is reached with Tab and works from the keyboard; the picture above
// (PracticeFigure) can pick a choice too. Enter is left to the page (a line input passes it on).
// submission() turns what is entered into the JSON object practice::grade() reads, or says in words
// what cannot be read.
#pragma once

#include "engines/practice/practice.h"

#include <QMap>
#include <QString>
#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

class QLabel;

class QAbstractButton;
class QButtonGroup;
class QColor;

namespace fg {

class AnswerInputs : public QWidget {
    Q_OBJECT
public:
    explicit AnswerInputs(QWidget* parent = nullptr);

    // Replaces the inputs with those of `fields`; `treeBefore` prefills a tree input (the tree
    // the exercise starts from, for the student to change), `memberStart` the members'
    // partitions ({member: [partition]}: the group before a rebalance).
    void setFields(const std::vector<practice::AnswerField>& fields,
                   const QString& treeBefore = QString(),
                   const nlohmann::json& memberStart = nlohmann::json());
    // The entered answer as JSON; nullopt, with `problem` set (naming the part), when a part
    // cannot be read (a number that is not one, a tree that is not in the notation).
    std::optional<nlohmann::json> submission(QString& problem) const;
    // Picks option `index` of the first Choice part (a click on the picture, or a number key).
    bool pickChoice(int index);
    // The partitions given a member so far (partition -> member), and a partition dropped on a
    // member in the picture (an empty member: nobody). False when there is no such partition.
    QMap<QString, QString> assignment() const;
    bool assignWord(const QString& word, const QString& member);
    // A click on the picture: the word (a table, "#16") picked or unpicked in the first WordList
    // part, the number (a key) added at the end of the first NumberList part. False when there
    // is no such part or word.
    bool toggleWord(const QString& word);
    bool appendNumber(qint64 number);
    // A number key: option `index` of the Choice part that has the focus, else of the first one
    // with nothing picked yet, else of the first (two groups of buttons each numbered 1-3).
    bool pickChoiceByKey(int index);
    // The option picked in the first Choice part, or -1.
    int pickedChoice() const;
    // Inputs on or off (off once an answer is checked; on for "same exercise again").
    void setInputsEnabled(bool on);
    // After Check (inputs off): the right option of each group of choices stays in full colour,
    // its text in `tone`, saying "✓ right answer" (it was greyed like the others: a tester); a
    // wrong pick is framed in `wrongTone`, saying "✘ your answer".
    void showRightChoices(const nlohmann::json& answer, const QColor& tone,
                          const QColor& wrongTone);
    // Puts the keyboard focus in the first input.
    void focusFirst();

signals:
    void choicePicked(int index);
    // The words picked in a WordList part, in order, after each change.
    void wordsChanged(const QStringList& words);
    void assignmentChanged(const QMap<QString, QString>& wordToMember);

private:
    struct Part {
        practice::AnswerField field;
        std::function<nlohmann::json(QString& problem)> read;
        std::function<void(int)> pick; // Choice parts
        std::function<int()> picked;
        QButtonGroup* group = nullptr; // Choice parts
    };
    void addPart(const practice::AnswerField& f, const QString& treeBefore);
    static void markPicksClearly(QWidget* row);
    static void holdStill(QAbstractButton* button, bool still);
    static void markPick(QAbstractButton* button, bool mark);
    static void markRight(QAbstractButton* button, const QColor& tone);
    static void markWrongPick(QAbstractButton* button, const QColor& tone);
    Part numberPart(const practice::AnswerField& f, QWidget* box);
    Part choicePart(const practice::AnswerField& f, QWidget* box);
    Part wordListPart(const practice::AnswerField& f, QWidget* box);
    Part perMemberPart(const practice::AnswerField& f, QWidget* box);
    Part textPart(const practice::AnswerField& f, QWidget* box, const QString& treeBefore);
    Part treePart(const practice::AnswerField& f, QWidget* box, const QString& treeBefore);
    Part bucketsPart(const practice::AnswerField& f, QWidget* box);

    std::vector<Part> parts_;
    std::vector<QWidget*> boxes_;
    nlohmann::json memberStart_ = nlohmann::json::object(); // member -> words before a rebalance
};

} // namespace fg
