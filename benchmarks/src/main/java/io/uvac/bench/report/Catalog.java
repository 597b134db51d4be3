package io.uvac.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each benchmark key means in the report: a readable label, its group, and its order. Keys the
 * catalogue does not know still appear, under their raw key, so a new benchmark is never silently dropped.
 */
public final class Catalog {

    public enum Group {
        /** uvac, {@code Containers.spawn} returning: the child has exec'd. */
        UVAC_EXEC("uvac spawn-to-exec"),
        /** uvac, spawn until the exit is reaped: compares with the peers. */
        UVAC_EXIT("uvac spawn-to-exit"),
        PART("parts of a spawn"),
        HEAP("heap-size independence (spawn-to-exec)"),
        PEER("peers, ProcessBuilder start to waitFor (spawn-to-exit)"),
        OTHER("other");

        public final String title;

        Group(String title) { this.title = title; }
    }

    public record Entry(String key, String label, Group group) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    private static void add(String key, String label, Group group) {
        ENTRIES.put(key, new Entry(key, label, group));
    }

    static {
        String[][] cases = {{"none", "(a) no new namespace"}, {"pid", "(b) pid"}, {"net", "(c) net"},
            {"five", "(d) five namespaces"}};
        String full = "(e) full container: five namespaces, /proc, veth + addresses + route, cgroup + memory limit";
        String pooled = "(f) full container, network and cgroup from the prepared pools (refill caught up)";
        String refilling = "(f) the same, pools refilling beside each spawn";
        String newCgroup = "(f) network from the pool, cgroup created in the call";
        String noCgroup = "(f) network from the pool, without the cgroup";
        String oneNetns = "the same into one long-lived netns: no namespace made or freed per spawn";
        for (String[] c : cases) add("SpawnBench.spawnToExec[namespaces=" + c[0] + "]", c[1], Group.UVAC_EXEC);
        add("FullContainerBench.spawnToExec[network=fresh]", full, Group.UVAC_EXEC);
        add("FullContainerBench.spawnToExec[network=pool]", pooled, Group.UVAC_EXEC);
        add("FullContainerBench.spawnToExec[network=pool-refilling]", refilling, Group.UVAC_EXEC);
        add("FullContainerBench.spawnToExec[network=pool-new-cgroup]", newCgroup, Group.UVAC_EXEC);
        add("FullContainerBench.spawnToExec[network=pool-no-cgroup]", noCgroup, Group.UVAC_EXEC);
        add("FullContainerBench.spawnToExec[network=one-netns-no-cgroup]", oneNetns, Group.UVAC_EXEC);
        for (String[] c : cases) add("SpawnBench.spawnToExit[namespaces=" + c[0] + "]", c[1], Group.UVAC_EXIT);
        add("FullContainerBench.spawnToExit[network=fresh]", full, Group.UVAC_EXIT);
        add("FullContainerBench.spawnToExit[network=pool]", pooled, Group.UVAC_EXIT);
        add("FullContainerBench.spawnToExit[network=pool-refilling]", refilling, Group.UVAC_EXIT);
        add("FullContainerBench.spawnToExit[network=pool-new-cgroup]", newCgroup, Group.UVAC_EXIT);
        add("FullContainerBench.spawnToExit[network=pool-no-cgroup]", noCgroup, Group.UVAC_EXIT);
        add("FullContainerBench.spawnToExit[network=one-netns-no-cgroup]", oneNetns, Group.UVAC_EXIT);
        add("PartsBench.planRendering", "plan rendering (five namespaces, hostname, /proc)", Group.PART);
        add("PartsBench.netnsCreate", "netns create (unshare on a fresh thread, fd kept, closed)", Group.PART);
        add("CgroupBench.createLimitDestroy", "cgroup create + memory limit + open for spawn + destroy, every hierarchy", Group.PART);
        add("NetworkBench.vethAddressesRoute", "veth + addresses + links up + default route, into an empty netns", Group.PART);
        add("NetworkBench.teardown", "teardown: container gone (last netns reference dropped) until its host veth is gone", Group.PART);
        for (String[] spawn : new String[][] {{"full", "(e) full container"}, {"bare", "no new namespace"}})
            for (String[] heap : new String[][] {{"64m", "64 MB"}, {"2g", "2 GB"}, {"8g", "8 GB"}})
                add("HeapSizeBench.heap" + heap[0] + "[spawn=" + spawn[0] + "]", spawn[1] + ", " + heap[1] + " heap", Group.HEAP);
        add("PeerBench.spawnToExit[peer=true]", "/bin/true (fork+exec floor)", Group.PEER);
        add("PeerBench.spawnToExit[peer=unshare]", "unshare, five namespaces + --mount-proc", Group.PEER);
        add("PeerBench.spawnToExit[peer=bwrap]", "bwrap, five namespaces + --proc", Group.PEER);
        add("PeerBench.spawnToExit[peer=runc]", "runc run, busybox bundle", Group.PEER);
        add("PeerBench.spawnToExit[peer=crun]", "crun run, busybox bundle", Group.PEER);
    }

    private Catalog() {}

    public static Entry entry(String key) {
        return Optional.ofNullable(ENTRIES.get(key)).orElse(new Entry(key, key, Group.OTHER));
    }

    /** Peer id from a peer key ({@code PeerBench.spawnToExit[peer=runc]} → runc), else empty. */
    public static Optional<String> peerId(String key) {
        String prefix = "PeerBench.spawnToExit[peer=";
        return key.startsWith(prefix) ? Optional.of(key.substring(prefix.length(), key.length() - 1)) : Optional.empty();
    }

    /** Results in catalogue order, unknown ones last in their JSON order. */
    public static List<BenchResult> ordered(List<BenchResult> results) {
        List<BenchResult> out = new ArrayList<>();
        for (String key : ENTRIES.keySet())
            for (BenchResult r : results) if (r.key().equals(key)) out.add(r);
        for (BenchResult r : results) if (!ENTRIES.containsKey(r.key())) out.add(r);
        return out;
    }
}
