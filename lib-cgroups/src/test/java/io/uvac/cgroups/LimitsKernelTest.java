package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ExitStatus;
import io.uvac.sys.raw.signal_h;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits hold on a real kernel (this project's hybrid host: every controller on v1). Each test spawns its
 * processes straight into the group (no window where they run unlimited) and cleans up in the fixture.
 * Figures are printed for the record; the only timing assertions are the CPU-share ratios, with wide bounds.
 */
class LimitsKernelTest extends KernelFixture {

    @BeforeEach
    void detect() throws IOException {
        cgroups = Cgroups.detect();
    }

    @Test
    void processAllocatingFarBeyondTwentyMegabytesIsOomKilledAndTheJvmIsNot() throws Exception {
        String jvmMemcg = memoryLine(ProcessHandle.current().pid());
        Cgroup g = create(Resources.builder().memory("20M").build());
        assertEquals(0, g.stats().oomKills().orElseThrow());

        // dd reads 256 MiB of zeros into one buffer: every page is touched and charged to the group.
        ContainerProcess dd = spawn(g, "/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=256M", "count=1");
        ExitStatus status = dd.waitFor(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("dd still running"));

        CgroupStats s = g.stats();
        System.out.printf("[oom] dd: %s; oom_kill %d; peak %s (limit 20M)%n", status, s.oomKills().orElseThrow(),
                ByteSize.format(s.memoryPeakBytes().orElseThrow()));
        assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), status);
        assertTrue(s.oomKills().orElseThrow() >= 1, "OOM counter incremented: " + s);
        assertTrue(s.memoryPeakBytes().orElseThrow() <= 20L << 20, "usage never passed the limit: " + s);

        // The JVM stayed where it was and can still allocate and touch far more than the group could.
        assertEquals(jvmMemcg, memoryLine(ProcessHandle.current().pid()));
        byte[] big = new byte[64 << 20];
        for (int i = 0; i < big.length; i += 4096) big[i] = 1;
        assertEquals(1, big[big.length - 4096]);
    }

    @Test
    void cpusetOfOneCpuShowsOneCpuInsideAndTwoBusyLoopsShareIt() throws Exception {
        int cpu = CpuList.parse(Files.readString(Path.of("/sys/devices/system/cpu/online"))).toArray().length - 1;
        Cgroup g = create(Resources.builder().cpusetCpus(CpuList.of(cpu)).build());

        assertEquals("1", output(g, "/usr/bin/nproc").strip());

        ContainerProcess a = spawn(g, "/bin/sh", "-c", "while :; do :; done");
        ContainerProcess b = spawn(g, "/bin/sh", "-c", "while :; do :; done");
        for (ContainerProcess p : List.of(a, b))
            assertEquals(Integer.toString(cpu), status(p.pid(), "Cpus_allowed_list"), "affinity of " + p);
        sleep(Duration.ofMillis(300)); // both loops running before the window opens
        long a0 = cpuNanos(a.pid()), b0 = cpuNanos(b.pid()), g0 = g.stats().cpuUsage().orElseThrow().toNanos();
        long t0 = System.nanoTime();
        sleep(Duration.ofSeconds(2));
        long a1 = cpuNanos(a.pid()), b1 = cpuNanos(b.pid()), g1 = g.stats().cpuUsage().orElseThrow().toNanos();
        double wall = System.nanoTime() - t0;
        double group = (g1 - g0) / wall, shareA = (a1 - a0) / wall, shareB = (b1 - b0) / wall;
        System.out.printf("[cpuset] cpu %d: group %.2f CPUs over %.2f s; loop A %.2f, loop B %.2f%n",
                cpu, group, wall / 1e9, shareA, shareB);
        // Unconfined, two loops on this 2-CPU host use ~2.0 CPUs; on one CPU they cannot pass 1.0.
        assertTrue(group <= 1.15, "two loops confined to one CPU used " + group + " CPUs");
        assertTrue(shareA > 0.2 && shareB > 0.2, "both loops ran, sharing the CPU: " + shareA + ", " + shareB);
    }

    @Test
    void quotaOfAQuarterCpuKeepsABusyLoopNearAQuarter() throws Exception {
        Cgroup g = create(Resources.builder().cpus(0.25).build());
        spawn(g, "/bin/sh", "-c", "while :; do :; done");
        sleep(Duration.ofMillis(300));
        long u0 = g.stats().cpuUsage().orElseThrow().toNanos(), t0 = System.nanoTime();
        sleep(Duration.ofSeconds(3));
        double ratio = (g.stats().cpuUsage().orElseThrow().toNanos() - u0) / (double) (System.nanoTime() - t0);
        System.out.printf("[quota] cpus 0.25: busy loop used %.3f of one CPU over 3 s%n", ratio);
        // 30 CFS periods of 100 ms: the quota allows 0.25. The upper bound is the limit holding (an unlimited
        // loop uses ~1.0); the lower bound only guards against a loop that never ran, on a host others load too.
        assertTrue(ratio <= 0.32, "quota 0.25 but the loop used " + ratio);
        assertTrue(ratio >= 0.12, "the loop barely ran: " + ratio);
    }

    @Test
    void pidsLimitOfSixteenStopsAForkBomb() throws Exception {
        Cgroup g = create(Resources.builder().pidsMax(16).build());
        Path events = g.directory(Controller.PIDS).orElseThrow().resolve("pids.events");
        // A bomb with a bottom (2^8 shells if nothing stopped it), so a broken limit cannot take the host down.
        spawn(g, "/bin/sh", "-c", "b() { if [ $1 -gt 0 ]; then b $(($1-1)) & b $(($1-1)) & fi; sleep 30; }; b 7");
        // Wait for the first refused fork, then watch one more second: the bomb keeps trying.
        long refused = 0, most = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(), settle = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settle)) {
            most = Math.max(most, g.stats().pidsCurrent().orElseThrow());
            refused = Long.parseLong(Files.readString(events).strip().split("\\s+")[1]);
            if (refused > 0 && settle == Long.MAX_VALUE) settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            sleep(Duration.ofMillis(10));
        }
        Path peakFile = g.directory(Controller.PIDS).orElseThrow().resolve("pids.peak"); // recent kernels; older ones: the sampled maximum
        long peak = Files.exists(peakFile) ? Long.parseLong(Files.readString(peakFile).strip()) : most;
        System.out.printf("[pids] limit 16: peak %d tasks (pids.peak), at most %d sampled, %d forks refused%n",
                peak, most, refused);
        assertTrue(refused > 0, "forks were refused at the limit");
        assertTrue(peak <= 16 && most <= 16, "tasks in the group: peak " + peak + ", sampled " + most);
        assertTrue(g.pids().size() <= 16);
        g.kill();
        assertEquals(0, g.pids().size());
    }

    private static String memoryLine(long pid) throws IOException {
        return cgroupsOf(pid).stream().filter(l -> l.split(":")[1].equals("memory")).findFirst().orElseThrow();
    }

    private static String status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (line.startsWith(key + ":")) return line.substring(key.length() + 1).strip();
        throw new AssertionError(key + " not in /proc/" + pid + "/status");
    }

    /** Time on CPU in ns: the first field of {@code /proc/<pid>/schedstat}. */
    private static long cpuNanos(long pid) throws IOException {
        return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).split(" ")[0]);
    }
}
