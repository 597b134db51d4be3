package io.uvac.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets, checked against one run's medians. They live in the report only, never as timed
 * assertions in tests. Where the case a target names is not in the run, the nearest measured case is
 * shown as a stand-in and said to be one.
 */
public final class Targets {
    private Targets() {}

    public record Check(String target, String measured, String verdict) {}

    static final String FULL_EXEC = "FullContainerBench.spawnToExec[network=fresh]";
    static final String FULL_EXIT = "FullContainerBench.spawnToExit[network=fresh]";
    static final String POOL_EXEC = "FullContainerBench.spawnToExec[network=pool]";
    static final String POOL_EXIT = "FullContainerBench.spawnToExit[network=pool]";
    static final String FIVE_EXEC = "SpawnBench.spawnToExec[namespaces=five]";
    static final String FIVE_EXIT = "SpawnBench.spawnToExit[namespaces=five]";
    static final String UNSHARE = "PeerBench.spawnToExit[peer=unshare]";
    static final String RUNC = "PeerBench.spawnToExit[peer=runc]";
    static final String HEAP_64M = "HeapSizeBench.heap64m[spawn=full]";
    static final String HEAP_8G = "HeapSizeBench.heap8g[spawn=full]";

    public static List<Check> evaluate(Map<String, BenchResult> byKey) {
        List<Check> out = new ArrayList<>();
        out.add(atMost(byKey, "(e) full container spawn-to-exec p50 ≤ 500 µs", FULL_EXEC, FIVE_EXEC, 500));
        out.add(atMost(byKey, "(f) from the prepared pool, spawn-to-exec p50 ≤ 200 µs", POOL_EXEC, null, 200));
        out.add(fasterThan(byKey, "(e) spawn-to-exit faster than bare `unshare`", FULL_EXIT, UNSHARE, 1.0));
        out.add(fasterThan(byKey, "(e) spawn-to-exit ≥ 20× faster than `runc run`", FULL_EXIT, RUNC, 20.0));
        out.add(fasterThan(byKey, "(f) from the pools, spawn-to-exit faster than bare `unshare`", POOL_EXIT, UNSHARE, 1.0));
        out.add(fasterThan(byKey, "(f) from the pools, spawn-to-exit ≥ 20× faster than `runc run`", POOL_EXIT, RUNC, 20.0));
        out.add(heap(byKey));
        return out;
    }

    private static Optional<BenchResult> caseOrStandIn(Map<String, BenchResult> byKey, String key, String standIn) {
        if (byKey.containsKey(key)) return Optional.of(byKey.get(key));
        return standIn == null ? Optional.empty() : Optional.ofNullable(byKey.get(standIn));
    }

    private static String standInNote(BenchResult r, String key) {
        return r.key().equals(key) ? "" : " (stand-in: " + Catalog.entry(r.key()).label()
                + ", no veth and no cgroup; the full container was not in this run)";
    }

    private static Check atMost(Map<String, BenchResult> byKey, String target, String key, String standIn, double limitUs) {
        Optional<BenchResult> r = caseOrStandIn(byKey, key, standIn);
        if (r.isEmpty()) return new Check(target, "not in this run", "not measured");
        double p50 = r.get().p50();
        String measured = Format.us(p50) + " µs" + standInNote(r.get(), key);
        String verdict = p50 <= limitUs ? "met" : "missed by " + Format.us(p50 - limitUs) + " µs (" + Format.ratio(p50 / limitUs) + " the limit)";
        return new Check(target, measured, r.get().key().equals(key) ? verdict : verdict + ", stand-in only");
    }

    private static Check fasterThan(Map<String, BenchResult> byKey, String target, String key, String peerKey, double factor) {
        Optional<BenchResult> r = caseOrStandIn(byKey, key, key.equals(FULL_EXIT) ? FIVE_EXIT : null);
        BenchResult peer = byKey.get(peerKey);
        if (r.isEmpty() || peer == null) return new Check(target, "not in this run", "not measured");
        double ratio = peer.p50() / r.get().p50();
        String measured = Format.ratio(ratio) + " faster (" + Format.us(r.get().p50()) + " vs " + Format.us(peer.p50()) + " µs)"
                + standInNote(r.get(), key);
        String verdict = ratio >= factor ? "met" : "missed: needs " + Format.ratio(factor) + ", has " + Format.ratio(ratio);
        return new Check(target, measured, r.get().key().equals(key) ? verdict : verdict + ", stand-in only");
    }

    private static Check heap(Map<String, BenchResult> byKey) {
        String target = "(e) spawn-to-exec within 1.5× between a 64 MB and an 8 GB heap";
        BenchResult small = byKey.get(HEAP_64M), big = byKey.get(HEAP_8G);
        if (small == null || big == null) return new Check(target, "not in this run", "not measured");
        double ratio = big.p50() / small.p50();
        String measured = "8 GB / 64 MB median = " + Format.ratio(ratio) + " (" + Format.us(big.p50()) + " vs " + Format.us(small.p50()) + " µs)";
        return new Check(target, measured, ratio <= 1.5 ? "met" : "missed by " + Format.ratio(ratio / 1.5));
    }
}
