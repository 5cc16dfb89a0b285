#include "models/course/content_validator.h"

#include <QRegularExpression>
#include <QSet>
#include <nlohmann/json.hpp>
#include <set>

namespace fg {

namespace {

const std::set<std::string> kBlockTypes = {"paragraph", "heading", "quote",  "list",
                                           "checklist", "table",   "code",   "note",
                                           "callout",   "figure",  "diagram"};
const std::set<std::string> kPartKinds = {"heading", "text",  "bullets", "kv",      "table",
                                          "code",    "tree",  "boxes",   "flow",    "record",
                                          "bars",    "panel", "columns", "callout", "divider"};
const std::set<std::string> kTones = {"neutral", "accent", "good", "bad", "warn", "muted", "a",
                                      "b",       "c",      "d",    "e",   "f",    "g",     "h"};
const std::set<std::string> kMarks = {"yes", "no", "warn", "tip"};
const std::set<std::string> kShapes = {"box", "decision", "store", "actor"};
const std::set<std::string> kLanguages = {"sql",  "cql",    "shell",  "json",
                                          "text", "promql", "python", "influxql"};

std::string at(const std::string& path, const std::string& key) {
    return path + "/" + key;
}
std::string at(const std::string& path, std::size_t i) {
    return path + "/" + std::to_string(i);
}

QString list(const std::set<std::string>& names) {
    QStringList l;
    for (const auto& n : names) {
        l << QString::fromStdString(n);
    }
    return l.join(QStringLiteral(", "));
}

bool isSlug(const QString& s) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return re.match(s).hasMatch();
}

} // namespace

void ContentValidator::error(const std::string& path, const QString& message) {
    errors_.push_back({file_, QString::fromStdString(path.empty() ? "/" : path), message});
}

bool ContentValidator::object(const json& v, const std::string& path) {
    if (!v.is_object()) {
        error(path, QStringLiteral("expected an object { ... }"));
        return false;
    }
    return true;
}

bool ContentValidator::array(const json& v, const std::string& path, bool nonEmpty) {
    if (!v.is_array()) {
        error(path, QStringLiteral("expected an array [ ... ]"));
        return false;
    }
    if (nonEmpty && v.empty()) {
        error(path, QStringLiteral("expected at least one entry"));
        return false;
    }
    return true;
}

QString ContentValidator::string(const json& obj, const char* key, const std::string& path,
                                 bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(at(path, key), QStringLiteral("missing: expected a text"));
        }
        return {};
    }
    if (!it->is_string()) {
        error(at(path, key), QStringLiteral("expected a text in quotes"));
        return {};
    }
    const QString s = QString::fromStdString(it->get<std::string>());
    if (required && s.trimmed().isEmpty()) {
        error(at(path, key), QStringLiteral("expected a text, found an empty one"));
    }
    return s;
}

void ContentValidator::text(const json& v, const std::string& path) {
    if (!v.is_string()) {
        error(path, QStringLiteral("expected a text in quotes"));
        return;
    }
    const QString s = QString::fromStdString(v.get<std::string>());
    for (const QChar c : s) {
        if (c.unicode() >= 0x2500 && c.unicode() <= 0x257F) {
            error(path, QStringLiteral("contains the box-drawing character \"%1\": ASCII drawings "
                                       "must become figures")
                            .arg(c));
            break;
        }
    }
    static const QRegularExpression link(QStringLiteral("\\[[^\\]]*\\]\\(([^)\\s]*)\\)"));
    for (auto m = link.globalMatch(s); m.hasNext();) {
        const QString target = m.next().captured(1);
        if (target.startsWith(QLatin1String("chapter:"))) {
            links_.push_back({QString::fromStdString(path), target});
        } else if (!target.startsWith(QLatin1String("https://")) &&
                   !target.startsWith(QLatin1String("http://"))) {
            error(path, QStringLiteral("link target \"%1\": expected chapter:ID, "
                                       "chapter:ID#SECTION or an https:// address")
                            .arg(target));
        }
    }
}

