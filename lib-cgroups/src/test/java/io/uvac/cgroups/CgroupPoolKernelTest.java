package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The group pool on this host's hierarchies: groups come ready with their limits, spawn into them, close cleans. */
@Timeout(60)
class CgroupPoolKernelTest extends KernelFixture {

    @BeforeEach
    void detect() throws IOException {
        cgroups = Cgroups.detect();
    }

    private static void awaitFull(CgroupPool pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pool.ready() < pool.size()) {
            if (System.nanoTime() > deadline) throw new AssertionError("pool not filled in 20 s: " + pool);
            Thread.sleep(1);
        }
    }

    @Test
    void takenGroupHasItsLimitAndItsChildRunsInsideFromTheStart() throws Exception {
        Resources r = Resources.builder().memory("48M").pidsMax(32).build();
        String prefix = uniqueId();
        List<Path> untaken = new ArrayList<>();
        Cgroup g;
        try (CgroupPool pool = CgroupPool.builder(cgroups).resources(r).size(3).idPrefix(prefix).build()) {
            awaitFull(pool);
            g = pool.take();
            adopt(g);
            assertEquals(prefix + "-0", g.id());
            awaitFull(pool);
            for (String n : cgroups.groupNames())
                if (n.contains("-" + prefix + "-") && !n.equals(g.name()))
                    untaken.add(cgroups.parentDirectories().getFirst().resolve(n));
            assertEquals(3, untaken.size(), "three more ready beside the taken one: " + untaken);
            String inside = output(g, "/bin/cat", "/proc/self/cgroup");
            assertTrue(inside.contains(g.relativePath()), inside);
            Path memory = g.directory(Controller.MEMORY).orElseThrow();
            String limitFile = memory.startsWith("/sys/fs/cgroup/unified") || Files.exists(memory.resolve("memory.max"))
                    ? "memory.max" : "memory.limit_in_bytes";
            assertEquals(48L << 20, Long.parseLong(Files.readString(memory.resolve(limitFile)).strip()));
        }
        for (Path d : untaken) assertFalse(Files.exists(d), "close destroyed the untaken group " + d);
        assertTrue(g.directories().stream().allMatch(Files::exists), "the taken group is its holder's");
        assertEquals("", output(g, "/bin/true"), "the taken group still works after the pool closed");
    }

    @Test
    void resourcesTheHostLacksAreRefusedAtBuild() {
        var e = assertThrows(IllegalArgumentException.class, () -> CgroupPool.builder(cgroups)
                .resources(Resources.builder().cpusetCpus("1023").build()).build());
        assertTrue(e.getMessage().contains("not online"), e.getMessage());
    }

    @Test
    void aClosedPoolRefusesTakes() throws Exception {
        CgroupPool pool = CgroupPool.builder(cgroups).size(1).idPrefix(uniqueId()).build();
        pool.close();
        assertThrows(IllegalStateException.class, pool::take);
        pool.close();
    }

    @Test
    void destroyClosesDescriptorsOpenedInAdvanceThatNoSpawnTook() throws Exception {
        long before;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            before = fds.count();
        }
        try (CgroupPool pool = CgroupPool.builder(cgroups).size(1).idPrefix(uniqueId()).build()) {
            Cgroup g = pool.take();
            adopt(g);
            Cgroup again = pool.take(Duration.ofSeconds(20)).orElseThrow();
            adopt(again);
            g.destroy();
            again.destroy();
            assertTrue(g.isDestroyed() && again.isDestroyed());
        }
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            assertEquals(before, fds.count(), "no cgroup.procs or directory fd left open");
        }
    }
}
