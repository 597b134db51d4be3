package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.ExitStatus;
import io.uvac.namespaces.Namespace;
import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedding example of lib-cgroups/README.md, as written there, with a command that ends by itself. */
class ReadmeExampleKernelTest {
    private static boolean parentExisted;

    @BeforeAll
    static void root() throws Exception {
        Privileged.require();
        parentExisted = Cgroups.detect().parentDirectories().stream().anyMatch(Files::isDirectory);
    }

    @AfterAll
    static void parent() throws Exception {
        if (!parentExisted) Cgroups.detect().removeParentIfEmpty();
    }

    @Test
    void exampleRunsAndLeavesNothingBehind() throws Exception {
        List<Path> dirs;
        ExitStatus seen;
        long peak;

        // ---- from the README (command and id changed) ----
        Cgroups cgroups = Cgroups.detect();
        cgroups.sweep();

        Resources limits = Resources.builder().memory("256M").cpus(0.5).pidsMax(128).build();

        try (Cgroup group = cgroups.create("readme-" + ProcessHandle.current().pid(), limits)) {
            dirs = group.directories();
            ContainerProcess process;
            try (SpawnAttachment attach = group.openForSpawn()) {
                ContainerSpec.Builder spec = ContainerSpec.builder()
                        .command("/bin/sh", "-c", "exec /bin/dd if=/dev/zero of=/dev/null bs=8M count=4")
                        .namespaces(Namespace.container())
                        .cgroupProcs(attach.procsFiles());
                attach.cgroupDir().ifPresent(spec::cgroupInto);
                process = Containers.spawn(spec.build());
            }
            try (process) {
                ExitStatus status = process.waitFor(Duration.ofSeconds(30)).orElseThrow(); // README: waitFor()
                CgroupStats used = group.stats();
                System.out.println("[readme] " + status + ", peak " + ByteSize.format(used.memoryPeakBytes().orElse(0))
                        + ", OOM kills " + used.oomKills().orElse(0));
                seen = status;
                peak = used.memoryPeakBytes().orElse(0);
            }
        }
        // ---- end of the example ----

        assertEquals(new ExitStatus.Exited(0), seen);
        assertTrue(peak >= 8L << 20, "the 8M buffer was charged to the group: " + peak);
        for (Path d : dirs) assertFalse(Files.exists(d), d + " removed by close()");
    }
}