void ContentValidator::textField(const json& obj, const char* key, const std::string& path,
                                 bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(at(path, key), QStringLiteral("missing: expected a text"));
        }
        return;
    }
    text(*it, at(path, key));
}

void ContentValidator::textList(const json& v, const std::string& path, bool nested) {
    if (!array(v, path, true)) {
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const json& item = v[i];
        if (nested && item.is_object()) {
            textField(item, "text", at(path, i));
            if (item.contains("items")) {
                textList(item["items"], at(at(path, i), "items"), true);
            }
        } else {
            text(item, at(path, i));
        }
    }
}

void ContentValidator::tone(const json& obj, const std::string& path) {
    if (!obj.contains("tone")) {
        return;
    }
    const json& t = obj["tone"];
    if (!t.is_string() || !kTones.count(t.get<std::string>())) {
        error(at(path, "tone"), QStringLiteral("expected one of: %1").arg(list(kTones)));
    }
}

void ContentValidator::mark(const json& obj, const std::string& path, bool required) {
    if (!obj.contains("mark")) {
        if (required) {
            error(at(path, "mark"),
                  QStringLiteral("missing: expected one of: %1").arg(list(kMarks)));
        }
        return;
    }
    const json& m = obj["mark"];
    if (!m.is_string() || !kMarks.count(m.get<std::string>())) {
        error(at(path, "mark"), QStringLiteral("expected one of: %1").arg(list(kMarks)));
    }
}

void ContentValidator::table(const json& b, const std::string& path, bool inFigure) {
    const auto cols = b.find("columns");
    if (cols == b.end()) {
        error(at(path, "columns"), QStringLiteral("missing: expected the column headings"));
        return;
    }
    textList(*cols, at(path, "columns"), false);
    const auto rows = b.find("rows");
    if (rows == b.end()) {
        error(at(path, "rows"), QStringLiteral("missing: expected the rows"));
        return;
    }
    if (!array(*rows, at(path, "rows"), true) || !cols->is_array()) {
        return;
    }
    for (std::size_t r = 0; r < rows->size(); ++r) {
        const json& row = (*rows)[r];
        const std::string rp = at(at(path, "rows"), r);
        if (!array(row, rp, false)) {
            continue;
        }
        if (row.size() != cols->size()) {
            error(rp, QStringLiteral("expected %1 cells (one per column), found %2")
                          .arg(cols->size())
                          .arg(row.size()));
        }
        for (std::size_t c = 0; c < row.size(); ++c) {
            text(row[c], at(rp, c));
        }
    }
    if (!inFigure) {
        textField(b, "caption", path, false);
    }
}

