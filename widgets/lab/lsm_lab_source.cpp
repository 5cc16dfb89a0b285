#include "widgets/lab/lsm_lab_source.h"

#include "widgets/canvas/counted.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

namespace fg {

namespace {

// What this file shows goes to translators under fg::LsmLabSource (lupdate and tr() agree).
struct LsmLabWords {
    Q_DECLARE_TR_FUNCTIONS(fg::LsmLabSource)
};

// "000012.sst" -> 12, "#12" -> 12.
int fileNumber(const std::string& name) {
    int n = 0;
    for (const char c : name) {
        if (c >= '0' && c <= '9') {
            n = n * 10 + (c - '0');
        } else if (c == '.') {
            break;
        }
    }
    return n;
}

QString filesText(const std::vector<std::string>& files) {
    QStringList out;
    for (const std::string& f : files) {
        out << QString::fromStdString(f);
    }
    return out.join(QStringLiteral(", "));
}

// RocksDB's name for why it compacted (its CompactionReason, as the JSON and docs/cli.md give
// it), then what it means: "[LevelL0FilesNum]" alone was a word no page of the app explained (a
// tester). A trivial move is named after the reason ("LevelL0FilesNum, trivial move").
QString reasonText(const std::string& reason) {
    const QString all = QString::fromStdString(reason);
    const QString name = all.section(QStringLiteral(", "), 0, 0);
    const bool moved = all.section(QStringLiteral(", "), 1) == QLatin1String("trivial move");
    static const std::pair<const char*, const char*> kMeanings[] = {
        {"LevelL0FilesNum",
         QT_TRANSLATE_NOOP("fg::LsmLabSource",
                           "level 0 had reached the number of files that starts a compaction")},
        {"LevelMaxLevelSize",
         QT_TRANSLATE_NOOP("fg::LsmLabSource", "a level held more bytes than its target size")},
        {"UniversalSizeAmplification",
         QT_TRANSLATE_NOOP("fg::LsmLabSource",
                           "the newer files together had grown too large beside the oldest, "
                           "so all of them were merged")},
        {"UniversalSizeRatio",
         QT_TRANSLATE_NOOP("fg::LsmLabSource", "files of about the same size were merged")},
        {"UniversalSortedRunNum",
         QT_TRANSLATE_NOOP("fg::LsmLabSource",
                           "there were more sorted runs (files a get may have to read one after "
                           "another) than allowed")},
        {"ManualCompaction",
         QT_TRANSLATE_NOOP("fg::LsmLabSource", "the lab asked for it (a manual compaction)")},
    };
    QString meaning;
    for (const auto& [key, words] : kMeanings) {
        if (name == QLatin1String(key)) {
            meaning = LsmLabWords::tr(words);
        }
    }
    QString text = meaning.isEmpty()
                       ? LsmLabWords::tr("RocksDB's reason: %1").arg(name)
                       : LsmLabWords::tr("RocksDB's reason: %1, %2").arg(name, meaning);
    if (moved) {
        text += LsmLabWords::tr("; a trivial move: the file went down a level as it was, not "
                                "rewritten");
    }
    return text;
}

QString eventText(const lab::LsmEvent& e, bool real) {
    if (e.kind == "flush") {
        return LsmLabWords::tr("flushed the memtable into %1 (level 0)").arg(filesText(e.outputs));
    }
    QString text = e.outputs.empty()
                       ? LsmLabWords::tr("compacted %1 (level %2) into nothing (level %3)")
                             .arg(filesText(e.inputs))
                             .arg(e.fromLevel)
                             .arg(e.toLevel)
                       : LsmLabWords::tr("compacted %1 (level %2) into %3 (level %4)")
                             .arg(filesText(e.inputs))
                             .arg(e.fromLevel)
                             .arg(filesText(e.outputs))
                             .arg(e.toLevel);
    if (real) {
        text += QStringLiteral(" [%1]").arg(reasonText(e.reason));
    }
    return text;
}

} // namespace

LsmLabSource::LsmLabSource(std::shared_ptr<const lab::LsmLabRun> run, lsm::LsmParams params,
                           bool real)
    : run_(std::move(run)), params_(params), real_(real) {
    std::size_t widest = 0, keyChars = 2;
    std::vector<std::size_t> rows;
    std::vector<bool> idle;
    for (const lab::LsmMoment& m : run_->moments) {
        const lab::LsmLevels& levels = real_ ? m.realLevels : m.modelLevels;
        const auto count = static_cast<std::size_t>(levels.levels());
        rows.resize(std::max(rows.size(), count));
        idle.resize(std::max(idle.size(), count), true);
        for (std::size_t l = 0; l < count; ++l) {
            const std::size_t n = levels.level(static_cast<int>(l)).size();
            widest = std::max(widest, n);
            rows[l] = std::max(rows[l], LsmExtent::rowsFor(n));
            idle[l] = idle[l] && n == 0;
        }
        for (const lab::LsmFile& f : levels.files) {
            keyChars = std::max({keyChars, f.smallest.size(), f.largest.size()});
        }
    }
    extent_.dense = widest > LsmExtent::kTablesPerRow;
    extent_.rows = rows;
    extent_.idle = idle;
    extent_.keyChars = std::min<std::size_t>(keyChars, 8);
}

int LsmLabSource::stepCount() const {
    return static_cast<int>(run_->moments.size());
}

lsm::LsmState LsmLabSource::stateOf(const lab::LsmLevels& levels,
                                    const std::vector<std::pair<std::string, bool>>& memtable) {
    lsm::LsmState s;
    std::uint64_t seq = 1;
    for (const auto& [key, tombstone] : memtable) {
        lsm::Entry e;
        e.key = key;
        e.seq = seq++;
        e.value = tombstone ? std::nullopt : std::optional<std::string>(std::string());
        s.memtable.emplace(key, std::move(e));
    }
    for (const lab::LsmFile& f : levels.files) {
        lsm::SSTable t;
        t.id = fileNumber(f.name);
        t.level = f.level;
        t.maxSeq = static_cast<std::uint64_t>(t.id); // a newer file has a higher number
        t.bytes = f.bytes;
        const auto n = static_cast<std::size_t>(std::max<std::int64_t>(f.entries, 1));
        t.entries.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            t.entries[i].key = i + 1 == n ? f.largest : f.smallest;
            t.entries[i].value = std::string();
        }
        // The tombstones, drawn as a count: which entries they are is not known.
        for (std::int64_t d = 0; d < std::min<std::int64_t>(f.deletions, f.entries); ++d) {
            t.entries[static_cast<std::size_t>(d)].value = std::nullopt;
        }
        s.tables.push_back(std::move(t));
    }
    s.index.rebuild(s.tables);
    return s;
}

