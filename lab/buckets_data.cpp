#include "lab/buckets_data.h"

#include "lab/lab_json.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

using nlohmann::json;

namespace {

json bucketValuesJson(const std::optional<BucketValues>& v) {
    if (!v) {
        return nullptr;
    }
    return {{"count", v->count}, {"avg", v->avg}, {"min", v->min}, {"max", v->max}};
}

json bucketCompareJson(const BucketCompare& b) {
    return {{"start", b.start},
            {"model", bucketValuesJson(b.model)},
            {"date_bin", bucketValuesJson(b.dateBin)},
            {"rrdtool", bucketValuesJson(b.rrd)},
            {"rrdtool_unknown", b.rrdUnknown},
            {"model_dropped", b.modelDropped},
            {"date_bin_why", b.dateBinWhy},
            {"rrdtool_why", b.rrdWhy}};
}

json bucketTierJson(const BucketTier& t) {
    json buckets = json::array();
    for (const BucketCompare& b : t.buckets) {
        buckets.push_back(bucketCompareJson(b));
    }
    return {{"name", t.name},
            {"resolution_ms", t.resolutionMs},
            {"retention_ms", t.retentionMs},
            {"rra", t.rra},
            {"date_bin_agree", t.dateBinAgree},
            {"date_bin_compared", t.dateBinCompared},
            {"rrdtool_agree", t.rrdAgree},
            {"rrdtool_compared", t.rrdCompared},
            {"model_dropped", t.modelDropped},
            {"buckets", std::move(buckets)}};
}

using json_read::field;

bool readBucketValues(const json& j, const char* key, std::optional<BucketValues>* out,
                      const std::string& where, std::string* bad) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        out->reset();
        return true;
    }
    BucketValues v;
    const std::string here = where + "/" + key;
    if (!field(*it, "count", &v.count, here, bad) || !field(*it, "avg", &v.avg, here, bad) ||
        !field(*it, "min", &v.min, here, bad) || !field(*it, "max", &v.max, here, bad)) {
        return false;
    }
    *out = v;
    return true;
}

bool readBucketCompare(const json& j, const std::string& where, BucketCompare* b,
                       std::string* bad) {
    return field(j, "start", &b->start, where, bad) &&
           readBucketValues(j, "model", &b->model, where, bad) &&
           readBucketValues(j, "date_bin", &b->dateBin, where, bad) &&
           readBucketValues(j, "rrdtool", &b->rrd, where, bad) &&
           field(j, "rrdtool_unknown", &b->rrdUnknown, where, bad) &&
           field(j, "model_dropped", &b->modelDropped, where, bad) &&
           field(j, "date_bin_why", &b->dateBinWhy, where, bad) &&
           field(j, "rrdtool_why", &b->rrdWhy, where, bad);
}

bool readBucketTier(const json& j, const std::string& where, BucketTier* t, std::string* bad) {
    json buckets;
    if (!field(j, "name", &t->name, where, bad) ||
        !field(j, "resolution_ms", &t->resolutionMs, where, bad) ||
        !field(j, "retention_ms", &t->retentionMs, where, bad) ||
        !field(j, "rra", &t->rra, where, bad) ||
        !field(j, "date_bin_agree", &t->dateBinAgree, where, bad) ||
        !field(j, "date_bin_compared", &t->dateBinCompared, where, bad) ||
        !field(j, "rrdtool_agree", &t->rrdAgree, where, bad) ||
        !field(j, "rrdtool_compared", &t->rrdCompared, where, bad) ||
        !field(j, "model_dropped", &t->modelDropped, where, bad) ||
        !field(j, "buckets", &buckets, where, bad) || !buckets.is_array()) {
        *bad = bad->empty() ? where + "/buckets" : *bad;
        return false;
    }
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        BucketCompare b;
        if (!readBucketCompare(buckets[i], where + "/buckets/" + std::to_string(i), &b, bad)) {
            return false;
        }
        t->buckets.push_back(std::move(b));
    }
    return true;
}

} // namespace