void ContentValidator::block(const json& b, const std::string& path) {
    if (!object(b, path)) {
        return;
    }
    const QString type = string(b, "type", path);
    const std::string t = type.toStdString();
    if (type.isEmpty()) {
        return;
    }
    if (!kBlockTypes.count(t)) {
        error(at(path, "type"), QStringLiteral("unknown block type \"%1\": expected one of: %2")
                                    .arg(type, list(kBlockTypes)));
        return;
    }
    if (t == "paragraph" || t == "heading" || t == "quote") {
        textField(b, "text", path);
    } else if (t == "list" || t == "checklist") {
        if (!b.contains("items")) {
            error(at(path, "items"), QStringLiteral("missing: expected the list's items"));
        } else {
            textList(b["items"], at(path, "items"), t == "list");
        }
        if (b.contains("ordered") && !b["ordered"].is_boolean()) {
            error(at(path, "ordered"), QStringLiteral("expected true or false"));
        }
    } else if (t == "table") {
        table(b, path, false);
    } else if (t == "code") {
        const QString lang = string(b, "language", path);
        if (!lang.isEmpty() && !kLanguages.count(lang.toStdString())) {
            error(at(path, "language"),
                  QStringLiteral("expected one of: %1").arg(list(kLanguages)));
        }
        string(b, "text", path);
    } else if (t == "note") {
        textField(b, "title", path);
        textField(b, "text", path);
        textField(b, "since", path, false);
    } else if (t == "callout") {
        mark(b, path, true);
        textField(b, "text", path);
    } else if (t == "figure") {
        const QString id = string(b, "id", path);
        if (!id.isEmpty()) {
            if (!isSlug(id)) {
                error(at(path, "id"), QStringLiteral("expected lowercase words joined by -"));
            }
            figures_.push_back({QString::fromStdString(at(path, "id")), id});
        }
        textField(b, "title", path);
        textField(b, "caption", path, false);
        if (!b.contains("parts")) {
            error(at(path, "parts"), QStringLiteral("missing: expected the figure's parts"));
        } else {
            parts(b["parts"], at(path, "parts"));
        }
    } else if (t == "diagram") {
        const QString id = string(b, "id", path);
        if (!id.isEmpty() && diagrams_ && !findDiagramLink(*diagrams_, id)) {
            QStringList known;
            for (const auto& d : *diagrams_) {
                known << d.id;
            }
            error(at(path, "id"), QStringLiteral("unknown live diagram \"%1\": expected one of: %2")
                                      .arg(id, known.join(QStringLiteral(", "))));
        }
        textField(b, "caption", path, false);
    }
}

void ContentValidator::parts(const json& v, const std::string& path) {
    if (!array(v, path, true)) {
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        part(v[i], at(path, i));
    }
}

void ContentValidator::treeNode(const json& n, const std::string& path, int depth) {
    if (!object(n, path)) {
        return;
    }
    if (depth > 16) {
        error(path, QStringLiteral("the tree is nested more than 16 levels deep"));
        return;
    }
    textField(n, "label", path);
    if (n.contains("lines")) {
        textList(n["lines"], at(path, "lines"), false);
    }
    tone(n, path);
    if (n.contains("children")) {
        const json& c = n["children"];
        if (array(c, at(path, "children"), false)) {
            for (std::size_t i = 0; i < c.size(); ++i) {
                treeNode(c[i], at(at(path, "children"), i), depth + 1);
            }
        }
    }
}

void ContentValidator::kvPart(const json& p, const std::string& path) {
    const auto it = p.find("items");
    if (it == p.end() || !array(*it, at(path, "items"), true)) {
        if (it == p.end()) {
            error(at(path, "items"), QStringLiteral("missing: expected [key, value] pairs"));
        }
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& row = (*it)[i];
        if (!row.is_array() || row.size() != 2) {
            error(at(at(path, "items"), i), QStringLiteral("expected a [key, value] pair"));
            continue;
        }
        text(row[0], at(at(at(path, "items"), i), 0));
        text(row[1], at(at(at(path, "items"), i), 1));
    }
}

void ContentValidator::objectItems(
    const json& p, const std::string& path, const char* what,
    const std::function<void(const json&, const std::string&)>& each) {
    const auto it = p.find("items");
    if (it == p.end()) {
        error(at(path, "items"),
              QStringLiteral("missing: expected the %1").arg(QLatin1String(what)));
    } else if (array(*it, at(path, "items"), true)) {
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string ip = at(at(path, "items"), i);
            if (object((*it)[i], ip)) {
                each((*it)[i], ip);
            }
        }
    }
}

void ContentValidator::boxesPart(const json& p, const std::string& path) {
    objectItems(p, path, "boxes", [this](const json& box, const std::string& ip) {
        textField(box, "title", ip, false);
        if (box.contains("lines")) {
            textList(box["lines"], at(ip, "lines"), false);
        }
        tone(box, ip);
    });
}

