// The quorum simulator's sentences: what the request did, and what R and W give (QuorumView).
#include "widgets/canvas/counted.h"
#include "widgets/simulators/quorum_view.h"

namespace fg {

namespace {

// Replica numbers as the summary lists them: "0, 2", or "none".
QString replicaList(const std::vector<int>& v) {
    QStringList s;
    for (int i : v) {
        s << QString::number(i);
    }
    return s.isEmpty() ? QuorumView::tr("none") : s.join(QStringLiteral(", "));
}

} // namespace

QString QuorumView::requestText(const concepts::QuorumParams& p) const {
    QString text;
    // Who takes the request: a down node cannot.
    if (result_.coordinator < 0) {
        text += tr("Every replica is down, so no node can take the request: the client's driver "
                   "finds none up and the write and the read both fail. ");
    } else if (result_.coordinator != p.coordinator) {
        text += tr("Replica %1 is down and cannot take the request: the client's driver sends "
                   "it to replica %2, the next one up, which coordinates. ")
                    .arg(p.coordinator)
                    .arg(result_.coordinator);
    } else {
        text += tr("Replica %1 coordinates (takes the request). ").arg(result_.coordinator);
    }
    if (result_.coordinator < 0) { // with no coordinator neither the write nor the read ran
        return text;
    }
    if (!result_.writeAvailable) {
        text += inEnglishNumber(tr("The write is refused (unavailable): only %1 of %n replica(s) "
                                   "(is/are) up, and W = %2 must store it. ",
                                   nullptr, p.n)
                                    .arg(result_.alive)
                                    .arg(p.w),
                                p.n);
    } else {
        text += (result_.writeSet.size() == 1 ? tr("The write stored v2 on replica %1. ")
                                              : tr("The write stored v2 on replicas %1. "))
                    .arg(replicaList(result_.writeSet));
    }
    if (!result_.readAvailable) {
        text += inEnglishNumber(tr("The read is refused (unavailable): only %n replica(s) "
                                   "(is/are) up, and R = %1 must answer. ",
                                   nullptr, result_.alive)
                                    .arg(p.r),
                                result_.alive);
    } else {
        text +=
            tr("The read asked replicas %1; in common with the write: %2, so it "
               "returned %3. ")
                .arg(replicaList(result_.readSet), replicaList(result_.overlap),
                     result_.readStale || !result_.writeAvailable ? tr("the old version (stale)")
                                                                  : tr("the new version"));
    }
    return text;
}

QString QuorumView::readSetsText(const concepts::QuorumParams& p, bool stored) const {
    // "Of all 1 possible sets" read oddly: with R = N the only read set is every replica. With
    // no write stored, every set misses it: said so, not "3 miss the write" beside "R + W > N:
    // none miss each other" (a tester read that as a contradiction).
    if (!stored) {
        // With no read running (every replica down, or too few for R), "every read returns v1"
        // contradicted "the read fails" (a tester).
        const bool reads = result_.coordinator >= 0 && result_.readAvailable;
        return (reads ? tr("No replica stored v2, so every read returns v1, whatever R. ")
                      : tr("No replica stored v2, and no read can run now. ")) +
               tr("With every replica up, %1 of the %2 possible sets of R = %3 replicas would "
                  "miss a write of W = %4. ")
                   .arg(concepts::staleReadSetsByR(p.n, p.w)[std::size_t(p.r - 1)])
                   .arg(result_.readSets)
                   .arg(p.r)
                   .arg(p.w);
    }
    if (result_.readSets == 1) {
        return tr("With R = %1 = N the only read set is every replica: it %2. ")
            .arg(p.r)
            .arg(result_.staleReadSets == 0 ? tr("never misses the write")
                                            : tr("misses the write"));
    }
    if (result_.staleReadSets == 0) {
        return tr("None of the %1 possible sets of R = %2 replicas misses the write. ")
            .arg(result_.readSets)
            .arg(p.r);
    }
    const QString missed =
        tr("Of the %1 possible sets of R = %2 replicas, %3 the write")
            .arg(result_.readSets)
            .arg(p.r)
            .arg(result_.staleReadSets == 1 ? tr("1 misses")
                                            : tr("%1 miss").arg(result_.staleReadSets));
    if (result_.blockedReadSets == 0) {
        return missed + tr(": a read that asks one of them returns v1. ");
    }
    // With a replica down, "(0 with every replica up, so a read can really get them)" beside a
    // chart of "every replica up" read as a contradiction (a tester): the sets a read can use
    // now are counted apart, and the chart is said to be the every-replica-up case.
    const qint64 usable = result_.readSets - result_.blockedReadSets;
    return missed + QStringLiteral(". ") +
           inEnglishNumber(tr("With the down replicas left out, a read can use %n of them, ",
                              nullptr, int(usable)),
                           usable) +
           (result_.staleAliveReadSets == 0
                ? tr("and none of those misses the write. ")
                : inEnglishNumber(tr("and %n of those (misses/miss) the write. ", nullptr,
                                     int(result_.staleAliveReadSets)),
                                  result_.staleAliveReadSets));
}

QString QuorumView::quorumRuleText(const concepts::QuorumParams& p, bool stored) const {
    const std::int64_t disjoint = concepts::disjointQuorumPairs(p.n, p.r, p.w);
    return (stored ? QString() : tr("In general: ")) +
           (p.r + p.w > p.n
                ? tr("R + W = %1 > N = %2: checked over every write set and read set, none miss "
                     "each other.")
                      .arg(p.r + p.w)
                      .arg(p.n)
                : tr("R + W = %1 <= N = %2: %3 pairs of a write set and a read set share no "
                     "replica.")
                      .arg(p.r + p.w)
                      .arg(p.n)
                      .arg(disjoint));
}

} // namespace fg