lsm::LsmState LsmLabSource::stateAt(int position) const {
    if (position < 0 || position >= stepCount()) {
        return {};
    }
    const lab::LsmMoment& m = run_->moments[static_cast<std::size_t>(position)];
    return stateOf(real_ ? m.realLevels : m.modelLevels, m.memtable);
}

Frame LsmLabSource::frame(int position, const Theme& theme) const {
    return LsmDiagram::layout(stateAt(position), nullptr, params_, theme, extent_);
}

QString LsmLabSource::summary(int position) const {
    return spokenLsm(stateAt(position), params_);
}

QString LsmLabSource::momentText(const lab::LsmMoment& m, bool real) {
    const std::vector<lab::LsmEvent>& events = real ? m.real : m.model;
    const QString who = real ? LsmLabWords::tr("RocksDB") : LsmLabWords::tr("The model");
    const QString op = QString::fromStdString(m.opText), number = QString::number(m.op + 1);
    if (events.empty()) {
        return LsmLabWords::tr("After “%1” (operation %2): %3 neither flushed nor compacted.")
            .arg(op, number, who);
    }
    QStringList done;
    for (const lab::LsmEvent& e : events) {
        done << eventText(e, real);
    }
    return LsmLabWords::tr("After “%1” (operation %2): %3 %4.")
        .arg(op, number, who, done.join(LsmLabWords::tr(", then ")));
}

