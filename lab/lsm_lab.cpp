#include "lab/lsm_lab.h"

#include "engines/core/recording_sink.h"
#include "lab/rocks_lab.h"

#include <map>
#include <nlohmann/json.hpp>

namespace fg::lab {

namespace {

using lsm::LsmOp;

LsmLevels modelLevels(const lsm::LsmState& s) {
    LsmLevels out;
    for (int l = 0; l < s.levels(); ++l) {
        for (const lsm::SSTable* t : s.level(l)) {
            LsmFile f;
            f.name = "#" + std::to_string(t->id);
            f.level = t->level;
            f.smallest = t->minKey();
            f.largest = t->maxKey();
            f.entries = static_cast<std::int64_t>(t->entries.size());
            f.deletions = t->tombstones();
            f.bytes = t->bytes;
            out.files.push_back(std::move(f));
        }
    }
    return out;
}

std::string opText(const LsmOp& op) {
    switch (op.kind) {
    case LsmOp::Kind::Put:
        return "put " + op.key;
    case LsmOp::Kind::Delete:
        return "delete " + op.key;
    case LsmOp::Kind::Get:
        return "get " + op.key;
    case LsmOp::Kind::Flush:
        return "flush";
    case LsmOp::Kind::Compact:
        return "compact";
    }
    return {};
}

std::vector<std::string> names(const std::vector<int>& ids) {
    std::vector<std::string> out;
    for (const int id : ids) {
        out.push_back("#" + std::to_string(id));
    }
    return out;
}

// The model's flushes and compactions among `steps`; `levelOf` gives an input table's level.
std::vector<LsmEvent> modelEvents(const std::vector<lsm::LsmStep>& steps,
                                  const std::map<int, int>& levelOf, LsmWrites& writes,
                                  const lsm::LsmState& after) {
    std::map<int, std::int64_t> bytesOf;
    for (const lsm::SSTable& t : after.tables) {
        bytesOf[t.id] = t.bytes;
    }
    std::vector<LsmEvent> out;
    for (const lsm::LsmStep& step : steps) {
        LsmEvent e;
        if (step.kind == lsm::StepKind::kFlush) {
            e.kind = "flush";
            e.reason = "memtable full";
            for (const int id : step.outputs) {
                writes.flushBytes += bytesOf.count(id) ? bytesOf[id] : 0;
            }
            ++writes.flushes;
        } else if (step.kind == lsm::StepKind::kCompactionDone) {
            e.kind = "compaction";
            e.toLevel = step.level;
            e.fromLevel = step.level;
            for (const int id : step.inputs) {
                const auto at = levelOf.find(id);
                e.fromLevel = std::min(e.fromLevel, at == levelOf.end() ? step.level : at->second);
            }
            e.reason = "model";
            ++writes.compactions;
        } else {
            continue;
        }
        e.inputs = names(step.inputs);
        e.outputs = names(step.outputs);
        out.push_back(std::move(e));
    }
    return out;
}

void modelGet(const std::vector<lsm::LsmStep>& steps, LsmGet& get) {
    for (const lsm::LsmStep& step : steps) {
        if (step.kind != lsm::StepKind::kGet) {
            continue;
        }
        get.modelFound = step.found;
        get.modelValue = step.found ? step.value : std::nullopt;
        for (const lsm::Probe& p : step.probed) {
            if (p.where == lsm::Probe::Where::kMemtable) {
                get.modelInMemtable = p.result == lsm::ProbeResult::kHit;
                continue;
            }
            switch (p.result) {
            case lsm::ProbeResult::kSkippedRange:
                ++get.modelRangeSkips;
                break;
            case lsm::ProbeResult::kSkippedBloom:
                ++get.modelBloomNo;
                break;
            default:
                ++get.modelTablesRead;
                break;
            }
        }
    }
}

// The op on RocksDB; a get's result goes into `get`. A compact merges into the level the model's
// did (`compactLevel`).
Status applyReal(RocksLab& rocks, const LsmOp& op, bool modelFlushed, int compactLevel,
                 LsmGet* get) {
    Status s;
    switch (op.kind) {
    case LsmOp::Kind::Put:
        s = rocks.put(op.key, op.value);
        break;
    case LsmOp::Kind::Delete:
        s = rocks.remove(op.key);
        break;
    case LsmOp::Kind::Get:
        return rocks.get(op.key, get);
    case LsmOp::Kind::Flush:
        return rocks.flush();
    case LsmOp::Kind::Compact:
        return rocks.compactAll(compactLevel);
    }
    if (s && modelFlushed) {
        s = rocks.flush(); // the model's memtable was full: so is RocksDB's, by the lab's rule
    }
    return s;
}

} // namespace

Status checkLsmLabBudget(const LsmScenario& scenario) {
    const auto ops = static_cast<std::int64_t>(scenario.ops.size());
    if (ops > kMaxLsmLabOps) {
        return Status::error("/ops", "the lab runs at most " + std::to_string(kMaxLsmLabOps) +
                                         " operations (this scenario has " + std::to_string(ops) +
                                         ")");
    }
    std::int64_t writes = 0, flushes = 0;
    for (const LsmOp& op : scenario.ops) {
        writes += op.kind == LsmOp::Kind::Put || op.kind == LsmOp::Kind::Delete;
        flushes += op.kind == LsmOp::Kind::Flush || op.kind == LsmOp::Kind::Compact;
    }
    flushes += writes / std::max(1, scenario.params.memtableEntries);
    if (flushes > kMaxLsmLabFlushes) {
        return Status::error("/params/memtable_entries",
                             "the lab makes at most " + std::to_string(kMaxLsmLabFlushes) +
                                 " flushes, and these writes would fill the memtable up to " +
                                 std::to_string(flushes) +
                                 " times: raise \"memtable_entries\" or write fewer keys");
    }
    return Status::ok();
}

Status parseLsmLabScenario(const nlohmann::json& json, LsmScenario* out) {
    if (!json.is_object() || json.value("engine", std::string()) != "lsm") {
        return Status::error("/engine", "the LSM lab runs scenarios of the engine \"lsm\"");
    }
    nlohmann::json bulk = json;
    bulk["narrate"] = false;
    if (Status s = parseLsmScenario(bulk, *out); !s) {
        return s;
    }
    return checkLsmLabBudget(*out);
}

Status runLsmLab(const LsmScenario& scenario, LsmLabRun* run,
                 const std::function<void(const std::string&)>& progress) {
    std::unique_ptr<RocksLab> rocks;
    if (Status s = RocksLab::open(scenario.params, &rocks); !s) {
        return s;
    }
    run->version = RocksLab::version();
    const lsm::LsmEngine engine(scenario.params);
    lsm::LsmState model = engine.initialState();
    for (std::size_t i = 0; i < scenario.ops.size(); ++i) {
        const LsmOp& op = scenario.ops[i];
        std::map<int, int> levelOf;
        for (const lsm::SSTable& t : model.tables) {
            levelOf[t.id] = t.level;
        }
        RecordingSink<lsm::LsmStep, lsm::LsmState> steps(false);
        engine.apply(model, op, steps);
        LsmMoment m;
        m.op = static_cast<int>(i);
        m.opText = opText(op);
        m.model = modelEvents(steps.steps, levelOf, run->modelWrites, model);
        const bool modelFlushed = !m.model.empty() && m.model.front().kind == "flush";
        LsmGet get;
        const int compactLevel = m.model.empty() ? 1 : m.model.back().toLevel;
        if (Status s = applyReal(*rocks, op, modelFlushed && op.kind != LsmOp::Kind::Flush,
                                 compactLevel, &get);
            !s) {
            return s;
        }
        m.real = rocks->takeEvents();
        for (const LsmEvent& e : m.real) {
            (e.kind == "flush" ? run->realWrites.flushes : run->realWrites.compactions) += 1;
        }
        if (op.kind == LsmOp::Kind::Get) {
            modelGet(steps.steps, get);
            run->gets.push_back(get);
        }
        const bool last = i + 1 == scenario.ops.size();
        if (m.real.empty() && m.model.empty() && op.kind != LsmOp::Kind::Get && !last) {
            continue;
        }
        if (run->moments.size() >= kMaxLsmLabMoments) {
            ++run->momentsLeftOut; // counted, not kept: each moment holds both trees
            continue;
        }
        if (Status s = rocks->levels(&m.realLevels); !s) {
            return s;
        }
        m.modelLevels = modelLevels(model);
        m.realWriteAmp = rocks->writes().writeAmplification();
        m.modelWriteAmp = LsmWrites{model.stats.userBytes, model.stats.diskBytesWritten, 0, 0, 0}
                              .writeAmplification();
        for (const auto& [key, entry] : model.memtable) {
            m.memtable.emplace_back(key, !entry.value.has_value());
        }
        run->moments.push_back(std::move(m));
        if (progress && i % 1000 == 999) {
            progress("Ran " + std::to_string(i + 1) + " of " + std::to_string(scenario.ops.size()) +
                     " operations...");
        }
    }
    if (Status s = rocks->levels(&run->realFinal); !s) {
        return s;
    }
    run->modelFinal = modelLevels(model);
    const LsmWrites real = rocks->writes();
    run->realWrites.userBytes = real.userBytes;
    run->realWrites.flushBytes = real.flushBytes;
    run->realWrites.compactionBytes = real.compactionBytes;
    run->modelWrites.userBytes = model.stats.userBytes;
    run->modelWrites.compactionBytes = model.stats.diskBytesWritten - run->modelWrites.flushBytes;
    run->settings = rocks->settings();
    compareLsm(*run);
    return Status::ok();
}

} // namespace fg::lab
