package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroup v2 against a fake cgroupfs: controller enabling, v2 files, CLONE_INTO_CGROUP fd, cgroup.kill. */
class UnifiedCgroupTest {
    static final String N = "unified/uvac/4242.1000-t";

    @TempDir Path tmp;
    FakeKernel k;

    @BeforeEach
    void kernel() throws Exception {
        k = FakeKernel.unified(tmp);
    }

    @Test
    void controllersAreEnabledDownToTheParentThenLimitsGoToV2Files() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.builder().memory("20M").cpus(0.25).cpusetCpus("1").pidsMax(16).build());
        assertEquals(List.of(
                "write unified/cgroup.subtree_control = +cpu +cpuset +memory +pids",
                "write unified/uvac/cgroup.subtree_control = +cpu +cpuset +memory +pids",
                "write " + N + "/memory.max = 20971520",
                "write " + N + "/memory.swap.max = 0",
                "write " + N + "/cpu.max = 25000 100000",
                "write " + N + "/cpuset.cpus = 1",
                "write " + N + "/pids.max = 16"), k.writes());
        assertEquals("25000 100000", Files.readString(tmp.resolve(N + "/cpu.max")));
        assertEquals(List.of(tmp.resolve(N)), g.directories());
        assertEquals(Optional.of(tmp.resolve(N)), g.directory(Controller.MEMORY));
        assertEquals(Optional.empty(), g.directory(Controller.FREEZER), "no freezer controller on v2");
    }

    @Test
    void alreadyEnabledControllersAreNotWrittenAgain() throws Exception {
        Cgroups cgroups = k.cgroups();
        cgroups.create("a", Resources.none());
        k.log.clear();
        cgroups.create("b", Resources.builder().cpusetMems("0").build());
        assertEquals(List.of("write unified/uvac/4242.1000-b/cpuset.mems = 0"), k.writes());
    }

    @Test
    void cpusetLeftOutIsNotWrittenBecauseV2InheritsIt() throws Exception {
        k.cgroups().create("t", Resources.builder().pidsMax(5).build());
        assertTrue(k.writes().stream().noneMatch(w -> w.contains("cpuset.")), k.writes().toString());
    }

    @Test
    void controllerTheHostLacksIsRefusedBeforeAnythingIsCreated(@TempDir Path other) throws Exception {
        FakeKernel hybrid = FakeKernel.hybrid(other);
        CgroupHost v2only = hybrid.host.unifiedOnly(); // this project's host seen through cgroup2: no controllers
        Cgroups cgroups = new Cgroups(v2only, "uvac", hybrid.env());
        var e = assertThrows(CgroupException.class, () -> cgroups.create("t", Resources.builder().memory("20M").build()));
        assertEquals("memory limit requested, but this host offers no memory controller (neither mounted as cgroup v1 "
                + "nor available on cgroup2)", e.getMessage());
        assertEquals(List.of(), hybrid.log);
    }

    @Test
    void spawnGetsTheDirectoryForCloneIntoCgroupAndNoProcsFile() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        try (SpawnAttachment a = g.openForSpawn()) {
            assertEquals(List.of(), a.procsFiles());
            assertTrue(a.cgroupDir().orElseThrow().isOpen());
        }
    }

    @Test
    void killIsOneWriteToCgroupKill() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        long a = k.start("uvac/4242.1000-t"), b = k.start("uvac/4242.1000-t");
        assertEquals(Set.of(a, b), g.pids());
        k.log.clear();
        g.kill();
        assertEquals(List.of("write " + N + "/cgroup.kill = 1"), k.log);
        assertEquals(Set.of(), g.pids());
    }

    @Test
    void withoutCgroupKillTheV2FreezerIsUsed() throws Exception {
        k.missingFiles.add("cgroup.kill"); // kernels before 5.14
        Cgroup g = k.cgroups().create("t", Resources.none());
        long a = k.start("uvac/4242.1000-t");
        k.log.clear();
        g.kill();
        assertEquals(List.of("write " + N + "/cgroup.freeze = 1", "kill " + a, "write " + N + "/cgroup.freeze = 0"), k.log);
    }

    @Test
    void statsAreReadFromTheV2Files() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        Files.writeString(tmp.resolve(N + "/memory.current"), "4096\n");
        Files.writeString(tmp.resolve(N + "/memory.peak"), "8192\n");
        Files.writeString(tmp.resolve(N + "/memory.events"), "low 0\nhigh 0\nmax 9\noom 1\noom_kill 1\noom_group_kill 0\n");
        Files.writeString(tmp.resolve(N + "/cpu.stat"), "usage_usec 250000\nuser_usec 200000\nsystem_usec 50000\n");
        Files.writeString(tmp.resolve(N + "/pids.current"), "2\n");
        assertEquals(new CgroupStats(OptionalLong.of(4096), OptionalLong.of(8192), OptionalLong.of(1),
                Optional.of(Duration.ofMillis(250)), OptionalLong.of(2)), g.stats());
    }

    @Test
    void kernelWithoutMemoryPeakReportsItAsAbsent() throws Exception {
        k.missingFiles.add("memory.peak"); // before 5.19
        Cgroup g = k.cgroups().create("t", Resources.none());
        assertEquals(OptionalLong.empty(), g.stats().memoryPeakBytes());
        assertEquals(OptionalLong.of(0), g.stats().memoryCurrentBytes());
    }

    @Test
    void destroyRemovesTheGroupAndTheParentCanGo() throws Exception {
        Cgroups cgroups = k.cgroups();
        Cgroup g = cgroups.create("t", Resources.none());
        k.start("uvac/4242.1000-t");
        assertFalse(cgroups.removeParentIfEmpty(), "parent holds a group");
        g.close();
        assertFalse(Files.exists(tmp.resolve(N)));
        assertTrue(cgroups.removeParentIfEmpty());
        assertFalse(Files.exists(tmp.resolve("unified/uvac")));
    }
}
