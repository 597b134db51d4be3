package io.uvac.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.sys.testing.Privileged;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher killed with -9 at points spread over its life: JVM start, after the sweep, while the first
 * container's network or cgroup is being made, between the two spawns, once both answer, and while serving
 * a request. Each following start must sweep what the dead one left and work; at the end a clean start and
 * stop must leave no veth, cgroup, process or mount of any of the dead launchers.
 *
 * <p>{@code make test} kills {@value #QUICK} launchers; {@code make soak} sets {@code uvac.soak.kills=100}.
 */
class LauncherKillSoakIT {
    static final int QUICK = 4;
    static final String POOL = "10.234.0.0/16";
    static final int PORT1 = 18181, PORT2 = 18182;

    /** Where to kill: a line on stderr (UVAC_TRACE phases) or stdout, and whether to serve a request first. */
    record KillPoint(String name, boolean onStdout, Predicate<String> line, boolean serveFirst) {}

    static final List<KillPoint> POINTS = List.of(
            new KillPoint("jvm start", false, s -> s.contains("  main  "), false),
            new KillPoint("after sweep", false, s -> s.contains("sweep done"), false),
            new KillPoint("recorder-1 network", false, s -> s.contains("recorder-1: network"), false),
            new KillPoint("recorder-1 cgroup", false, s -> s.contains("recorder-1: cgroup"), false),
            new KillPoint("between the spawns", false, s -> s.contains(": spawned pid"), false),
            new KillPoint("both answer", true, s -> s.contains("both recorders answer"), false),
            new KillPoint("while serving", true, s -> s.contains("both recorders answer"), true));

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void killedLaunchersAreSweptByTheNextStart() throws Exception {
        Privileged.require();
        String mountsBefore = Files.readString(Path.of("/proc/self/mounts"));
        Path state = Launcher.newStateDir("kill-");
        try {
            killAndRestart(state, mountsBefore);
        } finally {
            Launcher.deleteTree(state);
        }
    }

    private void killAndRestart(Path state, String mountsBefore) throws Exception {
        int kills = Integer.getInteger("uvac.soak.kills", QUICK);
        String[] args = {"demo", "--state-dir", state.toString(), "--pool", POOL, "--ports", PORT1 + "," + PORT2, "--grace", "1"};
        Random random = new Random(Long.getLong("uvac.soak.seed", System.nanoTime()));
        List<Long> dead = new ArrayList<>();
        Map<String, Integer> killedAt = new LinkedHashMap<>();
        int sweepsReported = 0;
        for (int i = 0; i < kills; i++) {
            KillPoint point = POINTS.get(i % POINTS.size());
            try (Launcher l = Launcher.start(Map.of("UVAC_TRACE", "1"), args)) {
                if (point.onStdout()) l.await(point.line(), Duration.ofSeconds(60));
                else l.awaitErr(point.line(), Duration.ofSeconds(60));
                if (point.serveFirst()) get("http://localhost:" + PORT1 + "/served-before-kill-" + i);
                Thread.sleep(random.nextInt(20)); // a little further into the phase, differently each time
                l.process.destroyForcibly();
                l.waitExit(Duration.ofSeconds(30));
                dead.add(l.process.pid());
                killedAt.merge(point.name(), 1, Integer::sum);
                if (l.stdout.stream().anyMatch(s -> s.contains("removed leftovers"))) sweepsReported++;
            }
        }
        try (Launcher last = Launcher.start(args)) {
            last.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            get("http://localhost:" + PORT2 + "/after-" + kills + "-kills");
            if (last.stdout.stream().anyMatch(s -> s.contains("removed leftovers"))) sweepsReported++;
            last.terminate();
            assertEquals(0, last.waitExit(Duration.ofSeconds(30)), last.output());
            DemoEndToEndIT.assertNothingLeft(last.process.pid(), state);
        }
        List<String> left = new ArrayList<>();
        for (long pid : dead) {
            left.addAll(DemoEndToEndIT.leftovers(pid, state));
            left.addAll(cgroupsOf(pid));
        }
        String figures = String.format("kill soak: %d launchers killed with -9 (%s), next start reached its own kill point or served: %d,"
                + " starts that reported a sweep: %d, left behind afterwards: %d%n", kills, killedAt, kills, sweepsReported, left.size());
        System.out.print(figures);
        Files.writeString(Path.of("target/kill-soak-figures.txt"), figures);
        assertEquals(List.of(), left, "left behind by launchers killed with -9");
        assertEquals(mountsBefore, Files.readString(Path.of("/proc/self/mounts")), "mounts on the host");
    }

    private void get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), url);
    }

    /** Cgroup directories lib-cgroups named for {@code pid} ({@code uvac/<pid>.<start time>-<id>}), in any hierarchy. */
    static List<String> cgroupsOf(long pid) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> roots = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path root : Stream.concat(Stream.of(Path.of("/sys/fs/cgroup")), roots).toList()) {
                Path parent = root.resolve("uvac");
                if (!Files.isDirectory(parent)) continue;
                try (Stream<Path> groups = Files.list(parent)) {
                    groups.filter(g -> g.getFileName().toString().startsWith(pid + ".")).forEach(g -> out.add("cgroup " + g));
                }
            }
        }
        return out;
    }
}