QSet<QString> ContentValidator::flowNodes(const json& nodes, const std::string& path) {
    QSet<QString> ids;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string np = at(path, i);
        if (!object(nodes[i], np)) {
            continue;
        }
        const QString id = string(nodes[i], "id", np);
        if (ids.contains(id)) {
            error(at(np, "id"), QStringLiteral("the node id \"%1\" is used twice").arg(id));
        }
        ids.insert(id);
        textField(nodes[i], "label", np);
        if (nodes[i].contains("lines")) {
            textList(nodes[i]["lines"], at(np, "lines"), false);
        }
        tone(nodes[i], np);
        const QString shape = string(nodes[i], "shape", np, false);
        if (!shape.isEmpty() && !kShapes.count(shape.toStdString())) {
            error(at(np, "shape"), QStringLiteral("expected one of: %1").arg(list(kShapes)));
        }
    }
    return ids;
}

void ContentValidator::flowEdges(const json& edges, const std::string& path,
                                 const QSet<QString>& ids) {
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const std::string ep = at(path, i);
        if (!object(edges[i], ep)) {
            continue;
        }
        for (const char* end : {"from", "to"}) {
            const QString id = string(edges[i], end, ep);
            if (!id.isEmpty() && !ids.contains(id)) {
                error(at(ep, end), QStringLiteral("no node has the id \"%1\"").arg(id));
            }
        }
        textField(edges[i], "label", ep, false);
    }
}

void ContentValidator::flowPart(const json& p, const std::string& path) {
    const auto nodes = p.find("nodes");
    if (nodes == p.end()) {
        error(at(path, "nodes"), QStringLiteral("missing: expected the nodes"));
        return;
    }
    if (!array(*nodes, at(path, "nodes"), true)) {
        return;
    }
    const QSet<QString> ids = flowNodes(*nodes, at(path, "nodes"));
    const auto edges = p.find("edges");
    if (edges != p.end() && array(*edges, at(path, "edges"), false)) {
        flowEdges(*edges, at(path, "edges"), ids);
    }
}

void ContentValidator::barsPart(const json& p, const std::string& path) {
    textField(p, "unit", path, false);
    objectItems(p, path, "bars", [this](const json& bar, const std::string& ip) {
        textField(bar, "label", ip);
        const auto v = bar.find("value");
        if (v == bar.end() || !v->is_number() || v->get<double>() < 0) {
            error(at(ip, "value"), QStringLiteral("expected a number of at least 0"));
        }
        tone(bar, ip);
    });
}

void ContentValidator::columnsPart(const json& p, const std::string& path) {
    objectItems(p, path, "columns", [this](const json& column, const std::string& ip) {
        textField(column, "title", ip, false);
        tone(column, ip);
        column.contains("parts")
            ? parts(column["parts"], at(ip, "parts"))
            : error(at(ip, "parts"), QStringLiteral("missing: expected parts"));
    });
}

void ContentValidator::part(const json& p, const std::string& path) {
    if (!object(p, path)) {
        return;
    }
    const std::string k = string(p, "kind", path).toStdString();
    if (k.empty()) {
        return;
    }
    if (!kPartKinds.count(k)) {
        error(at(path, "kind"), QStringLiteral("unknown figure part \"%1\": expected one of: %2")
                                    .arg(QString::fromStdString(k), list(kPartKinds)));
        return;
    }
    tone(p, path);
    if (k == "heading" || k == "text") {
        textField(p, "text", path);
    } else if (k == "bullets") {
        p.contains("items") ? textList(p["items"], at(path, "items"), true)
                            : error(at(path, "items"), QStringLiteral("missing: expected items"));
    } else if (k == "kv") {
        kvPart(p, path);
    } else if (k == "table") {
        table(p, path, true);
    } else if (k == "code") {
        string(p, "text", path);
    } else if (k == "tree") {
        p.contains("root")
            ? treeNode(p["root"], at(path, "root"), 0)
            : error(at(path, "root"), QStringLiteral("missing: expected the root node"));
    } else if (k == "boxes") {
        boxesPart(p, path);
    } else if (k == "flow") {
        flowPart(p, path);
    } else if (k == "record") {
        textField(p, "key", path);
        p.contains("cells")
            ? textList(p["cells"], at(path, "cells"), false)
            : error(at(path, "cells"), QStringLiteral("missing: expected the cells"));
        textField(p, "note", path, false);
    } else if (k == "bars") {
        barsPart(p, path);
    } else if (k == "panel") {
        textField(p, "title", path, false);
        p.contains("parts") ? parts(p["parts"], at(path, "parts"))
                            : error(at(path, "parts"), QStringLiteral("missing: expected parts"));
    } else if (k == "columns") {
        columnsPart(p, path);
    } else if (k == "callout") {
        mark(p, path, true);
        textField(p, "text", path);
    }
}

