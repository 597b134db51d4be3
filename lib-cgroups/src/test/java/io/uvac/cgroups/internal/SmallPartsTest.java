package io.uvac.cgroups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.cgroups.CpuList;
import io.uvac.cgroups.Resources;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group names, process identities, keyed files, host checks and the real write path, without root. */
class SmallPartsTest {

    @Test
    void groupNameRoundTripsAndRejectsForeignNames() {
        GroupName n = new GroupName(new ProcessIdentity(4242, 918273), "web-1.a_b");
        assertEquals("4242.918273-web-1.a_b", n.toString());
        assertEquals(Optional.of(n), GroupName.parse(n.toString()));
        for (String foreign : new String[] {"not-ours", "0.1-x", "12-x", "12.3-", "12.3-.x", "99999999999999999999.1-x"})
            assertEquals(Optional.empty(), GroupName.parse(foreign), foreign);
        var e = assertThrows(IllegalArgumentException.class, () -> GroupName.checkId("a/b"));
        assertEquals("group id \"a/b\" must be 1-64 characters of A-Z a-z 0-9 _ . - starting with a letter or digit",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupName.checkId("x".repeat(65)));
    }

    @Test
    void startTimeIsFieldTwentyTwoEvenWhenTheCommandHasParentheses() {
        String stat = "4242 (a) b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 918273 1000 200";
        assertEquals(918273, ProcessIdentity.startTicks(stat));
    }

    @Test
    void ownIdentityIsReadFromProcAndAnAbsentPidHasNone(@TempDir Path tmp) throws Exception {
        long pid = ProcessHandle.current().pid();
        ProcessIdentity me = ProcessIdentity.read(Path.of("/proc"), pid).orElseThrow();
        assertEquals(pid, me.pid());
        assertTrue(new KernelProcesses().isAlive(me));
        assertTrue(!new KernelProcesses().isAlive(new ProcessIdentity(pid, me.startTicks() + 1)), "recycled pid");
        assertEquals(Optional.empty(), ProcessIdentity.read(tmp, 123));
    }

    @Test
    void keyedFilesParse() {
        assertEquals(Map.of("oom_kill_disable", 0L, "under_oom", 0L, "oom_kill", 3L),
                KeyedValues.parse("oom_kill_disable 0\nunder_oom 0\noom_kill 3\n"));
        assertEquals(OptionalLong.of(7), KeyedValues.get("usage_usec 7\nuser_usec 5\n", "usage_usec"));
        assertEquals(OptionalLong.empty(), KeyedValues.get("max 0\n", "oom_kill"));
        assertEquals(Long.MAX_VALUE, KeyedValues.number("max\n"));
        assertEquals(12, KeyedValues.number("12\n"));
    }

    @Test
    void hostCheckNamesWhatIsMissing(@TempDir Path sys) throws Exception {
        Files.createDirectories(sys.resolve("cpu"));
        Files.writeString(sys.resolve("cpu/online"), "0-1\n");
        HostTopology t = HostTopology.read(sys);
        assertEquals(new HostTopology(CpuList.parse("0-1"), CpuList.of(0)), t, "no node/online: node 0 only");
        assertEquals("cpuset CPUs 0-3: CPU 2-3 not online on this host (online: 0-1)",
                assertThrows(IllegalArgumentException.class,
                        () -> t.check(Resources.builder().cpusetCpus("0-3").build())).getMessage());
        assertEquals("cpuset memory nodes 1: node 1 not online on this host (online: 0)",
                assertThrows(IllegalArgumentException.class,
                        () -> t.check(Resources.builder().cpusetMems("1").build())).getMessage());
        assertEquals("cpus 2.5 exceeds the 2 CPUs of this host",
                assertThrows(IllegalArgumentException.class, () -> t.check(Resources.builder().cpus(2.5).build())).getMessage());
        t.check(Resources.builder().cpus(2).cpusetCpus("1").cpusetMems("0").build());
    }

    @Test
    void writeFailureKeepsTheErrnoAndNamesTheFileAndTheValue(@TempDir Path tmp) throws Exception {
        KernelCgroupFs fs = new KernelCgroupFs();
        // /dev/full opens fine and fails the write(2) itself with ENOSPC.
        var full = assertThrows(ErrnoException.class, () -> fs.write(Path.of("/dev/full"), "10M"));
        assertEquals("write /dev/full = \"10M\": No space left on device (ENOSPC)", full.getMessage());
        assertEquals(Errno.ENOSPC, full.errno());
        Path absent = tmp.resolve("memory.max");
        var missing = assertThrows(ErrnoException.NotFound.class, () -> fs.write(absent, "max"));
        assertEquals("write " + absent + " = \"max\": No such file or directory (ENOENT)", missing.getMessage());
    }

    @Test
    void writeReplacesTheWholeValueAsCgroupfsWouldShowIt(@TempDir Path tmp) throws Exception {
        KernelCgroupFs fs = new KernelCgroupFs();
        Path f = Files.writeString(tmp.resolve("cpu.cfs_quota_us"), "-1\n");
        fs.write(f, "25000");
        assertEquals("25000", fs.read(f));
        Path d = tmp.resolve("g");
        fs.mkdir(d);
        assertThrows(ErrnoException.AlreadyExists.class, () -> fs.mkdir(d));
        assertEquals(java.util.List.of(d), fs.childGroups(tmp));
        fs.rmdir(d);
        assertEquals(java.util.List.of(), fs.childGroups(tmp.resolve("gone")));
    }
}
