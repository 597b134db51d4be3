package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This project's hybrid layout against a fake cgroupfs: limits on v1, a cgroup2 group that tracks. */
class HybridCgroupTest {
    static final String N = "uvac/4242.1000-t";

    @TempDir Path tmp;
    FakeKernel k;

    @BeforeEach
    void kernel() throws Exception {
        k = FakeKernel.hybrid(tmp);
    }

    @Test
    void groupSpansEveryV1HierarchyPlusCgroup2AndLimitsStayOnV1() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.builder().memory("20M").pidsMax(16).build());
        assertEquals(List.of("cpu", "cpuacct", "cpuset", "memory", "pids", "freezer", "unified").stream()
                .map(h -> tmp.resolve(h + "/" + N)).toList(), g.directories());
        assertEquals(Optional.of(tmp.resolve("unified/" + N)), g.unifiedDirectory());
        assertEquals(Optional.of(tmp.resolve("memory/" + N)), g.directory(Controller.MEMORY));
        assertTrue(k.writes().stream().noneMatch(w -> w.startsWith("write unified/")),
                "cgroup2 has no controllers of ours here, so nothing is enabled or written: " + k.writes());
    }

    @Test
    void spawnGetsV1ProcsFilesAndTheCgroup2Directory() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        try (SpawnAttachment a = g.openForSpawn()) {
            assertEquals(6, a.procsFiles().size());
            assertTrue(a.cgroupDir().isPresent());
        }
    }

    @Test
    void attachWritesThePidIntoEveryHierarchy() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        k.log.clear();
        g.attach(31);
        assertEquals(List.of("cpu", "cpuacct", "cpuset", "memory", "pids", "freezer", "unified").stream()
                .map(h -> "write " + h + "/" + N + "/cgroup.procs = 31").toList(), k.writes());
    }

    @Test
    void cgroupKillEndsWhatCgroup2TracksWithoutAFreezerRound() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        long pid = k.start(N);
        k.log.clear();
        g.kill();
        assertEquals(List.of("write unified/" + N + "/cgroup.kill = 1"), k.log);
        assertEquals(Set.of(), g.pids());
        assertTrue(pid > 0);
    }

    @Test
    void processesOnlyInV1AreKilledByTheFreezerRoundAfterCgroupKill() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        long pid = k.start(N, false); // attached through the v1 procs files only
        k.log.clear();
        g.kill();
        assertEquals(List.of(
                "write unified/" + N + "/cgroup.kill = 1",
                "write freezer/" + N + "/freezer.state = FROZEN",
                "kill " + pid,
                "write freezer/" + N + "/freezer.state = THAWED"), k.log);
        assertEquals(Set.of(), g.pids());
    }

    @Test
    void destroyOfAGroupWhoseProcessIsOnlyInV1StillFreezesAndKillsIt() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        long pid = k.start(N, false); // the cgroup2 directory is empty, so destroy's plain rmdir of it succeeds
        k.log.clear();
        g.destroy();
        assertTrue(k.log.containsAll(List.of("rmdir unified/" + N, "rmdir cpu/" + N + ": EBUSY",
                "write freezer/" + N + "/freezer.state = FROZEN", "kill " + pid)), k.log.toString());
        for (Path d : g.directories()) assertFalse(Files.exists(d), d.toString());
    }

    @Test
    void cpuUsageComesFromCpuacctOnV1() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        java.nio.file.Files.writeString(tmp.resolve("cpuacct/" + N + "/cpuacct.usage"), "42000\n");
        assertEquals(Optional.of(Duration.ofNanos(42000)), g.stats().cpuUsage());
    }
}
