// The Redis Cluster lab as the helper program serves it to the app's Lab > Redis Cluster page:
// ops "redis.<op>", their arguments and results below (docs/lab-protocol.md lists them all).
// Beside the real cluster the service keeps the model's (redis::ClusterEngine with the same
// masters), and applies to it every reshard and failover it does to the real one, so that keys
// sent later are compared with the model as it stands then.
//
//   start   {masters: 3..6 (3), replicas: bool (false)}
//           -> {nodes: [RedisNode...], folder, masters, replicas, shards: [Shard...]}
//           Progress sentences while the servers start. A cluster already running is stopped
//           first: one cluster per service.
//   send    {keys: [string...], replace: bool (true)}
//           -> SendReport (redis_data.h): per key the real slot (CLUSTER KEYSLOT) and the
//           model's, the real owner (CLUSTER SHARDS) and the model's, the node that stored it;
//           the shards; keys per node and per slot that holds keys (COUNTKEYSINSLOT);
//           "agree: K of K slots, K of K owners". At most kMaxKeys keys of at most kMaxKeyBytes
//           bytes each (refused before anything is sent). Rows: disagreements first, at most
//           SendReport::kMaxRows (the rest counted in rowsLeftOut; the counts cover every key).
//           replace: FLUSHALL on the masters first, so the counts are of these keys alone.
//   shards  {} -> {shards: [Shard...]}
//   reshard {slot: 0..16383, to: a live master, firstBatch: >= 0 (1)}
//           -> {steps: [ReshardStep...], from, to, slot}: RedisLab::reshardSlot.
//   fail    {master} -> FailoverReport (redis_data.h): RedisLab::failMaster; the cluster must
//           have been started with replicas. Also keysPerNode and modelKeysPerNode: the last
//           send's keys counted again where they are now (as in send).
//   stop    {} -> {}: the servers stopped, their folder removed (also on end of input).
// Every op but start and stop needs a running cluster; bad arguments are a sentence naming the
// argument and what it takes.
#pragma once

#include "lab/lab_service.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace fg::lab {

struct SendReport;
struct SlotCount;

class RedisService : public LabService {
public:
    static constexpr std::size_t kMaxKeys = 1'000'000;
    static constexpr std::size_t kMaxKeyBytes = 65'536;

    RedisService();
    ~RedisService() override;
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override;

private:
    struct State;
    Status start(const nlohmann::json& args, nlohmann::json* result, const Progress& progress);
    Status send(const nlohmann::json& args, nlohmann::json* result, const Progress& progress);
    Status reshard(const nlohmann::json& args, nlohmann::json* result);
    Status fail(const nlohmann::json& args, nlohmann::json* result, const Progress& progress);
    Status shards(nlohmann::json* result);
    Status countSlots(const std::vector<std::string>& keys, const std::vector<int>& realOwner,
                      SendReport* report);
    Status countKeys(const std::vector<int>& realOwner, std::vector<SlotCount>* slotCounts,
                     std::vector<long long>* keysPerNode, std::vector<long long>* modelKeysPerNode);
    std::unique_ptr<State> state_;
};

} // namespace fg::lab
