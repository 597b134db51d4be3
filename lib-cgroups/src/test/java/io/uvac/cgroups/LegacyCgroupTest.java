package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
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

/** cgroup v1 against a fake cgroupfs: what is written where, attach, spawn fds, stats, freeze-kill-thaw. */
class LegacyCgroupTest {
    static final String N = "uvac/4242.1000-t";

    @TempDir Path tmp;
    FakeKernel k;

    @BeforeEach
    void kernel() throws Exception {
        k = FakeKernel.legacy(tmp);
    }

    @Test
    void everyLimitGoesToItsOwnHierarchyInV1Format() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.builder().memory("20M").cpus(0.25).cpusetCpus("1").pidsMax(16).build());
        assertEquals(List.of(
                "write cpuset/uvac/cpuset.cpus = 0-1",
                "write cpuset/uvac/cpuset.mems = 0",
                "write memory/" + N + "/memory.limit_in_bytes = 20971520",
                "write memory/" + N + "/memory.memsw.limit_in_bytes = 20971520",
                "write cpu/" + N + "/cpu.cfs_period_us = 100000",
                "write cpu/" + N + "/cpu.cfs_quota_us = 25000",
                "write cpuset/" + N + "/cpuset.cpus = 1",
                "write cpuset/" + N + "/cpuset.mems = 0",
                "write pids/" + N + "/pids.max = 16"), k.writes());
        assertEquals("20971520", Files.readString(tmp.resolve("memory/" + N + "/memory.limit_in_bytes")));
        assertEquals(List.of("cpu", "cpuacct", "cpuset", "memory", "pids", "freezer").stream()
                .map(h -> tmp.resolve(h + "/" + N)).toList(), g.directories());
        assertEquals(Optional.of(tmp.resolve("cpuacct/" + N)), g.directory(Controller.CPUACCT));
        assertEquals(Optional.empty(), g.unifiedDirectory());
        assertEquals("4242.1000-t", g.name());
        assertEquals(N, g.relativePath());
    }

    @Test
    void newCpusetIsFilledFromItsParentSoItAcceptsTasks() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        assertEquals(List.of(
                "write cpuset/uvac/cpuset.cpus = 0-1",
                "write cpuset/uvac/cpuset.mems = 0",
                "write cpuset/" + N + "/cpuset.cpus = 0-1",
                "write cpuset/" + N + "/cpuset.mems = 0"), k.writes());
        g.attach(777);
        for (Path d : g.directories()) assertEquals("777\n", Files.readString(d.resolve("cgroup.procs")));
        assertEquals(Set.of(777L), g.pids());
    }

    @Test
    void theFakeRefusesTasksInAnEmptyCpusetAsTheKernelDoes() throws Exception {
        // Guards the test above: without the fill, attach must fail the way cpuset_can_attach makes it fail.
        Path bare = tmp.resolve("cpuset/bare");
        k.mkdir(bare);
        var e = assertThrows(ErrnoException.class, () -> k.write(bare.resolve("cgroup.procs"), "5"));
        assertEquals(Errno.ENOSPC, e.errno());
    }

    @Test
    void secondGroupReusesThePreparedParent() throws Exception {
        Cgroups cgroups = k.cgroups();
        cgroups.create("a", Resources.none());
        k.log.clear();
        cgroups.create("b", Resources.none());
        assertTrue(k.writes().stream().noneMatch(w -> w.contains("cpuset/uvac/cpuset.")), k.writes().toString());
        assertEquals(List.of("4242.1000-a", "4242.1000-b"), cgroups.groupNames());
    }

    @Test
    void parentRemovedElsewhereIsPreparedAgain() throws Exception {
        Cgroups cgroups = k.cgroups();
        cgroups.create("a", Resources.none()).destroy();
        assertTrue(k.cgroups().removeParentIfEmpty(), "as another process's clean-up would");
        cgroups.create("b", Resources.none());
        assertEquals(List.of("4242.1000-b"), cgroups.groupNames());
        assertFalse(Files.readString(tmp.resolve("cpuset/uvac/cpuset.cpus")).isBlank(), "the new parent was filled again");
    }

    @Test
    void parentMadeAgainUnpreparedIsPreparedAgain() throws Exception {
        Cgroups cgroups = k.cgroups();
        cgroups.create("a", Resources.none()).destroy();
        // As a tool that is not uvac would leave it: the parent removed and made again, its cpuset empty.
        k.rmdir(tmp.resolve("cpuset/uvac"));
        k.mkdir(tmp.resolve("cpuset/uvac"));
        assertTrue(Files.readString(tmp.resolve("cpuset/uvac/cpuset.cpus")).isBlank());
        Cgroup b = cgroups.create("b", Resources.none());
        assertEquals("0-1", Files.readString(tmp.resolve("cpuset/" + b.relativePath() + "/cpuset.cpus")).strip());
    }

    @Test
    void destroyOfAnEmptyGroupOnlyRemovesItsDirectories() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        k.log.clear();
        g.destroy();
        assertTrue(k.log.stream().allMatch(l -> l.startsWith("rmdir ")), k.log.toString());
        for (Path d : g.directories()) assertFalse(Files.exists(d), d.toString());
    }

    @Test
    void sameIdTwiceIsRefusedWithEEXIST() throws Exception {
        Cgroups cgroups = k.cgroups();
        cgroups.create("a", Resources.none());
        var e = assertThrows(ErrnoException.AlreadyExists.class, () -> cgroups.create("a", Resources.none()));
        assertEquals("mkdir " + tmp.resolve("cpu/uvac/4242.1000-a") + ": File exists (EEXIST)", e.getMessage());
    }

    @Test
    void memsOrderKeepsMemswAboveTheLimitWhenRaisingAndLowering() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.builder().memory("20M").build());
        k.log.clear();
        g.update(Resources.builder().memory("40M").build());
        assertEquals(List.of(
                "write memory/" + N + "/memory.memsw.limit_in_bytes = 41943040",
                "write memory/" + N + "/memory.limit_in_bytes = 41943040"), k.writes());
        k.log.clear();
        g.update(Resources.builder().memory("10M").build());
        assertEquals(List.of(
                "write memory/" + N + "/memory.limit_in_bytes = 10485760",
                "write memory/" + N + "/memory.memsw.limit_in_bytes = 10485760"), k.writes());
    }

    @Test
    void withoutSwapAccountingOnlyTheLimitIsWritten() throws Exception {
        k.missingFiles.add("memory.memsw.limit_in_bytes");
        k.cgroups().create("t", Resources.builder().memory(1 << 20).build());
        assertEquals(List.of("write memory/" + N + "/memory.limit_in_bytes = 1048576"),
                k.writes().stream().filter(w -> w.startsWith("write memory/")).toList());
    }

    @Test
    void spawnGetsOneProcsFilePerHierarchyAndNoDirectory() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        SpawnAttachment a;
        try (SpawnAttachment opened = g.openForSpawn()) {
            a = opened;
            assertEquals(6, a.procsFiles().size());
            assertTrue(a.procsFiles().stream().allMatch(Fd::isOpen));
            assertEquals(Optional.empty(), a.cgroupDir());
        }
        assertTrue(a.procsFiles().stream().noneMatch(Fd::isOpen));
    }

    @Test
    void statsAreReadFromTheV1Files() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        Files.writeString(tmp.resolve("memory/" + N + "/memory.usage_in_bytes"), "1234\n");
        Files.writeString(tmp.resolve("memory/" + N + "/memory.max_usage_in_bytes"), "5678\n");
        Files.writeString(tmp.resolve("memory/" + N + "/memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        Files.writeString(tmp.resolve("cpuacct/" + N + "/cpuacct.usage"), "1500000000\n");
        Files.writeString(tmp.resolve("pids/" + N + "/pids.current"), "3\n");
        assertEquals(new CgroupStats(OptionalLong.of(1234), OptionalLong.of(5678), OptionalLong.of(2),
                Optional.of(Duration.ofMillis(1500)), OptionalLong.of(3)), g.stats());
    }

    @Test
    void killFreezesSignalsEveryProcessThenThaws() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        long a = k.start(N), b = k.start(N);
        k.log.clear();
        g.kill();
        assertEquals(List.of(
                "write freezer/" + N + "/freezer.state = FROZEN",
                "kill " + a,
                "kill " + b,
                "write freezer/" + N + "/freezer.state = THAWED"), k.log);
        assertEquals(Set.of(), g.pids());
    }

    @Test
    void killReachesProcessesInChildGroups() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        Path child = tmp.resolve("memory/" + N + "/inner");
        k.mkdir(child);
        long pid = k.start(N + "/inner");
        assertEquals(Set.of(pid), g.pids());
        g.destroy();
        assertFalse(Files.exists(child));
        assertTrue(k.log.contains("kill " + pid));
    }

    @Test
    void killGivesUpAtTheDeadlineNamingTheSurvivors() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        long pid = k.start(N);
        k.unkillable.add(pid);
        var e = assertThrows(CgroupException.class, g::kill);
        assertEquals("kill " + N + ": 1 process(es) still inside after 600 ms: [" + pid + "]", e.getMessage());
        // Every round thawed what it froze.
        assertEquals("THAWED", Files.readString(tmp.resolve("freezer/" + N + "/freezer.state")));
    }

    @Test
    void destroyRetriesEBUSYThenRemovesEveryDirectory() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        k.busyRmdirs.put("memory/" + N, 3); // the first refusal ends destroy's plain-rmdir attempt; two retries follow
        g.destroy();
        assertEquals(List.of("rmdir memory/" + N + ": EBUSY", "rmdir memory/" + N + ": EBUSY", "rmdir memory/" + N + ": EBUSY",
                        "rmdir memory/" + N),
                k.log.stream().filter(l -> l.startsWith("rmdir memory/")).toList());
        for (Path d : g.directories()) assertFalse(Files.exists(d), d.toString());
        assertTrue(g.isDestroyed());
        g.destroy(); // idempotent
        assertThrows(IllegalStateException.class, () -> g.attach(1));
    }

    @Test
    void destroyThatStaysBusyFailsAfterTryingEveryHierarchyAndCanBeRetried() throws Exception {
        Cgroup g = k.cgroups().create("t", Resources.none());
        k.busyRmdirs.put("memory/" + N, 1_000_000);
        var e = assertThrows(CgroupException.class, g::destroy);
        assertTrue(e.getMessage().startsWith("rmdir " + tmp.resolve("memory/" + N) + ": still busy after "), e.getMessage());
        assertEquals(Errno.EBUSY, ((ErrnoException) e.getCause()).errno());
        assertFalse(Files.exists(tmp.resolve("pids/" + N)), "the other hierarchies were still cleaned");
        assertFalse(g.isDestroyed());
        k.busyRmdirs.clear();
        g.destroy();
        assertFalse(Files.exists(tmp.resolve("memory/" + N)));
    }

    @Test
    void failedCreateRemovesWhatItMadeAndNamesTheFileAndValue() throws Exception {
        k.missingFiles.add("pids.max");
        Cgroups cgroups = k.cgroups();
        var e = assertThrows(ErrnoException.class,
                () -> cgroups.create("t", Resources.builder().memory("20M").pidsMax(16).build()));
        assertEquals("write " + tmp.resolve("pids/" + N + "/pids.max") + " = \"16\": No such file or directory (ENOENT)",
                e.getMessage());
        assertEquals(List.of(), cgroups.groupNames());
    }
}
