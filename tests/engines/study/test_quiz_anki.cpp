// The Anki text export (study::ankiText) read back as Anki reads it: the four header lines, then
// one note per line with exactly two tab-separated fields; each field's HTML, unescaped, gives
// back the card's question, its choices in the quiz's first order, the right answer and the
// explanation, whatever characters the card holds (tabs, line breaks, <, &, quotes, a leading #).
#include "engines/study/quiz_anki.h"
#include "tests/suite_main.h"

#include <QTest>
#include <sstream>

using fg::study::QuizCard;

namespace {

std::vector<std::string> splitOn(const std::string& s, char by) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, by)) {
        parts.push_back(part);
    }
    if (!s.empty() && s.back() == by) {
        parts.emplace_back();
    }
    return parts;
}

void replaceEvery(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos;
         at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
}

// A field's HTML back to text: <br> as a line break, the list's items on lines of their own,
// <b> dropped, then the entities (&amp; last, so "&amp;lt;" stays "&lt;").
std::string fieldText(std::string html) {
    replaceEvery(html, "<br>", "\n");
    replaceEvery(html, "<ol>", "\n");
    replaceEvery(html, "</ol>", "");
    replaceEvery(html, "<li>", "* ");
    replaceEvery(html, "</li>", "\n");
    replaceEvery(html, "<b>", "");
    replaceEvery(html, "</b>", "");
    // no other tag is left: anything else with '<' would be markup Anki renders
    if (html.find('<') != std::string::npos) {
        return "UNEXPECTED TAG: " + html;
    }
    replaceEvery(html, "&lt;", "<");
    replaceEvery(html, "&gt;", ">");
    replaceEvery(html, "&quot;", "\"");
    replaceEvery(html, "&#9;", "\t");
    replaceEvery(html, "&#35;", "#");
    replaceEvery(html, "&amp;", "&");
    return html;
}

QuizCard trickyCard() {
    QuizCard c;
    c.id = "tricky";
    c.kind = QuizCard::Kind::Choice;
    c.see = {"kafka", "ideal-use-cases"};
    c.question = "#1 \"Kafka as a database\"\tis <wrong> & why?\nTwo lines.";
    c.choices = {{"It's a log: A < B & C > D", true},
                 {"\"quoted\" at the start", false},
                 {"tab\there", false},
                 {"line\r\nbreak", false}};
    c.explanation = "Because <b>it</b> is a log.";
    return c;
}

} // namespace

class TestQuizAnki : public QObject {
    Q_OBJECT
private slots:
    void fieldsHoldAnyTextOnOneLine() {
        QCOMPARE(fg::study::ankiField("a\tb"), std::string("a&#9;b"));
        QCOMPARE(fg::study::ankiField("a\nb\r\nc\rd"), std::string("a<br>b<br>c<br>d"));
        QCOMPARE(fg::study::ankiField("<i>&\"</i>"), std::string("&lt;i&gt;&amp;&quot;&lt;/i&gt;"));
        QCOMPARE(fg::study::ankiField("#tag # not"), std::string("&#35;tag # not"));
        QCOMPARE(fg::study::ankiField("Redis › Pub/Sub → WebSocket"),
                 std::string("Redis › Pub/Sub → WebSocket")); // UTF-8 as it is
    }

    void theFileReadsBackAsAnkiReadsIt() {
        QuizCard answer;
        answer.id = "model";
        answer.kind = QuizCard::Kind::Answer;
        answer.see = {"decision-matrix", "scenario-based-selection"};
        answer.question = "How would you design it?";
        answer.answer = "PostgreSQL & Redis.\nKafka between them.";
        const std::vector<QuizCard> cards = {trickyCard(), answer};
        const std::string file = fg::study::ankiText(cards, [](const fg::study::SectionRef& see) {
            return see.chapter == "kafka" ? std::string("Kafka › Ideal Use Cases") : std::string();
        });
        QVERIFY(file.back() == '\n');
        const std::vector<std::string> lines = splitOn(file.substr(0, file.size() - 1), '\n');
        QCOMPARE(int(lines.size()), 4 + 2);
        QCOMPARE(lines[0], std::string("#separator:tab"));
        QCOMPARE(lines[1], std::string("#html:true"));
        QCOMPARE(lines[2], std::string("#deck:fieldguide"));
        QCOMPARE(lines[3], std::string("#notetype:Basic"));
        for (std::size_t i = 4; i < lines.size(); ++i) {
            QVERIFY2(lines[i][0] != '#', lines[i].c_str()); // not a comment line
            QVERIFY2(lines[i][0] != '"', lines[i].c_str()); // not a quoted field
            QVERIFY(lines[i].find('\r') == std::string::npos);
            QCOMPARE(int(splitOn(lines[i], '\t').size()), 2);
        }

        // The choice card: the question, the choices as the quiz first shows them, the answer.
        const std::vector<std::string> note = splitOn(lines[4], '\t');
        const QuizCard c = trickyCard();
        std::string front = c.question + "\n";
        const std::vector<int> order = fg::study::choiceOrder(c, 0);
        int rightPlace = 0;
        for (std::size_t k = 0; k < order.size(); ++k) {
            std::string choice = c.choices[std::size_t(order[k])].text;
            replaceEvery(choice, "\r\n", "\n");
            front += "* " + choice + "\n";
            rightPlace = order[k] == 0 ? int(k) + 1 : rightPlace;
        }
        QCOMPARE(fieldText(note[0]), front);
        QCOMPARE(fieldText(note[1]), "Right answer: " + std::to_string(rightPlace) + ". " +
                                         c.choices[0].text + "\n\n" + c.explanation +
                                         "\n\nRead about it: Kafka › Ideal Use Cases");

        // The model-answer card: question on the front; answer, no empty explanation, no link.
        const std::vector<std::string> model = splitOn(lines[5], '\t');
        QCOMPARE(fieldText(model[0]), answer.question);
        QCOMPARE(fieldText(model[1]), answer.answer);
    }
};

FG_TEST_APPLESS_MAIN(TestQuizAnki)
#include "test_quiz_anki.moc"