json toJson(const BucketsLabRun& run) {
    json sample = json::array();
    for (const BucketPoint& p : run.sample) {
        sample.push_back({p.t, p.v});
    }
    json tiers = json::array();
    for (const BucketTier& t : run.tiers) {
        tiers.push_back(bucketTierJson(t));
    }
    return {{"points", run.points},
            {"sample", std::move(sample)},
            {"model_now", run.modelNow},
            {"date_bin",
             {{"ran", run.dateBinRan},
              {"missing", run.dateBinMissing},
              {"version", run.pgVersion},
              {"origin", run.origin},
              {"sql", run.sql}}},
            {"rrdtool",
             {{"version", run.rrdVersion},
              {"step_s", run.rrdStepS},
              {"heartbeat_s", run.heartbeatS},
              {"time_offset_s", run.rrdOffsetS},
              {"xff", run.xff},
              {"definition", run.rrdDefinition},
              {"updates", run.rrdUpdates},
              {"rules", run.rules}}},
            {"tiers", std::move(tiers)},
            {"summary", run.summary}};
}

Status fromJson(const json& j, BucketsLabRun* run) {
    std::string bad;
    json sample, pg, rrd, tiers;
    if (!field(j, "points", &run->points, "", &bad) || !field(j, "sample", &sample, "", &bad) ||
        !field(j, "model_now", &run->modelNow, "", &bad) || !field(j, "date_bin", &pg, "", &bad) ||
        !field(j, "rrdtool", &rrd, "", &bad) || !field(j, "tiers", &tiers, "", &bad) ||
        !field(j, "summary", &run->summary, "", &bad) ||
        !field(pg, "ran", &run->dateBinRan, "/date_bin", &bad) ||
        !field(pg, "missing", &run->dateBinMissing, "/date_bin", &bad) ||
        !field(pg, "version", &run->pgVersion, "/date_bin", &bad) ||
        !field(pg, "origin", &run->origin, "/date_bin", &bad) ||
        !field(pg, "sql", &run->sql, "/date_bin", &bad) ||
        !field(rrd, "version", &run->rrdVersion, "/rrdtool", &bad) ||
        !field(rrd, "step_s", &run->rrdStepS, "/rrdtool", &bad) ||
        !field(rrd, "heartbeat_s", &run->heartbeatS, "/rrdtool", &bad) ||
        !field(rrd, "time_offset_s", &run->rrdOffsetS, "/rrdtool", &bad) ||
        !field(rrd, "xff", &run->xff, "/rrdtool", &bad) ||
        !field(rrd, "definition", &run->rrdDefinition, "/rrdtool", &bad) ||
        !field(rrd, "updates", &run->rrdUpdates, "/rrdtool", &bad) ||
        !field(rrd, "rules", &run->rules, "/rrdtool", &bad)) {
        return json_read::badField("buckets run", bad);
    }
    if (!sample.is_array() || !tiers.is_array()) {
        return json_read::badField("buckets run", sample.is_array() ? "/tiers" : "/sample");
    }
    for (const json& p : sample) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number_integer() || !p[1].is_number()) {
            return json_read::badField("buckets run", "/sample");
        }
        run->sample.push_back({p[0].get<std::int64_t>(), p[1].get<double>()});
    }
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        BucketTier t;
        if (!readBucketTier(tiers[i], "/tiers/" + std::to_string(i), &t, &bad)) {
            return json_read::badField("buckets run", bad);
        }
        run->tiers.push_back(std::move(t));
    }
    return Status::ok();
}

std::string bucketsSummary(const BucketsLabRun& run) {
    std::string out = "agree:";
    for (std::size_t i = 0; i < run.tiers.size(); ++i) {
        const BucketTier& t = run.tiers[i];
        out += std::string(i ? ";" : "") + " " + t.name + " ";
        if (run.dateBinRan) {
            out += std::to_string(t.dateBinAgree) + " of " + std::to_string(t.dateBinCompared) +
                   " buckets with date_bin, RRDtool ";
        } else {
            out += "RRDtool ";
        }
        out += std::to_string(t.rrdAgree) + " of " + std::to_string(t.rrdCompared) +
               (run.dateBinRan ? "" : " with the model");
    }
    if (run.tiers.empty()) {
        out += " no rolled-up tier";
    }
    if (!run.dateBinRan) {
        out += " (date_bin not run: " + run.dateBinMissing + ")";
    }
    return out;
}

} // namespace fg::lab
