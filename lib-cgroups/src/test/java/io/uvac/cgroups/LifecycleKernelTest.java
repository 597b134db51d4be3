package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.cgroups.internal.Env;
import io.uvac.cgroups.internal.KernelCgroupFs;
import io.uvac.cgroups.internal.KernelProcesses;
import io.uvac.cgroups.internal.ProcessIdentity;
import io.uvac.cgroups.internal.Processes;
import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ExitStatus;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Detection, placement, kernel errors, updates and sweeping on the real kernel of this host. */
class LifecycleKernelTest extends KernelFixture {

    @BeforeEach
    void detect() throws IOException {
        cgroups = Cgroups.detect();
    }

    @Test
    void detectionAgreesWithWhatTheKernelSaysOfThisProcess() throws Exception {
        CgroupHost host = cgroups.host();
        System.out.println("[detect] " + host);
        // /proc/self/cgroup names every hierarchy this process is in: "N:controllers:path", "0::path" for cgroup2.
        for (String line : cgroupsOf(ProcessHandle.current().pid())) {
            String[] f = line.split(":", 3);
            if (f[1].isEmpty()) {
                assertTrue(host.unifiedMount().isPresent(), "cgroup2 listed but not detected: " + line);
                continue;
            }
            for (String name : f[1].split(","))
                Controller.byKernelName(name).ifPresent(c ->
                        assertTrue(host.v1Mount(c).isPresent(), c + " is on v1 here but was not detected: " + line));
        }
        boolean rootIsCgroup2 = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .anyMatch(l -> l.contains(" /sys/fs/cgroup ") && l.contains(" - cgroup2 "));
        assertEquals(rootIsCgroup2, host.layout() == CgroupLayout.UNIFIED);
    }

    @Test
    void spawnedChildStartsInTheGroupOfEveryHierarchy() throws Exception {
        Cgroup g = create(Resources.none());
        ContainerProcess p = spawn(g, "/bin/sleep", "30");
        Map<String, String> where = new TreeMap<>();
        for (String line : cgroupsOf(p.pid())) {
            String[] f = line.split(":", 3);
            where.put(f[1].isEmpty() ? "cgroup2" : f[1], f[2]);
        }
        String path = "/" + g.relativePath();
        for (Controller c : Controller.values())
            if (cgroups.host().v1Mount(c).isPresent()) assertEquals(path, where.get(c.kernelName()), c + " in " + where);
        if (cgroups.host().unifiedMount().isPresent()) assertEquals(path, where.get("cgroup2"), "cgroup2 in " + where);
        assertEquals(Set.of((long) p.pid()), g.pids());
        System.out.println("[attach] " + where);

        g.kill();
        assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        assertEquals(Set.of(), g.pids());
    }

    @Test
    void v1AloneSpawnsThroughProcsFilesAndKillsAForkingGroupByFreezing() throws Exception {
        // The host seen through its v1 hierarchies only, as a legacy host: no cgroup2 group, so no cgroup.kill.
        CgroupHost v1 = new CgroupHost(CgroupLayout.LEGACY, cgroups.host().v1Mounts(), Optional.empty(), Set.of());
        if (v1.v1Mount(Controller.FREEZER).isEmpty()) Privileged.unavailable("no v1 freezer on this host");
        Cgroup g = create(Cgroups.on(v1), Resources.builder().pidsMax(64).build());
        try (SpawnAttachment a = g.openForSpawn()) {
            assertEquals(v1.v1Mounts().values().stream().distinct().count(), a.procsFiles().size());
            assertTrue(a.cgroupDir().isEmpty());
        }
        // A shell that forks and execs without pause: membership changes all the time until the group is frozen.
        // (Sequential, so it keeps its footprint at two tasks and never reaches the pids limit.)
        ContainerProcess p = spawn(g, "/bin/sh", "-c", "while :; do /bin/true; done");
        Path forks = g.directory(Controller.PIDS).orElseThrow().resolve("pids.events");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (g.pids().isEmpty() && System.nanoTime() < deadline) sleep(Duration.ofMillis(5));
        assertTrue(g.pids().contains((long) p.pid()), "the shell runs in the group: " + g.pids());
        assertTrue(Files.exists(forks));

        g.kill();

        assertEquals(Set.of(), g.pids());
        assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        Path state = g.directory(Controller.FREEZER).orElseThrow().resolve("freezer.state");
        assertEquals("THAWED", Files.readString(state).strip(), "the kill thawed what it froze");
    }

