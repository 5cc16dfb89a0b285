// Tunable consistency (Cassandra, DynamoDB, Riak): every value is kept on N replicas (copies on
// different nodes). A write is acknowledged once W replicas have stored it (the write quorum); a
// read asks R replicas (the read quorum) and returns the newest version among the answers. When
// R + W > N every set of R replicas shares at least one replica with every set of W replicas, so a
// read always meets the newest write; when R + W <= N some read sets miss it and return the old
// (stale) value. This engine computes that by enumeration instead of stating it.
//
// The model: replicas 0..N-1 sit on a ring. The coordinator (the node that takes the request) is
// a replica that is up: the client's driver skips nodes it knows are down, as Cassandra's drivers
// do, so it is the first replica up walking the ring from the preferred one (replica 0); with no
// replica up no node can take the request and it fails. A write of version 2 (every replica holds
// version 1 before it) reaches the first W replicas that are up, walking the ring from the
// coordinator; the others keep version 1, as if the write had not reached them yet. The read asks R
// replicas that are up, chosen with a seeded random generator. With fewer than W (or R) replicas
// up, the write (or the read) is refused: unavailable.
#pragma once

#include <cstdint>
#include <vector>

namespace fg::concepts {

struct QuorumParams {
    int n = 3;                // replicas, 1..
    int r = 2;                // read quorum, 1..n
    int w = 2;                // write quorum, 1..n
    std::vector<bool> failed; // failed[i]: replica i is down (missing entries: up)
    int coordinator = 0;      // the preferred coordinator; a live one is picked from here
    std::uint64_t seed = 1;   // picks which R replicas the read asks
};

enum class ReplicaState { Fresh, Stale, Failed }; // Fresh: holds the new version

struct QuorumResult {
    bool valid = true; // false when n < 1 or r, w outside 1..n
    int alive = 0;
    // The replica that coordinates: the first one up from QuorumParams::coordinator round the
    // ring; -1 when every replica is down (the request fails: no node can take it).
    int coordinator = -1;
    bool writeAvailable = false; // at least W replicas up
    bool readAvailable = false;  // at least R replicas up
    std::vector<ReplicaState> replicas;
    std::vector<int> writeSet; // replicas that stored the new version (empty if refused)
    std::vector<int> readSet;  // replicas the read asked (empty if refused)
    std::vector<int> overlap;  // readSet and writeSet in common
    bool readStale = false;    // the read returned the old version (read and write succeeded)
    // Every one of the C(N, R) sets of R replicas, against the write set of this run.
    std::int64_t readSets = 0;           // C(N, R)
    std::int64_t staleReadSets = 0;      // share no replica with the write set
    std::int64_t blockedReadSets = 0;    // contain a failed replica (cannot be asked)
    std::int64_t staleAliveReadSets = 0; // stale and every replica up: a read can really get these
};

// REQUIRES: nothing; out-of-range parameters give valid = false.
QuorumResult simulateQuorum(const QuorumParams& p);

// C(n, k); 0 when k < 0 or k > n.
std::int64_t choose(int n, int k);

// Over every write set of W replicas and every read set of R replicas out of N (no failures):
// the number of (write set, read set) pairs that share no replica. Zero exactly when R + W > N.
std::int64_t disjointQuorumPairs(int n, int r, int w);

// For N and W with every replica up: stale read sets for R = 1..N (index R-1).
std::vector<std::int64_t> staleReadSetsByR(int n, int w);

} // namespace fg::concepts
