package io.uvac.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.cgroups.CgroupHost;
import io.uvac.cgroups.Cgroups;
import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Container lifecycles through lib-namespaces, lib-cgroups and lib-netlink together: normal exits, exec
 * failures, OOM kills, signals, stops of a PID 1 and networked containers, spawned from several threads
 * while another thread allocates as fast as it can (the hazard of DESIGN.md §2). Counts what this JVM holds
 * on the host before and after (fds, network namespaces, veths, cgroup directories, mounts, children,
 * zombies) and every lifecycle's exit status against the one it must have.
 *
 * <p>{@code make test} runs {@value #QUICK} lifecycles; {@code make soak} sets {@code uvac.soak.lifecycles=10000}.
 * The figures are printed and written to {@code target/soak-figures.txt}.
 */
class LifecycleSoakTest {
    static final int QUICK = 400;
    static final Duration TASK_DEADLINE = Duration.ofSeconds(60);
    /** Numbers of the warm-up lifecycles: apart from the counted ones, and short enough for a veth name. */
    static final int WARM_UP_BASE = 90_000;

    final long self = ProcessHandle.current().pid();
    /** Our own names: "uvs" is not the launcher's "uvac" prefix, so a launcher's sweep never takes our links. */
    final String linkPrefix = "uvs" + self % 100_000 + "-";
    final String cgroupParent = "uvac-soak-" + self;

    @Test
    void lifecyclesLeaveNothingBehindAndLoseNoStatus() throws Exception {
        Privileged.require();
        int total = Integer.getInteger("uvac.soak.lifecycles", QUICK);
        int threads = Integer.getInteger("uvac.soak.threads", 4);
        Cgroups cgroups = Cgroups.on(CgroupHost.detect(), cgroupParent);
        Lifecycles lifecycles = new Lifecycles(cgroups, linkPrefix);

        // Warm-up outside the count: the first spawn links the native calls, opens the JDK's lazy files, etc.
        for (int i = 0; i < 20; i++) lifecycles.run(LifecycleKind.of(i), WARM_UP_BASE + i);
        awaitLinksGone();
        cgroups.removeParentIfEmpty();
        HostSnapshot before = HostSnapshot.take(linkPrefix, cgroupParent);

        Map<LifecycleKind, AtomicInteger> ran = new EnumMap<>(LifecycleKind.class);
        for (LifecycleKind k : LifecycleKind.values()) ran.put(k, new AtomicInteger());
        List<String> wrong = new ArrayList<>();
        int hangs = 0, lost = 0;
        AtomicBoolean stopAllocating = new AtomicBoolean();
        Thread allocator = Thread.ofPlatform().name("allocator").daemon(true).start(() -> allocate(stopAllocating));
        ExecutorService spawners = Executors.newFixedThreadPool(threads,
                r -> Thread.ofPlatform().name("spawner").daemon(true).unstarted(r));
        long t0 = System.nanoTime();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int n = i;
                LifecycleKind kind = LifecycleKind.of(n);
                results.add(spawners.submit(() -> {
                    ran.get(kind).incrementAndGet();
                    return lifecycles.run(kind, n);
                }));
            }
            for (int i = 0; i < total; i++) {
                LifecycleKind kind = LifecycleKind.of(i);
                String actual;
                try {
                    actual = results.get(i).get(TASK_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    hangs++;
                    wrong.add("#" + i + " " + kind + ": no result within " + TASK_DEADLINE);
                    continue;
                } catch (java.util.concurrent.ExecutionException e) {
                    actual = "threw " + e.getCause();
                }
                if (actual.equals("no exit status")) lost++;
                String expected = Lifecycles.expected(kind, i);
                if (!expected.equals(actual)) wrong.add("#" + i + " " + kind + ": expected " + expected + ", got " + actual);
            }
        } finally {
            stopAllocating.set(true);
            spawners.shutdownNow();
            spawners.awaitTermination(30, TimeUnit.SECONDS);
            allocator.join(5_000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        awaitLinksGone();
        cgroups.removeParentIfEmpty();
        HostSnapshot after = HostSnapshot.take(linkPrefix, cgroupParent);
        Map<String, Integer> leaks = after.minus(before);

        String figures = figures(total, threads, seconds, ran, hangs, lost, wrong.size(), leaks);
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/soak-figures.txt"), figures);

        assertEquals(0, hangs, "hangs\n" + figures + String.join("\n", wrong));
        assertEquals(List.of(), wrong.stream().limit(20).toList(), "lifecycles that ended otherwise than they must");
        Map<String, List<String>> added = new LinkedHashMap<>();
        for (String kind : leaks.keySet()) {
            List<String> a = after.added(before, kind);
            if (!a.isEmpty()) added.put(kind, a);
        }
        assertEquals(Map.of(), added, "left behind on the host\n" + figures);
    }

    /** Veths go with their namespace, asynchronously (a few ms after the last process and fd); bounded. */
    private void awaitLinksGone() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var s = Files.list(Path.of("/sys/class/net"))) {
                if (s.noneMatch(p -> p.getFileName().toString().startsWith(linkPrefix))) return;
            }
            Thread.sleep(20);
        }
    }

    private static void allocate(AtomicBoolean stop) {
        List<byte[]> keep = new ArrayList<>();
        while (!stop.get()) {
            keep.add(new byte[4096 + (keep.size() % 64) * 512]);
            if (keep.size() > 20_000) keep.clear();
        }
    }

    private static String figures(int total, int threads, double seconds, Map<LifecycleKind, AtomicInteger> ran,
                                  int hangs, int lost, int wrong, Map<String, Integer> leaks) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("soak: %d lifecycles on %d threads in %.1f s (%.0f/s), one thread allocating%n",
                total, threads, seconds, total / seconds));
        ran.forEach((k, v) -> b.append(String.format("  %-13s %6d%n", k, v.get())));
        b.append(String.format("  hangs %d, lost exit statuses %d, wrong outcomes %d%n", hangs, lost, wrong));
        b.append("  leaks (after - before):");
        leaks.forEach((k, v) -> b.append(' ').append(k).append(' ').append(v).append(','));
        b.setLength(b.length() - 1);
        return b.append('\n').toString();
    }
}