    @Test
    void attachMovesARunningProcessInEveryHierarchy() throws Exception {
        Cgroup holder = create(Resources.none());
        Cgroup target = create(Resources.none());
        ContainerProcess p = spawn(holder, "/bin/sleep", "30");
        target.attach(p.pid());
        assertEquals(Set.of((long) p.pid()), target.pids());
        assertEquals(Set.of(), holder.pids());
    }

    @Test
    void kernelRefusalsKeepTheErrnoAndNameTheFileAndValue() throws Exception {
        Cgroup g = create(Resources.none());
        KernelCgroupFs fs = new KernelCgroupFs();
        Path quota = g.directory(Controller.CPU).orElseThrow().resolve(
                g.directory(Controller.CPU).orElseThrow().startsWith(cgroups.host().unifiedMount().orElse(Path.of("/-")))
                        ? "cpu.max" : "cpu.cfs_quota_us");
        var e = assertThrows(ErrnoException.class, () -> fs.write(quota, "1")); // below the kernel's 1 ms minimum
        System.out.println("[errno] " + e.getMessage());
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("write " + quota + " = \"1\": Invalid argument (EINVAL)", e.getMessage());

        Path limit = g.directory(Controller.MEMORY).orElseThrow().resolve("memory.limit_in_bytes");
        if (Files.exists(limit)) {
            var m = assertThrows(ErrnoException.class, () -> fs.write(limit, "ten"));
            assertEquals("write " + limit + " = \"ten\": Invalid argument (EINVAL)", m.getMessage());
        }
    }

    @Test
    void limitsCanBeRaisedAndLoweredWhileTheKernelChecksTheirOrder() throws Exception {
        Cgroup g = create(Resources.builder().memory("20M").pidsMax(10).build());
        g.update(Resources.builder().memory("40M").build());
        g.update(Resources.builder().memory("10M").pidsMax(20).build());
        Path mem = g.directory(Controller.MEMORY).orElseThrow();
        boolean v1 = Files.exists(mem.resolve("memory.limit_in_bytes"));
        assertEquals(Long.toString(10 << 20), Files.readString(mem.resolve(v1 ? "memory.limit_in_bytes" : "memory.max")).strip());
        if (Files.exists(mem.resolve("memory.memsw.limit_in_bytes")))
            assertEquals(Long.toString(10 << 20), Files.readString(mem.resolve("memory.memsw.limit_in_bytes")).strip());
        assertEquals("20", Files.readString(g.directory(Controller.PIDS).orElseThrow().resolve("pids.max")).strip());
    }

    @Test
    void hostChecksRejectCpusThisHostDoesNotHaveBeforeCreatingAnything() throws Exception {
        List<String> before = cgroups.groupNames();
        var e = assertThrows(IllegalArgumentException.class,
                () -> cgroups.create(uniqueId(), Resources.builder().cpusetCpus("0-4095").build()));
        assertTrue(e.getMessage().startsWith("cpuset CPUs 0-4095: CPU "), e.getMessage());
        assertEquals(before, cgroups.groupNames());
    }

    @Test
    void sweepKillsAndRemovesTheGroupOfAGoneOwnerOnly() throws Exception {
        KernelProcesses real = new KernelProcesses();
        ProcessIdentity me = real.self();
        // An owner that cannot be alive: this pid with another start time, as a recycled pid would look.
        ProcessIdentity gone = new ProcessIdentity(me.pid(), me.startTicks() + 1);
        Processes asGoneOwner = new Processes() {
            @Override public ProcessIdentity self() { return gone; }
            @Override public boolean isAlive(ProcessIdentity p) throws IOException { return real.isAlive(p); }
            @Override public boolean kill(long pid) throws IOException { return real.kill(pid); }
        };
        Env kernel = Env.kernel();
        Cgroups orphanMaker = new Cgroups(cgroups.host(), cgroups.parent(),
                new Env(kernel.fs(), asGoneOwner, kernel.timeouts(), kernel.topology()));
        Cgroup stale = create(orphanMaker, Resources.builder().pidsMax(8).build());
        Cgroup live = create(Resources.none());
        ContainerProcess orphan = spawn(stale, "/bin/sleep", "30");

        List<String> swept = cgroups.sweep();

        System.out.println("[sweep] removed " + swept);
        assertTrue(swept.contains(stale.name()), swept.toString());
        assertFalse(swept.contains(live.name()));
        assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), orphan.waitFor(Duration.ofSeconds(10)).orElseThrow());
        for (Path d : stale.directories()) assertFalse(Files.exists(d), d + " swept");
        for (Path d : live.directories()) assertTrue(Files.isDirectory(d), d + " kept");
    }
}
