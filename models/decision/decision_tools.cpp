#include "models/decision/decision_tools.h"

#include "models/decision/json_fields.h"

#include <QRegularExpression>
#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

namespace fg {

namespace {

using nlohmann::json;

bool hasSection(const Course& course, const QString& chapter, const QString& section) {
    const int i = course.indexOf(chapter);
    return i >= 0 &&
           (section.isEmpty() || course.chapters[std::size_t(i)].section(section) != nullptr);
}

} // namespace

const WizardQuestion* DecisionTree::question(const QString& id) const {
    const auto it = questions.find(id);
    return it == questions.end() ? nullptr : &it->second;
}

const WizardResult* DecisionTree::result(const QString& id) const {
    const auto it = results.find(id);
    return it == results.end() ? nullptr : &it->second;
}

DecisionTree DecisionTree::load(const QString& path, const Course& course,
                                std::vector<ContentError>& errors) {
    DecisionTree t;
    json j;
    if (!readJsonObject(path, j, errors)) {
        return t;
    }
    t.title = jsonText(j, "title");
    t.intro = jsonText(j, "intro");
    t.start = jsonText(j, "start");
    if (j.contains("questions") && j["questions"].is_object()) {
        for (const auto& [id, q] : j["questions"].items()) {
            WizardQuestion wq;
            wq.id = QString::fromStdString(id);
            wq.text = jsonText(q, "text");
            wq.help = jsonText(q, "help");
            if (q.contains("answers") && q["answers"].is_array()) {
                for (const auto& a : q["answers"]) {
                    wq.answers.push_back({jsonText(a, "label"), jsonText(a, "next")});
                }
            }
            if (wq.text.isEmpty() || wq.answers.size() < 2) {
                errors.push_back(
                    {path,
                     {},
                     QStringLiteral("question \"%1\" needs a text and two answers or more")
                         .arg(wq.id)});
            }
            t.questions[wq.id] = wq;
        }
    }
    if (j.contains("results") && j["results"].is_object()) {
        for (const auto& [id, r] : j["results"].items()) {
            WizardResult wr;
            wr.id = QString::fromStdString(id);
            wr.title = jsonText(r, "title");
            wr.why = jsonText(r, "why");
            wr.tradeoffs = jsonText(r, "tradeoffs");
            wr.cap = jsonText(r, "cap");
            wr.pacelc = jsonText(r, "pacelc");
            if (r.contains("stores") && r["stores"].is_array()) {
                for (const auto& s : r["stores"]) {
                    wr.stores << QString::fromStdString(s.is_string() ? s.get<std::string>() : "");
                }
            }
            if (r.contains("links") && r["links"].is_array()) {
                for (const auto& l : r["links"]) {
                    if (l.is_array() && l.size() == 2 && l[0].is_string() && l[1].is_string()) {
                        wr.links.push_back({QString::fromStdString(l[0].get<std::string>()),
                                            QString::fromStdString(l[1].get<std::string>()),
                                            QString()});
                    }
                }
            }
            if (wr.title.isEmpty() || wr.why.isEmpty() || wr.tradeoffs.isEmpty() ||
                wr.cap.isEmpty() || wr.pacelc.isEmpty() || wr.stores.isEmpty()) {
                errors.push_back({path,
                                  {},
                                  QStringLiteral("result \"%1\" needs a title, stores, why, "
                                                 "tradeoffs, cap and pacelc")
                                      .arg(wr.id)});
            }
            // Both classes, and in words that agree (the result said "CAP / PACELC: CP", the
            // CAP class alone): "cap" begins CP or AP, "pacelc" PC/EC, PC/EL, PA/EC or PA/EL,
            // its partition half the CAP class's choice.
            static const QRegularExpression capClass(QStringLiteral("^(CP|AP)\\b"));
            static const QRegularExpression pacelcClass(QStringLiteral("^P([AC])/E[LC]\\b"));
            const auto capMatch = capClass.match(wr.cap);
            const auto pacelcMatch = pacelcClass.match(wr.pacelc);
            if (!wr.cap.isEmpty() && !wr.pacelc.isEmpty() &&
                (!capMatch.hasMatch() || !pacelcMatch.hasMatch() ||
                 capMatch.captured(1).at(0) != pacelcMatch.captured(1).at(0))) {
                errors.push_back(
                    {path,
                     {},
                     QStringLiteral("result \"%1\": \"cap\" must begin with its CAP class (CP or "
                                    "AP) and \"pacelc\" with its PACELC class (PC/EC, PC/EL, "
                                    "PA/EC or PA/EL), the two choosing the same during a "
                                    "partition; they are \"%2\" and \"%3\"")
                         .arg(wr.id, wr.cap, wr.pacelc)});
            }
            for (auto& l : wr.links) {
                if (const int ci = course.indexOf(l.chapter); ci >= 0) {
                    const Chapter& ch = course.chapters[std::size_t(ci)];
                    const Section* s = ch.section(l.section);
                    l.title = sectionPath(ch.title, s ? s->title : QString());
                }
                if (!hasSection(course, l.chapter, l.section)) {
                    errors.push_back(
                        {path,
                         {},
                         QStringLiteral("result \"%1\" links to %2#%3, which is not in "
                                        "the course")
                             .arg(wr.id, l.chapter, l.section)});
                }
            }
            t.results[wr.id] = wr;
        }
    }
    if (!t.question(t.start)) {
        errors.push_back({path, {}, QStringLiteral("\"start\" must name a question")});
        return t;
    }
    for (const auto& [id, q] : t.questions) {
        for (const auto& a : q.answers) {
            if (!t.question(a.next) && !t.result(a.next)) {
                errors.push_back({path,
                                  {},
                                  QStringLiteral("question \"%1\", answer \"%2\" leads to \"%3\", "
                                                 "which is neither a question nor a result")
                                      .arg(id, a.label, a.next)});
            }
        }
    }
    // Every question and result must be reachable, and no path may loop.
    std::set<QString> seen;
    std::function<void(const QString&, std::set<QString>&)> walk = [&](const QString& id,
                                                                       std::set<QString>& onPath) {
        seen.insert(id);
        const WizardQuestion* q = t.question(id);
        if (!q) {
            return;
        }
        if (!onPath.insert(id).second) {
            errors.push_back(
                {path, {}, QStringLiteral("the questions loop back to \"%1\"").arg(id)});
            return;
        }
        for (const auto& a : q->answers) {
            if (t.question(a.next) || t.result(a.next)) {
                walk(a.next, onPath);
            }
        }
        onPath.erase(id);
    };
    std::set<QString> onPath;
    walk(t.start, onPath);
    for (const auto& [id, q] : t.questions) {
        if (!seen.count(id)) {
            errors.push_back(
                {path, {}, QStringLiteral("question \"%1\" cannot be reached").arg(id)});
        }
    }
    for (const auto& [id, r] : t.results) {
        if (!seen.count(id)) {
            errors.push_back({path, {}, QStringLiteral("result \"%1\" cannot be reached").arg(id)});
        }
    }
    return t;
}

std::vector<DecisionTree::Path> DecisionTree::paths() const {
    std::vector<Path> out;
    std::vector<int> taken;
    std::function<void(const QString&, int)> walk = [&](const QString& id, int depth) {
        if (const WizardResult* r = result(id)) {
            out.push_back({taken, r->id});
            return;
        }
        const WizardQuestion* q = question(id);
        if (!q || depth > 64) {
            return;
        }
        for (int i = 0; i < static_cast<int>(q->answers.size()); ++i) {
            taken.push_back(i);
            walk(q->answers[std::size_t(i)].next, depth + 1);
            taken.pop_back();
        }
    };
    walk(start, 0);
    return out;
}

DecisionMatrix DecisionMatrix::load(const QString& path, const Course& course,
                                    std::vector<ContentError>& errors) {
    DecisionMatrix m;
    json j;
    if (!readJsonObject(path, j, errors)) {
        return m;
    }
    m.title = jsonText(j, "title");
    m.intro = jsonText(j, "intro");
    // The marks: the quick reference table of the chapter named by "source".
    QString chapter, section;
    if (j.contains("source") && j["source"].is_array() && j["source"].size() == 2) {
        chapter = QString::fromStdString(j["source"][0].get<std::string>());
        section = QString::fromStdString(j["source"][1].get<std::string>());
    }
    const int ci = course.indexOf(chapter);
    const Section* sec = ci < 0 ? nullptr : course.chapters[std::size_t(ci)].section(section);
    const json* table = nullptr;
    if (sec) {
        for (const auto& b : sec->blocks) {
            if (b.value("type", std::string()) == "table") {
                table = &b;
                break;
            }
        }
    }
    if (!table) {
        errors.push_back(
            {path, {}, QStringLiteral("\"source\" must name a chapter section holding the table")});
        return m;
    }
    const auto& columns = (*table)["columns"];
    for (std::size_t c = 1; c < columns.size(); ++c) {
        m.stores << QString::fromStdString(columns[c].get<std::string>());
    }
    const json explain = j.value("explain", json::object());
    const json chapters = j.value("chapters", json::object());
    for (const QString& s : m.stores) {
        const QString ch = jsonText(chapters, s.toStdString().c_str());
        if (course.indexOf(ch) < 0) {
            errors.push_back({path, {}, QStringLiteral("no chapter given for \"%1\"").arg(s)});
        }
        m.chapterOf[s] = ch;
    }
    for (const auto& row : (*table)["rows"]) {
        const QString req = QString::fromStdString(row[0].get<std::string>());
        m.requirements << req;
        std::vector<MatrixCell> line;
        for (std::size_t c = 1; c < row.size() && c <= std::size_t(m.stores.size()); ++c) {
            MatrixCell cell;
            cell.mark = QString::fromStdString(row[c].get<std::string>()).trimmed();
            cell.fit = cell.mark.startsWith(QLatin1String(":yes:"))    ? Fit::Yes
                       : cell.mark.startsWith(QLatin1String(":warn:")) ? Fit::Partly
                                                                       : Fit::No;
            cell.note = cell.mark.section(QLatin1Char(':'), 2).trimmed();
            if (cell.note.startsWith(QLatin1Char('(')) && cell.note.endsWith(QLatin1Char(')'))) {
                cell.note = cell.note.mid(1, cell.note.size() - 2);
            }
            const QString& store = m.stores[int(c) - 1];
            const auto r = explain.find(req.toStdString());
            cell.explain =
                r == explain.end() ? QString() : jsonText(*r, store.toStdString().c_str());
            if (cell.explain.isEmpty()) {
                errors.push_back(
                    {path,
                     {},
                     QStringLiteral("no reason given for \"%1\" / \"%2\"").arg(req, store)});
            }
            line.push_back(cell);
        }
        m.cells.push_back(line);
    }
    const json none = j.value("noneFits", json::object());
    m.noneFitsDefault = jsonText(none, "default");
    if (m.noneFitsDefault.isEmpty()) {
        errors.push_back({path, {}, QStringLiteral("\"noneFits\" needs a \"default\" advice")});
    }
    for (const json& rule : none.value("rules", json::array())) {
        Advice a;
        a.say = jsonText(rule, "say");
        for (const json& need : rule.value("when", json::array())) {
            const QString name =
                need.is_string() ? QString::fromStdString(need.get<std::string>()) : QString();
            if (!m.requirements.contains(name)) {
                errors.push_back({path,
                                  {},
                                  QStringLiteral("a \"noneFits\" rule names \"%1\", which is "
                                                 "not a need of the table")
                                      .arg(name)});
            }
            a.when << name;
        }
        if (a.when.isEmpty() || a.say.isEmpty()) {
            errors.push_back({path,
                              {},
                              QStringLiteral("each \"noneFits\" rule needs \"when\" and "
                                             "\"say\"")});
        }
        m.noneFitsRules.push_back(a);
    }
    return m;
}

QString DecisionMatrix::adviceWhenNoneFits(const std::vector<bool>& ticked) const {
    const auto isTicked = [&](const QString& need) {
        const qsizetype i = requirements.indexOf(need);
        return i >= 0 && std::size_t(i) < ticked.size() && ticked[std::size_t(i)];
    };
    for (const Advice& a : noneFitsRules) {
        if (std::all_of(a.when.begin(), a.when.end(), isTicked)) {
            return a.say;
        }
    }
    return noneFitsDefault;
}

std::vector<Fit> DecisionMatrix::fits(const std::vector<bool>& ticked) const {
    std::vector<Fit> out(std::size_t(stores.size()), Fit::Yes);
    for (std::size_t r = 0; r < cells.size() && r < ticked.size(); ++r) {
        if (!ticked[r]) {
            continue;
        }
        for (std::size_t s = 0; s < cells[r].size(); ++s) {
            out[s] = std::max(out[s], cells[r][s].fit); // Yes < Partly < No
        }
    }
    return out;
}

} // namespace fg
