package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The hazard behind the whole spawn design (DESIGN.md §2): a clone of a busy JVM must never hang. 2,000
 * spawns while another thread allocates as fast as it can; every spawn gets a deadline; afterwards the JVM
 * holds no more fds than before and no child is left.
 */
class SpawnStressTest {
    static final int SPAWNS = 2_000;

    @Test
    void twoThousandSpawnsUnderAllocationPressure() throws Exception {
        Privileged.require();
        AtomicBoolean stop = new AtomicBoolean();
        Thread allocator = Thread.ofPlatform().name("allocator").daemon(true).start(() -> {
            List<byte[]> keep = new ArrayList<>();
            while (!stop.get()) {
                keep.add(new byte[4096 + (keep.size() % 64) * 512]);
                if (keep.size() > 20_000) keep.clear();
            }
        });
        long fdsBefore = openFds();
        int hangs = 0, failures = 0;
        ExecutorService spawner = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("spawner").daemon(true).unstarted(r));
        try {
            for (int i = 0; i < SPAWNS; i++) {
                // Every tenth spawn also gets a network namespace: the slow path of the kernel side.
                EnumSet<Namespace> ns = EnumSet.of(Namespace.PID, Namespace.MOUNT, Namespace.UTS, Namespace.IPC);
                if (i % 10 == 0) ns.add(Namespace.NET);
                ContainerSpec spec = ContainerSpec.builder().command("/bin/true").namespaces(ns).build();
                Future<ExitStatus> f = spawner.submit(() -> {
                    try (ContainerProcess p = Containers.spawn(spec)) {
                        return p.waitFor(Duration.ofSeconds(10)).orElse(null);
                    }
                });
                try {
                    ExitStatus s = f.get(15, TimeUnit.SECONDS);
                    if (!new ExitStatus.Exited(0).equals(s)) failures++;
                } catch (TimeoutException e) {
                    hangs++;
                    break; // the spawner thread is stuck; nothing after this would be meaningful
                }
            }
        } finally {
            stop.set(true);
            spawner.shutdownNow();
            allocator.join(5_000);
        }
        assertEquals(0, hangs, "spawns that did not return within their deadline");
        assertEquals(0, failures, "spawns that did not exit 0");
        assertTrue(openFds() <= fdsBefore + 2, "fds before " + fdsBefore + ", after " + openFds());
        assertEquals(List.of(), children(), "children left behind");
    }

    static long openFds() throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    static List<String> children() throws Exception {
        List<String> out = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                Path c = t.resolve("children");
                if (Files.exists(c)) {
                    String s = Files.readString(c).trim();
                    if (!s.isEmpty()) out.add(s);
                }
            }
        }
        return out;
    }
}
