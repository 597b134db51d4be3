package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.poll_h;
import io.uvac.sys.testing.Privileged;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the real-kernel tests: root gate, unique group ids, processes spawned straight into a group through
 * lib-namespaces, and cleanup that runs even when a test fails: processes killed through their pidfds, groups
 * destroyed, then checked gone; the {@code uvac} parent removed at the end if this class created it.
 */
abstract class KernelFixture {
    private static boolean parentExisted;

    protected Cgroups cgroups;
    private final List<Cgroup> groups = new ArrayList<>();
    private final List<ContainerProcess> processes = new ArrayList<>();

    @BeforeAll
    static void rootAndParent() throws IOException {
        Privileged.require();
        Cgroups c = Cgroups.detect();
        parentExisted = c.parentDirectories().stream().anyMatch(Files::isDirectory);
    }

    /**
     * Groups first: destroying one kills everything in it, with the library's bounded waits. Then each process
     * is killed through its pidfd and reaped with a deadline; ContainerProcess.close() waits without one, so it
     * only runs once the process is known to have exited (a process that never exits is reported, not waited on).
     */
    @AfterEach
    void cleanUp() throws IOException {
        List<Throwable> failures = new ArrayList<>();
        for (Cgroup g : groups) {
            try {
                g.destroy();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        for (ContainerProcess p : processes) {
            try {
                p.kill();
                if (p.waitFor(Duration.ofSeconds(10)).isPresent()) p.close();
                else failures.add(new AssertionError(p + " did not exit within 10 s of SIGKILL"));
            } catch (IOException e) {
                failures.add(e);
            }
        }
        for (Cgroup g : groups)
            for (Path d : g.directories())
                if (Files.exists(d)) failures.add(new AssertionError("group directory left behind: " + d));
        if (!failures.isEmpty()) {
            AssertionError all = new AssertionError("cleanup failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(all::addSuppressed);
            throw all;
        }
    }

    @AfterAll
    static void removeParentIfWeMadeIt() throws IOException {
        if (!parentExisted) Cgroups.detect().removeParentIfEmpty();
    }

    protected static String uniqueId() {
        return "test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    protected Cgroup create(Cgroups in, Resources r) throws IOException {
        Cgroup g = in.create(uniqueId(), r);
        groups.add(g);
        return g;
    }

    /** Makes the clean-up destroy {@code g} too (a group this test did not create itself, e.g. from a pool). */
    protected Cgroup adopt(Cgroup g) {
        groups.add(g);
        return g;
    }

    protected Cgroup create(Resources r) throws IOException {
        return create(cgroups, r);
    }

    /** Spawns {@code argv} inside {@code g} from its first instruction: v1 procs files and/or CLONE_INTO_CGROUP. */
    protected ContainerProcess spawn(Cgroup g, UnaryOperator<ContainerSpec.Builder> more, String... argv) throws IOException {
        try (SpawnAttachment a = g.openForSpawn()) {
            ContainerSpec.Builder b = ContainerSpec.builder().command(argv).cgroupProcs(a.procsFiles());
            a.cgroupDir().ifPresent(b::cgroupInto);
            ContainerProcess p = Containers.spawn(more.apply(b).build());
            processes.add(p);
            return p;
        }
    }

    protected ContainerProcess spawn(Cgroup g, String... argv) throws IOException {
        return spawn(g, UnaryOperator.identity(), argv);
    }

    /** Runs {@code argv} in {@code g} and returns its stdout once it exited (bounded). */
    protected String output(Cgroup g, String... argv) throws IOException {
        Fd[] pipe = Posix.pipe();
        try (Fd read = pipe[0]) {
            ContainerProcess p;
            try (Fd write = pipe[1]) {
                p = spawn(g, b -> b.stdout(write), argv);
            }
            String out = drain(read, Duration.ofSeconds(20));
            assertEquals(new io.uvac.namespaces.ExitStatus.Exited(0), p.waitFor(Duration.ofSeconds(20)).orElseThrow());
            return out;
        }
    }

    private static String drain(Fd fd, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(4096);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError("no EOF on the output pipe within " + timeout + ": " + out);
                if (Posix.poll(fd.get(), poll_h.POLLIN, (int) left) == 0) continue;
                long n = Posix.read(fd.get(), buf, buf.byteSize(), "output pipe");
                if (n == 0) return out.toString(StandardCharsets.UTF_8);
                out.write(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), 0, (int) n);
            }
        }
    }

    /** Sleeps a bounded time; for the CPU measurements only. */
    protected static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The lines of {@code /proc/<pid>/cgroup}: {@code "4:memory:/uvac/..."}. */
    protected static List<String> cgroupsOf(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"));
    }
}
