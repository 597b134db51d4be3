package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.Errno;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.spawn.SpawnFailedException;
import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers on the real kernel: what the process sees from inside. */
class SpawnIntegrationTest {

    @BeforeEach
    void root() {
        Privileged.require();
    }

    static ContainerSpec.Builder sh(String script) {
        return ContainerSpec.builder().command("/bin/sh", "-c", script).env("PATH", ContainerSpec.DEFAULT_PATH)
                .namespaces(Namespace.container());
    }

    @Test
    void trueInFiveNewNamespaces() throws Exception {
        Run r = Run.of(ContainerSpec.builder().command("/bin/true").namespaces(Namespace.container()));
        assertEquals(new ExitStatus.Exited(0), r.status());
    }

    @Test
    void missingProgramNamesTheStep() {
        var e = assertThrows(SpawnFailedException.class, () -> Containers.spawn(
                ContainerSpec.builder().command("/nonexistent").namespaces(Namespace.container()).build()));
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().matches("execve /nonexistent: No such file or directory \\(ENOENT\\) at step (\\d+)/\\1"),
                e.getMessage());
    }

    @Test
    void isPidOneWithItsOwnHostnameAndProc() throws Exception {
        String hostBefore = Posix.gethostname();
        Run r = Run.of(sh("echo pid=$$; hostname; ls /proc | grep -c '^[0-9]'")
                .hostname("box-1").mount(Mount.proc("/proc")));
        assertEquals(0, r.code(), r.output());
        String[] lines = r.output().trim().split("\n");
        assertEquals("pid=1", lines[0]);
        assertEquals("box-1", lines[1]);
        // sh is pid 1 and ls/grep are its only children: procfs shows this pid namespace only.
        assertTrue(Integer.parseInt(lines[2]) <= 3, r.output());
        assertEquals(hostBefore, Posix.gethostname(), "the host's hostname is untouched");
    }

    @Test
    void privateTmpAndMountsStayInside(@TempDir Path hostTmp) throws Exception {
        Path marker = Files.createTempFile("uvac-host-", ".marker");
        try {
            String mountsBefore = Files.readString(Path.of("/proc/self/mounts"));
            Run r = Run.of(sh("echo inside > /tmp/note; ls /tmp; grep -c ' /tmp ' /proc/self/mounts")
                    .mount(Mount.bind(hostTmp, "/tmp", false)));
            assertEquals(0, r.code(), r.output());
            assertFalse(r.output().contains(marker.getFileName().toString()), "the host's /tmp is hidden: " + r.output());
            assertEquals("inside\n", Files.readString(hostTmp.resolve("note")), "the bind source receives the write");
            assertEquals(mountsBefore, Files.readString(Path.of("/proc/self/mounts")), "no mount leaks to the host");
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void ownNetworkHasOnlyLoopback() throws Exception {
        Run r = Run.of(sh("ls /sys/class/net").mount(new Mount.Sysfs("/sys")));
        assertEquals(0, r.code(), r.output());
        assertEquals("lo", r.output().trim());
    }

    @Test
    void cleanEnvironmentSignalMaskAndFds() throws Exception {
        Run r = Run.of(sh("env | sort; grep SigBlk /proc/self/status; ls /proc/self/fd | sort -n | tr '\\n' ' '")
                .env("ONLY", "this").mount(Mount.proc("/proc")));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("ONLY=this"), r.output());
        assertFalse(r.output().contains("JAVA_HOME") || r.output().contains("HOME="), r.output());
        assertTrue(r.output().contains("SigBlk:\t0000000000000000"), "no signal blocked: " + r.output());
        // 0-2 plus the fd ls opens for the listing: nothing of the JVM's leaks in.
        assertTrue(r.output().trim().endsWith("0 1 2 3"), r.output());
    }

    @Test
    void exitCodesAndSignals() throws Exception {
        assertEquals(new ExitStatus.Exited(3), Run.of(sh("exit 3")).status());
        try (ContainerProcess p = Containers.spawn(sh("sleep 60").build())) {
            assertTrue(p.isAlive());
            // pid 1 ignores SIGTERM without a handler (sh has none), so stop() must fall back to SIGKILL.
            ExitStatus s = p.stop(signal_h.SIGTERM, Duration.ofMillis(200));
            assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), s);
            assertFalse(p.isAlive());
            p.kill(); // after the reap, a no-op rather than a signal to a recycled pid
        }
    }

    @Test
    void parentDeathSignalFollowsTheSpawningThread() throws Exception {
        java.util.concurrent.atomic.AtomicReference<ContainerProcess> child = new java.util.concurrent.atomic.AtomicReference<>();
        Thread spawner = Thread.ofPlatform().start(() -> {
            try {
                child.set(Containers.spawn(sh("sleep 60").parentDeathSignal(signal_h.SIGKILL).build()));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        spawner.join();
        try (ContainerProcess p = child.get()) {
            // The spawning thread has ended: the kernel sends the container its parent-death signal.
            assertEquals(new ExitStatus.Killed(signal_h.SIGKILL, false), p.waitFor(Duration.ofSeconds(10)).orElseThrow());
        }
        java.util.concurrent.atomic.AtomicReference<Throwable> fromVirtual = new java.util.concurrent.atomic.AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try (ContainerProcess unexpected = Containers.spawn(sh("true").parentDeathSignal(signal_h.SIGKILL).build())) {
                fromVirtual.set(new AssertionError("spawned from a virtual thread: " + unexpected));
            } catch (Throwable t) {
                fromVirtual.set(t);
            }
        }).join();
        assertInstanceOf(IllegalStateException.class, fromVirtual.get());
    }

    @Test
    void closeKillsAndReaps() throws Exception {
        ContainerProcess p = Containers.spawn(sh("sleep 60").build());
        int pid = p.pid();
        p.close();
        assertInstanceOf(ExitStatus.Killed.class, p.exitStatus().orElseThrow());
        assertFalse(Files.exists(Path.of("/proc/" + pid)), "reaped: no zombie left");
    }

    @Test
    void twoContainersBindTheSamePort() throws Exception {
        String py = "/usr/bin/python3";
        if (!Files.isExecutable(Path.of(py))) Privileged.unavailable("needs " + py + " (apt-get install python3)");
        String bind = "import socket,sys; s=socket.socket(); s.bind(('0.0.0.0', 8080)); s.listen(); print('bound', flush=True)";
        io.uvac.sys.Fd[] pipe = Posix.pipe();
        try (io.uvac.sys.Fd read = pipe[0]) {
            ContainerProcess a;
            try (io.uvac.sys.Fd write = pipe[1]) {
                a = Containers.spawn(ContainerSpec.builder().command(py, "-c", bind + "; sys.stdin.read()")
                        .namespaces(Namespace.container()).stdout(write).build());
            }
            try (a) {
                // Wait until the first container really holds 8080 (it keeps it until killed).
                java.lang.foreign.MemorySegment buf = java.lang.foreign.Arena.ofAuto().allocate(64);
                assertTrue(Posix.poll(read.get(), io.uvac.sys.raw.poll_h.POLLIN, 10_000) != 0, "first container bound");
                long n = Posix.read(read.get(), buf, 64, "pipe");
                assertEquals("bound\n", new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)));
                Run b = Run.of(ContainerSpec.builder().command(py, "-c", bind).namespaces(Namespace.container()));
                assertEquals(0, b.code(), b.output());
                assertEquals("bound", b.output().trim());
                assertTrue(a.isAlive());
            }
        }
    }
}
