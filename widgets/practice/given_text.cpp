#include "widgets/practice/given_text.h"

#include <QStringList>

namespace fg {

namespace {

using ojson = nlohmann::ordered_json;

QString label(const std::string& key) {
    return QString::fromStdString(key).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString plain(const ojson& v);

// Inputs whose name alone does not say what they are, named and explained in the prompt's words;
// a yes or no says what it means ("bottom: no" read as broken text, a tester).
struct Described {
    const char* key;
    const char* name;
    const char* meaning; // after the name, in brackets; or null
    const char* yes;     // a true value; or null
    const char* no;      // a false value; or null
};

constexpr Described kDescribed[] = {
    {"bottom", "bottom level", nullptr, "yes, no table lies below the output level",
     "no, tables lie below the output level"},
    {"older_outside", "older outside",
     "keys of which a table left out of the compaction holds an older version", nullptr, nullptr},
};

const Described* described(const std::string& key) {
    for (const Described& d : kDescribed) {
        if (key == d.key) {
            return &d;
        }
    }
    return nullptr;
}

// A record's field as plain text: an entry's null value is a tombstone, as the answers name it
// (it read "value=none" beside answers such as "34=tombstone").
QString fieldText(const std::string& key, const ojson& v) {
    return key == "value" && v.is_null() ? QStringLiteral("tombstone") : plain(v);
}

// One value as plain text: words without quotes, null as "none", a list on one line, a pair of
// numbers (a run of slots) as "0 to 4095", a record as "key=18 seq=24".
QString plain(const ojson& v) {
    if (v.is_null()) {
        return QStringLiteral("none");
    }
    if (v.is_string()) {
        return QString::fromStdString(v.get<std::string>());
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? QStringLiteral("yes") : QStringLiteral("no");
    }
    if (v.is_array()) {
        QStringList items;
        const bool records = !v.empty() && v[0].is_object();
        for (const auto& item : v) {
            // A pair of numbers inside a list is a run ("slots: 0 to 4095"); a list of two
            // numbers alone is two numbers ("draws: 2, 1").
            // A run of one is its number ("2829", not "2829 to 2829": tester 41).
            const bool run =
                item.is_array() && item.size() == 2 && item[0].is_number() && item[1].is_number();
            items << (run && item[0] == item[1] ? plain(item[0])
                      : run ? QStringLiteral("%1 to %2").arg(plain(item[0]), plain(item[1]))
                            : plain(item));
        }
        return items.isEmpty() ? QStringLiteral("none")
                               : items.join(records ? QStringLiteral("; ") : QStringLiteral(", "));
    }
    if (v.is_object()) {
        QStringList parts;
        for (const auto& [k, item] : v.items()) {
            parts << label(k) + QLatin1Char('=') + fieldText(k, item);
        }
        return parts.join(QLatin1Char(' '));
    }
    return QString::fromStdString(v.dump());
}

// Rows of records as a table: a column per field, in the order the first record has them.
QString recordTable(const ojson& rows) {
    QStringList columns;
    for (const auto& row : rows) {
        for (const auto& [k, item] : row.items()) {
            if (!columns.contains(QString::fromStdString(k))) {
                columns << QString::fromStdString(k);
            }
        }
    }
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                                  "style=\"border-collapse: collapse;\"><tr>");
    for (const QString& c : columns) {
        html += QStringLiteral("<th>%1</th>").arg(label(c.toStdString()).toHtmlEscaped());
    }
    html += QStringLiteral("</tr>");
    for (const auto& row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& c : columns) {
            const auto it = row.find(c.toStdString());
            html +=
                QStringLiteral("<td>%1</td>")
                    .arg(it == row.end() ? QString() : fieldText(it.key(), *it).toHtmlEscaped());
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// Points ([[t, v], ...]) as numbered rows.
QString pointTable(const ojson& points) {
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                                  "style=\"border-collapse: collapse;\"><tr><th>#</th>"
                                  "<th>time (ms)</th><th>value</th></tr>");
    int n = 0;
    for (const auto& p : points) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(++n)
                    .arg(plain(p[0]), plain(p[1]));
    }
    return html + QStringLiteral("</table>");
}

bool allOf(const ojson& v, bool (ojson::*is)() const noexcept) {
    for (const auto& item : v) {
        if (!(item.*is)()) {
            return false;
        }
    }
    return !v.empty();
}

} // namespace

QString givenHtml(const practice::Exercise& e) {
    if (!e.given.is_object() || e.given.empty()) {
        return {};
    }
    QString lines, tables;
    for (const auto& [k, v] : e.given.items()) {
        const QString name = label(k).toHtmlEscaped();
        if (v.is_array() && allOf(v, &ojson::is_object)) {
            tables += QStringLiteral("<p><b>%1</b></p>%2").arg(name, recordTable(v));
        } else if (v.is_array() && allOf(v, &ojson::is_array) && v[0].size() == 2 &&
                   k == "points") {
            tables += QStringLiteral("<p><b>%1</b></p>%2").arg(name, pointTable(v));
        } else if (v.is_object() && !v.empty()) {
            QStringList parts;
            for (const auto& [sub, item] : v.items()) {
                parts << QStringLiteral("%1: %2").arg(label(sub), plain(item)).toHtmlEscaped();
            }
            lines +=
                QStringLiteral("<b>%1</b>: %2<br>").arg(name, parts.join(QStringLiteral("; ")));
        } else if (const Described* d = described(k)) {
            const QString value = v.is_boolean() && d->yes && d->no
                                      ? QString::fromUtf8(v.get<bool>() ? d->yes : d->no)
                                      : plain(v);
            lines += QStringLiteral("<b>%1</b>%2: %3<br>")
                         .arg(QString::fromUtf8(d->name).toHtmlEscaped(),
                              d->meaning ? QStringLiteral(" (%1)").arg(
                                               QString::fromUtf8(d->meaning).toHtmlEscaped())
                                         : QString(),
                              value.toHtmlEscaped());
        } else {
            lines += QStringLiteral("<b>%1</b>: %2<br>").arg(name, plain(v).toHtmlEscaped());
        }
    }
    return QStringLiteral("<p>%1</p>%2").arg(lines, tables);
}

} // namespace fg
