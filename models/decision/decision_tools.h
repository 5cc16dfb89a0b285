// The decision tools' data, read from the course content: the wizard's question tree
// (content/tools/wizard.json: every path of the course's decision flowchart, ending in
// recommended stores with their trade-offs, CAP class and PACELC class) and the decision matrix
// (content/tools/matrix.json: the marks come from the quick reference table of the decision-matrix
// chapter, the reasons from the tools file). Loading checks everything a view relies on and names
// what is wrong, so a broken file is reported, never a crash.
#pragma once

#include "models/course/course.h"

#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace fg {

struct WizardAnswer {
    QString label;
    QString next; // a question id or a result id
};

struct WizardQuestion {
    QString id, text, help;
    std::vector<WizardAnswer> answers;
};

struct ChapterLink {
    QString chapter, section;
    QString title; // "Chapter title › Section title", from the course
};

struct WizardResult {
    QString id, title, why, tradeoffs;
    // Its class under CAP (kept during a network partition: CP or AP) and under PACELC (the same,
    // then what it favours when nothing has failed: PC/EC, PA/EL...), each with its conditions.
    QString cap, pacelc;
    QStringList stores;
    std::vector<ChapterLink> links;
};

class DecisionTree {
public:
    // Reads and checks the file; `errors` lists every problem (empty when the tree is usable).
    static DecisionTree load(const QString& path, const Course& course,
                             std::vector<ContentError>& errors);

    QString title, intro, start;
    std::map<QString, WizardQuestion> questions;
    std::map<QString, WizardResult> results;

    const WizardQuestion* question(const QString& id) const;
    const WizardResult* result(const QString& id) const;
    // Every way from the start to a result: the answer indexes taken, and the result reached.
    struct Path {
        std::vector<int> answers;
        QString result;
    };
    std::vector<Path> paths() const;
};

enum class Fit { Yes, Partly, No };

struct MatrixCell {
    Fit fit = Fit::No;
    QString mark;    // the table's text, e.g. ":warn: (time-based only)"
    QString note;    // what follows the mark ("time-based only")
    QString explain; // why
};

class DecisionMatrix {
public:
    static DecisionMatrix load(const QString& path, const Course& course,
                               std::vector<ContentError>& errors);

    QString title, intro;
    QStringList stores;                         // columns
    QStringList requirements;                   // rows
    std::map<QString, QString> chapterOf;       // store -> chapter id
    std::vector<std::vector<MatrixCell>> cells; // [requirement][store]
    // What to do when no store meets every ticked need ("noneFits" in matrix.json): the advice
    // of the first rule whose needs are all ticked (ACID with horizontal scale: NewSQL), else
    // the default (two stores).
    struct Advice {
        QStringList when; // requirements, all ticked
        QString say;
    };
    std::vector<Advice> noneFitsRules;
    QString noneFitsDefault;
    QString adviceWhenNoneFits(const std::vector<bool>& ticked) const;

    // For the ticked requirements: each store's worst fit (Yes when nothing is ticked).
    std::vector<Fit> fits(const std::vector<bool>& ticked) const;
};

} // namespace fg
