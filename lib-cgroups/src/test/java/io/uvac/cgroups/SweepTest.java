package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.cgroups.internal.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeping groups whose owner is gone, on a fake hybrid cgroupfs. */
class SweepTest {

    @Test
    void onlyGroupsOfDeadOwnersAreKilledAndRemoved(@TempDir Path tmp) throws Exception {
        FakeKernel k = FakeKernel.hybrid(tmp);
        Cgroups cgroups = k.cgroups();
        cgroups.create("mine", Resources.none());
        k.alive.add(new ProcessIdentity(777, 1));
        for (String name : List.of("777.1-alive", "999.5-dead", "4242.999-recycled-pid", "not-ours"))
            for (String h : List.of("memory", "pids", "freezer", "unified")) k.mkdir(tmp.resolve(h + "/uvac/" + name));
        long orphan = k.start("uvac/999.5-dead");

        assertEquals(List.of("4242.999-recycled-pid", "999.5-dead"), cgroups.sweep());

        assertTrue(k.log.contains("write unified/uvac/999.5-dead/cgroup.kill = 1"), k.log.toString());
        assertTrue(orphan > 0);
        assertEquals(List.of("4242.1000-mine", "777.1-alive", "not-ours"), cgroups.groupNames());
        assertFalse(Files.exists(tmp.resolve("memory/uvac/999.5-dead")));
        assertEquals(List.of(), cgroups.sweep(), "nothing stale is left");
    }
}
