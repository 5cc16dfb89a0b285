// PracticeView (Study > Practice): exercises the engines make and grade. The student picks a
// topic (Redis Cluster, Kafka, B-Tree, ... or all mixed), a level, how many questions and an
// optional time limit; the seed is shown and can be typed, so a teacher hands out "seed 1234" and
// every student gets the same questions (question i is `fieldguide practice --seed 1234+i`).
// Each question shows its prompt, the picture it starts from (PracticeFigure) and the inputs its
// answer needs (AnswerInputs). Check (Enter) grades it with the engine (practice::grade): right
// or not, in colour and in words, each difference named, the engine's answer and its narration
// of the step; "Show me" opens the live diagram playing the exercise. The first answer to each
// question goes to the progress store: a tally per type for My progress, and the practice review
// (Leitner boxes, as the quiz's) that brings missed types back.
#pragma once

#include "engines/practice/practice_session.h"
#include "widgets/canvas/page.h"
#include "widgets/practice/worksheet.h"

#include <QElapsedTimer>
#include <QWidget>
#include <cstdint>
#include <limits>
#include <vector>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTimer;

namespace fg {

class AnswerInputs;
class PracticeFigure;
class WalkPlayer;
class ProgressStore;

class PracticeView : public QWidget, public Page {
    Q_OBJECT
public:
    explicit PracticeView(QWidget* parent = nullptr);
    // The largest seed the seed box takes: the command line's --seed's (a signed 64-bit number).
    static constexpr std::int64_t kMostSeed = std::numeric_limits<std::int64_t>::max();
    // The seed box's property while it holds the first 19 digits of a longer number typed in.
    static constexpr const char* kSeedCut = "fgSeedCut";
    // Says `text` of the seed box `seed` just under it.
    static void sayAtSeed(QLineEdit* seed, const QString& text);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;

    // The store must outlive the view; without one nothing is recorded.
    void setStore(ProgressStore* store);
    void setToday(long day);
    // Picks a topic ("btree", ..., "mixed") in the choices without starting.
    void setTopic(const QString& topic);

    // Starts a session with the choices on the page (Start), or with these.
    void start();
    // The Start button and Enter in the choices: as start(), after asking when a session with
    // answers is under way.
    void startAsked();
    bool inSession() const; // questions left, and at least one answered
    // A diagram's Practice this: questions on `topic` at once; a session under way on that
    // topic goes on, one on another is dropped only if the student says so (else it goes on,
    // its topic still chosen).
    void practiseTopic(const QString& topic);
    void start(const QString& topic, practice::Level level, int count, std::uint64_t seed,
               int limitSeconds = 0);
    // A session of the exercise types due for review today (nothing when none is due).
    void startReview();

    // Enter: checks the answer, or goes on once it is checked.
    void activate();
    void check();
    void next();
    void sameAgain();

    const practice::Exercise* current() const;
    int questionIndex() const { return index_; }
    int questionCount() const { return static_cast<int>(session_.size()); }
    int rightCount() const; // first answers right (derived from the results)
    bool isChecked() const { return checked_; }
    bool isFinished() const { return finished_; }
    QString feedbackText() const;
    QString summaryText() const;
    QString givenText() const; // the inputs as shown, as plain text
    AnswerInputs* inputs() const { return inputs_; }
    PracticeFigure* figure() const { return figure_; }
    WalkPlayer* walkPlayer() const { return walk_; }
    std::uint64_t seed() const { return seed_; }
    // The choices on the page (topic, level, count, seed), for a worksheet of the same questions.
    WorksheetChoice choices() const;
    // The choices, kept with the tab to the next start ({"topic": "redis", "level": 1,
    // "questions": 10, "time": 0, "seed": 1234}): a class told to use seed 1234 had a new seed
    // after a restart (a tester). Each one missing, of another type or out of range is left.
    nlohmann::json keptSettings() const override;
    void restoreSettings(const nlohmann::json& kept) override;

signals:
    // "Show me": open the live diagram `diagram` with this scenario (JSON text), at step
    // `fromStep` (where the exercise's own operation begins).
    void showMeRequested(QString diagram, QByteArray scenario, int fromStep);
    // An answer was recorded in the store (the app saves).
    void answered();
    void keptSettingsChanged(); // a choice changed (the app keeps it)

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void putButtonsAfterInputs();
    QWidget* buildSetup(QWidget* parent);
    QHBoxLayout* buildReviewRow(QWidget* box);
    QWidget* buildQuestion(QWidget* parent);
    void begin(std::vector<const practice::ExerciseType*> types, int count, const QString& what);
    void showQuestion();
    void sayHeader();
    void finish(bool timeUp);
    void tick();
    QColor rightChoiceTone() const;
    QColor wrongChoiceTone() const;
    void sayFeedback(bool right, const QString& text);
    // Scrolls the page so that the feedback is in view (its first lines, when it is taller).
    void showFeedback();
    void sayReview();
    void requestShowMe();
    void showWalkStep(int index);

    ProgressStore* store_ = nullptr;
    long today_ = 0;
    Theme theme_;

    QWidget* setup_ = nullptr; // the row of choices
    QScrollArea* scroll_ = nullptr;
    QComboBox* topic_ = nullptr;
    QComboBox* level_ = nullptr;
    QSpinBox* count_ = nullptr;
    QComboBox* limit_ = nullptr;
    QLineEdit* seedEdit_ = nullptr;
    QLabel* reviewLine_ = nullptr;
    QPushButton* reviewButton_ = nullptr;

    QWidget* question_ = nullptr;
    QLabel* header_ = nullptr;
    QLabel* clock_ = nullptr;
    QLabel* prompt_ = nullptr;
    QLabel* given_ = nullptr; // the exercise's inputs, written out
    PracticeFigure* figure_ = nullptr;
    WalkPlayer* walk_ = nullptr; // Show me, played here, where no live diagram replays it
    AnswerInputs* inputs_ = nullptr;
    QPushButton* checkButton_ = nullptr;
    QPushButton* showMeButton_ = nullptr;
    QPushButton* againButton_ = nullptr;
    QPushButton* nextButton_ = nullptr;
    QLabel* feedback_ = nullptr;
    QLabel* summary_ = nullptr;

    std::vector<practice::Exercise> session_;
    std::vector<int> results_; // per question: -1 not answered, 0 wrong, 1 right
    QString sessionWhat_;
    QString sessionTopic_; // the topic of the session under way (empty: a review's mix)
    std::uint64_t seed_ = 0;
    practice::Level sessionLevel_ = practice::Level::Medium;
    int index_ = 0;
    bool checked_ = false;
    int verdict_ = -1;      // of the answer checked: 1 right, 0 wrong, -1 none (or a hint)
    QString feedbackPlain_; // the feedback's details, as plain text
    bool finished_ = false;
    int limitSeconds_ = 0;
    QElapsedTimer elapsed_;
    // The time limit counts the time spent answering: reading a verdict and Show me do not use
    // it (a tester's session ended while Show me played the answer).
    qint64 answeredMs_ = 0;     // the questions checked so far
    QElapsedTimer answering_;   // the question on screen, until it is checked
    qint64 answeringMs() const; // the two together
    QTimer* timer_ = nullptr;
};

} // namespace fg
