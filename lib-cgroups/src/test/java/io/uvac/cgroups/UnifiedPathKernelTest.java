package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ExitStatus;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cgroup2 code path on a real kernel, through the host's cgroup2 mount alone ({@link CgroupHost#unifiedOnly()}):
 * on this hybrid host it carries no resource controllers, but CLONE_INTO_CGROUP, cgroup.kill, cpu.stat and rmdir
 * are cgroup2's own and are proven here.
 */
class UnifiedPathKernelTest extends KernelFixture {

    @BeforeEach
    void unifiedOnly() throws Exception {
        CgroupHost host = CgroupHost.detect();
        if (host.unifiedMount().isEmpty()) Privileged.unavailable("this host has no cgroup2 mount");
        cgroups = Cgroups.on(host.unifiedOnly());
    }

    @Test
    void childIsClonedIntoTheGroupAndCgroupKillEndsIt() throws Exception {
        Cgroup g = create(Resources.none());
        assertEquals(List.of(g.unifiedDirectory().orElseThrow()), g.directories());
        try (SpawnAttachment a = g.openForSpawn()) {
            assertEquals(List.of(), a.procsFiles(), "nothing to write: the clone itself lands in the group");
            assertTrue(a.cgroupDir().isPresent());
        }
        ContainerProcess p = spawn(g, "/bin/sh", "-c", "while :; do :; done");

        String v2Line = cgroupsOf(p.pid()).stream().filter(l -> l.startsWith("0::")).findFirst().orElseThrow();
        assertEquals("0::/" + g.relativePath(), v2Line);
        assertEquals(Set.of((long) p.pid()), g.pids());
        sleep(Duration.ofMillis(200));
        Duration used = g.stats().cpuUsage().orElseThrow();
        System.out.println("[v2] " + v2Line + ", cpu.stat usage " + used.toMillis() + " ms after 200 ms");
        assertTrue(used.toMillis() > 0, "cpu.stat counts the loop");

        g.destroy(); // cgroup.kill, then rmdir
        assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        assertFalse(Files.exists(g.unifiedDirectory().orElseThrow()));
    }

    @Test
    void cgroupKillReachesForkedChildrenAndChildGroups() throws Exception {
        Cgroup g = create(Resources.none());
        ContainerProcess p = spawn(g, "/bin/sh", "-c", "sleep 30 & sleep 30 & wait");
        Path inner = g.unifiedDirectory().orElseThrow().resolve("inner");
        Files.createDirectory(inner);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (g.pids().size() < 3 && System.nanoTime() < deadline) sleep(Duration.ofMillis(10));
        assertEquals(3, g.pids().size(), "the shell and its two sleeps: " + g.pids());
        long child = g.pids().stream().filter(pid -> pid != p.pid()).findFirst().orElseThrow();
        Files.writeString(inner.resolve("cgroup.procs"), Long.toString(child));
        assertEquals(3, g.pids().size(), "child groups count too");

        g.destroy();
        assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        assertFalse(Files.exists(inner));
    }
}