void ContentValidator::chapter(const json& j, const QString& expectedId, Chapter& out) {
    if (!object(j, "")) {
        return;
    }
    out.id = string(j, "id", "");
    if (!out.id.isEmpty() && out.id != expectedId) {
        error("/id", QStringLiteral("expected \"%1\", the name of the file").arg(expectedId));
    }
    out.number = string(j, "number", "", false);
    out.title = string(j, "title", "");
    out.summary = string(j, "summary", "");
    textField(j, "title", "");
    textField(j, "summary", "");
    const auto secs = j.find("sections");
    if (secs == j.end()) {
        error("/sections", QStringLiteral("missing: expected the chapter's sections"));
        return;
    }
    if (!array(*secs, "/sections", true)) {
        return;
    }
    QSet<QString> ids;
    for (std::size_t i = 0; i < secs->size(); ++i) {
        const std::string sp = at("/sections", i);
        const json& s = (*secs)[i];
        if (!object(s, sp)) {
            continue;
        }
        Section sec;
        sec.id = string(s, "id", sp);
        if (!sec.id.isEmpty() && !isSlug(sec.id)) {
            error(at(sp, "id"), QStringLiteral("expected lowercase words joined by -"));
        }
        if (ids.contains(sec.id)) {
            error(at(sp, "id"), QStringLiteral("the section id \"%1\" is used twice").arg(sec.id));
        }
        ids.insert(sec.id);
        sec.title = string(s, "title", sp);
        const auto blocks = s.find("blocks");
        if (blocks == s.end()) {
            error(at(sp, "blocks"), QStringLiteral("missing: expected the section's blocks"));
            continue;
        }
        if (!array(*blocks, at(sp, "blocks"), true)) {
            continue;
        }
        for (std::size_t b = 0; b < blocks->size(); ++b) {
            block((*blocks)[b], at(at(sp, "blocks"), b));
        }
        sec.blocks = *blocks;
        out.sections.push_back(std::move(sec));
    }
}

void ContentValidator::index(const json& j, QString& title, QString& subtitle, QStringList& ids) {
    if (!object(j, "")) {
        return;
    }
    title = string(j, "title", "");
    subtitle = string(j, "subtitle", "", false);
    const auto ch = j.find("chapters");
    if (ch == j.end()) {
        error("/chapters", QStringLiteral("missing: expected the chapter ids in reading order"));
        return;
    }
    if (!array(*ch, "/chapters", true)) {
        return;
    }
    for (std::size_t i = 0; i < ch->size(); ++i) {
        if (!(*ch)[i].is_string()) {
            error(at("/chapters", i), QStringLiteral("expected a chapter id in quotes"));
            continue;
        }
        const QString id = QString::fromStdString((*ch)[i].get<std::string>());
        if (!isSlug(id) || ids.contains(id)) {
            error(at("/chapters", i),
                  ids.contains(id) ? QStringLiteral("the chapter \"%1\" is listed twice").arg(id)
                                   : QStringLiteral("expected lowercase words joined by -"));
            continue;
        }
        ids << id;
    }
}

} // namespace fg