QString LsmLabSource::getText(const lab::LsmGet& g, bool real) {
    const bool found = real ? g.realFound : g.modelFound;
    const auto& value = real ? g.realValue : g.modelValue;
    const QString outcome =
        found ? LsmLabWords::tr("found %1").arg(QString::fromStdString(value.value_or("")))
              : LsmLabWords::tr("did not find it");
    if (real ? g.realInMemtable : g.modelInMemtable) {
        return LsmLabWords::tr("%1 in its memtable.").arg(outcome);
    }
    if (real) {
        const int files = int(g.realBloomNo), blocks = int(g.realBlocksRead);
        return LsmLabWords::tr("%1: its bloom filters ruled out %2, let %3 through; %4 read from "
                               "disk.")
            .arg(outcome, inEnglishNumber(LsmLabWords::tr("%n file(s)", nullptr, files), files),
                 QString::number(g.realBloomMaybe),
                 inEnglishNumber(LsmLabWords::tr("%n block(s)", nullptr, blocks), blocks));
    }
    const int tables = int(g.modelRangeSkips);
    return LsmLabWords::tr("%1: %2 skipped by key range, %3 by bloom filter, %4 read.")
        .arg(outcome, inEnglishNumber(LsmLabWords::tr("%n table(s)", nullptr, tables), tables),
             QString::number(g.modelBloomNo), QString::number(g.modelTablesRead));
}

Frame LsmLabSource::sideBySide(const Frame& left, const QString& leftTitle, const Frame& right,
                               const QString& rightTitle, const Theme& theme) {
    const qreal titlePx = 16 * theme.fontScale;
    const QRectF a = left.bounds(), b = right.bounds();
    const qreal top = titlePx * 2;
    const qreal gap = titlePx * 3;
    Frame out;
    auto place = [&](const Frame& f, const QRectF& from, QPointF to, const QString& prefix,
                     const QString& title) {
        const QPointF by = to - from.topLeft();
        for (FrameItem it : f.items) {
            it.id = prefix + it.id;
            if (!it.origin.isEmpty()) {
                it.origin = prefix + it.origin;
            }
            it.rect.translate(by);
            it.line.translate(by);
            out.items.push_back(std::move(it));
        }
        FrameItem heading;
        heading.id = prefix + QStringLiteral("title");
        heading.kind = FrameItem::Kind::Text;
        heading.rect = QRectF(to.x(), 0, std::max(from.width(), titlePx * 12), titlePx * 1.5);
        heading.align = Qt::AlignLeft | Qt::AlignVCenter;
        heading.text = title;
        heading.textColor = theme.text;
        heading.fontPx = titlePx;
        heading.bold = true;
        out.items.push_back(std::move(heading));
    };
    place(left, a, QPointF(0, top), QStringLiteral("real:"), leftTitle);
    const qreal rightX = std::max(a.width(), titlePx * 12) + gap;
    place(right, b, QPointF(rightX, top), QStringLiteral("model:"), rightTitle);
    out.size =
        QSizeF(rightX + std::max(b.width(), titlePx * 12), top + std::max(a.height(), b.height()));
    return out;
}

QString LsmLabSource::narration(int position) const {
    if (position < 0 || position >= stepCount()) {
        return {};
    }
    const lab::LsmMoment& m = run_->moments[static_cast<std::size_t>(position)];
    if (m.opText.rfind("get ", 0) != 0) {
        return momentText(m, real_);
    }
    // Every get is a moment: the k-th get moment is the run's k-th get.
    std::size_t k = 0;
    for (int i = 0; i < position; ++i) {
        k += run_->moments[static_cast<std::size_t>(i)].opText.rfind("get ", 0) == 0;
    }
    if (k >= run_->gets.size()) {
        return momentText(m, real_);
    }
    return LsmLabWords::tr("“%1” (operation %2): %3 %4")
        .arg(QString::fromStdString(m.opText))
        .arg(m.op + 1)
        .arg(real_ ? LsmLabWords::tr("RocksDB") : LsmLabWords::tr("The model"))
        .arg(getText(run_->gets[k], real_));
}

} // namespace fg
