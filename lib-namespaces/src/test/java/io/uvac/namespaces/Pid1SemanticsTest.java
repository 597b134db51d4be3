package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What uvac does and does not do as the parent of a container's PID 1.
 *
 * <p>uvac runs the user's program as PID 1 and adds no init: a PID 1 that never calls wait (python's
 * http.server, sleep) keeps its orphans as zombies for as long as it lives. They are confined to the
 * container's pid namespace and freed by the kernel when PID 1 ends (it kills and reaps the whole
 * namespace), so nothing reaches the host. A program that forks and abandons children should bring its own
 * reaper (e.g. {@code tini} as the command). This test pins that behaviour down, and that the library reaps
 * only its own containers, never the embedding program's other children.
 */
class Pid1SemanticsTest {
    @BeforeEach
    void root() {
        Privileged.require();
    }

    @Test
    void orphansOfANonReapingPid1StayZombiesUntilItEndsThenTheNamespaceIsCleared() throws Exception {
        ContainerSpec spec = ContainerSpec.builder().command("/bin/sh", "-c", "(/bin/sleep 0.1 &); exec /bin/sleep 60")
                .namespaces(EnumSet.of(Namespace.PID, Namespace.MOUNT, Namespace.UTS, Namespace.IPC)).build();
        long orphan;
        try (ContainerProcess p = Containers.spawn(spec)) {
            orphan = awaitZombieChild(p.pid(), Duration.ofSeconds(10));
            assertTrue(orphan > 0, "the orphan became a zombie under the container's PID 1 (nobody reaps it)");
            p.kill();
            assertEquals(new ExitStatus.Killed(9, false), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(Path.of("/proc/" + orphan)) && System.nanoTime() < deadline) Thread.sleep(10);
        assertFalse(Files.exists(Path.of("/proc/" + orphan)), "the zombie went with its namespace");
    }

    @Test
    void withInitOrphansAreReapedSignalsForwardedAndTheStatusPassedOn() throws Exception {
        ContainerSpec.Builder spec = ContainerSpec.builder()
                .command("/bin/sh", "-c", "(/bin/sleep 0.1 &); trap 'exit 7' TERM; sleep 60 & wait")
                .namespaces(EnumSet.of(Namespace.PID, Namespace.MOUNT, Namespace.UTS, Namespace.IPC)).init(true);
        try (ContainerProcess p = Containers.spawn(spec.build())) {
            // The orphaned sleep is reparented to uvac-init, which reaps it: no zombie appears.
            assertEquals(-1, awaitZombieChild(p.pid(), Duration.ofSeconds(1)), "uvac-init left a zombie");
            Thread.sleep(300); // the orphan has ended by now (0.1 s) and was reaped
            assertEquals(-1, awaitZombieChild(p.pid(), Duration.ofMillis(200)));
            // SIGTERM from outside reaches the command through uvac-init (a bare PID 1 sh would ignore it).
            p.signal(15);
            assertEquals(new ExitStatus.Exited(7), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        }
        try (ContainerProcess p = Containers.spawn(spec.command("/no/such/program").build())) {
            assertEquals(new ExitStatus.Exited(127), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        }
    }

    @Test
    void theEmbeddingProgramsOwnChildrenAreNeverReapedByTheLibrary() throws Exception {
        Process own = new ProcessBuilder("/bin/sh", "-c", "exit 42").start();
        for (int i = 0; i < 50; i++) {
            try (ContainerProcess p = Containers.spawn(ContainerSpec.builder().command("/bin/true")
                    .namespaces(EnumSet.of(Namespace.PID, Namespace.MOUNT)).build())) {
                assertEquals(new ExitStatus.Exited(0), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
            }
        }
        // Had the library reaped with waitpid(-1), the JDK would have lost this status.
        assertTrue(own.waitFor(10, TimeUnit.SECONDS));
        assertEquals(42, own.exitValue());
    }

    /** Polls the children of {@code pid} until one is a zombie; returns its pid, or -1 at the deadline. */
    private static long awaitZombieChild(long pid, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String children = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).trim();
            for (String c : children.isEmpty() ? new String[0] : children.split("\\s+")) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + c + "/stat"));
                    if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) return Long.parseLong(c);
                } catch (java.io.IOException gone) {
                    // reaped meanwhile
                }
            }
            Thread.sleep(10);
        }
        return -1;
    }
}
