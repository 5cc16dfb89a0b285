// ScenarioReader: the small vocabulary every engine's scenario parser shares. Each accessor checks
// one field and, on a problem, returns a Status naming the JSON path ("/ops/3/key") and what was
// expected there, in plain words. Nothing throws.
#pragma once

#include "engines/core/status.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fg {

// The work a whole scenario may ask for, counted op by op as it is read, before anything runs:
// each op counts 1, an op with a count (insert-random, put-random, produce) its count. A narrated
// scenario keeps every step of the run (several per key or record), so it may ask for far less
// than a bulk one ("narrate": false), which keeps only the final state.
inline constexpr std::int64_t kMaxNarratedWork = 10'000;
inline constexpr std::int64_t kMaxBulkWork = 10'000'000;
// Most keys, records or ops a page of the app plays step by step, whatever the file's "narrate"
// (a page keeps every step: the 100,000-key index takes about a second and 300 MB; a million
// took 13 s and 3 GB).
inline constexpr std::int64_t kMaxPlayedWork = 150'000;

// 12345678 -> "12,345,678" (the numbers of the budgets' messages).
std::string grouped(std::int64_t n);

// Ok when a page can play a scenario asking for `work` keys, records or ops step by step; else
// why not, and that `fieldguide run` gives its end state.
Status playableOnAPage(std::int64_t work);

class WorkBudget {
public:
    explicit WorkBudget(bool narrate) : narrate_(narrate) {}
    // Adds the work of the op at `path`. Fails once the scenario's total passes its limit, naming
    // the limit and how far over the scenario is (what it asks for is counted to the end of the
    // op list, so the message says the whole amount).
    Status add(std::int64_t items, const std::string& path);
    // After the last op: the Status of the whole scenario (ok, or the first op past the limit).
    Status finish() const;
    // What the ops added so far ask for in all.
    std::int64_t total() const { return total_; }
    // Past its limit already (finish() will say so).
    bool over() const { return total_ > (narrate_ ? kMaxNarratedWork : kMaxBulkWork); }

private:
    bool narrate_;
    std::int64_t total_ = 0;
    std::string firstOver_;
};

class ScenarioReader {
public:
    using json = nlohmann::json;

    // The scenario must be an object; its "params" (an object, or {} when absent) go to `out`.
    static Status params(const json& scenario, json& out);
    // Every key of the object `obj` (at `path`) is one of `known`: a misspelled or made-up one
    // ("partitions" for Kafka's "topics") is refused, naming the keys there are, instead of
    // running on the defaults without a word (a tester's 1,000,000 partitions ran as 3).
    static Status knownKeys(const json& obj, const std::string& path,
                            std::initializer_list<std::string_view> known);
    // The scenario's own keys are engine, title, params, ops and narrate (knownKeys).
    static Status scenarioKeys(const json& scenario);
    // The object at `path`, or an error if `v` is not an object.
    static Status object(const json& v, const std::string& path);
    // An optional integer field within [lo, hi]; absent: `fallback`.
    static Status integer(const json& obj, const std::string& path, const char* key,
                          std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                          std::int64_t& out);
    // A required integer field within [lo, hi].
    static Status requiredInteger(const json& obj, const std::string& path, const char* key,
                                  std::int64_t lo, std::int64_t hi, std::int64_t& out);
    // A required string field (any text, may be empty).
    static Status requiredString(const json& obj, const std::string& path, const char* key,
                                 std::string& out);
    // A required name (a consumer's, a group's): a text with something in it but spaces.
    static Status requiredName(const json& obj, const std::string& path, const char* key,
                               std::string& out);
    // An optional string field; absent: nullopt.
    static Status optionalString(const json& obj, const std::string& path, const char* key,
                                 std::optional<std::string>& out);
    // `narrate` (default true).
    static Status narrate(const json& scenario, bool& out);
    // The ops array (required), as a reference into `scenario`.
    static Status ops(const json& scenario, const json*& out);
    // The op name of ops[i] ("op" field).
    static Status opName(const json& op, const std::string& path, std::string& out);

    // Each op of the scenario's list (ops() and opName() checked), in order: visit(op, path,
    // name) with the op's object, its JSON path ("/ops/3") and its "op" name. The first failure,
    // of the list or of a visit, stops the walk and is returned.
    using OpVisit =
        std::function<Status(const json& op, const std::string& path, const std::string& name)>;
    static Status forEachOp(const json& scenario, const OpVisit& visit);

    // Each op of the scenario (forEachOp) read by readOne(op, path, name, out) into a new Op,
    // counted against `budget` (its work(), or 1 for an op that has none) and appended to `ops`.
    template <class Op, class ReadOne>
    static Status readOps(const json& scenario, WorkBudget& budget, std::vector<Op>& ops,
                          ReadOne readOne) {
        return forEachOp(scenario,
                         [&](const json& o, const std::string& path, const std::string& name) {
                             Op op;
                             if (Status s = readOne(o, path, name, op); !s) {
                                 return s;
                             }
                             std::int64_t work = 1;
                             if constexpr (requires { op.work(); }) {
                                 work = op.work();
                             }
                             if (Status s = budget.add(work, path); !s) {
                                 return s;
                             }
                             ops.push_back(std::move(op));
                             return Status::ok();
                         });
    }
};

// The other direction, shared by every engine's writer (write<Engine>Scenario beside its parser):
// { "engine", "params", "ops" }, and "narrate": false only when the scenario asks for bulk.
nlohmann::json writeScenarioDocument(const char* engine, nlohmann::json params, nlohmann::json ops,
                                     bool narrate);

} // namespace fg
