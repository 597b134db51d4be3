package io.uvac.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Test harness around the real {@code ./uva_container}: its output, lines awaited with deadlines, cleanup by pid. */
final class Launcher implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("uvac.home", "..")).toAbsolutePath().normalize();

    final Process process;
    final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    private Launcher(Process process) {
        this.process = process;
        readers.add(collect(process.getInputStream(), stdout));
        readers.add(collect(process.getErrorStream(), stderr));
    }

    /**
     * A state directory for a demo under test, under /var/tmp: not inside the checkout, which may itself be under
     * /tmp (`git clone . /tmp/fresh`), where the launcher refuses state. Remove it with {@link #deleteTree}.
     */
    static Path newStateDir(String prefix) throws IOException {
        return java.nio.file.Files.createTempDirectory(Path.of("/var/tmp"), "uvac-e2e-" + prefix);
    }

    /** Removes {@code root} and everything below it; nothing when it does not exist. */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !java.nio.file.Files.exists(root)) return;
        try (var paths = java.nio.file.Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
        }
    }

    static Launcher start(String... args) throws IOException {
        return start(java.util.Map.of(), args);
    }

    /**
     * Runs {@code cmd} (which execs uva_container, e.g. under setpriv or unshare) to completion with a deadline,
     * stdout and stderr merged; kills it by pid if it overruns, so a failing test leaves nothing running.
     */
    record Wrapped(long pid, String output) {}

    static Wrapped runWrapped(int expectedExit, List<String> cmd) throws Exception {
        java.io.File out = java.io.File.createTempFile("uvac-launcher", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            boolean exited = p.waitFor(60, TimeUnit.SECONDS);
            String text = java.nio.file.Files.readString(out.toPath());
            if (!exited) throw new AssertionError("did not exit within 60 s: " + cmd + "\n" + text);
            org.junit.jupiter.api.Assertions.assertEquals(expectedExit, p.exitValue(), text);
            return new Wrapped(p.pid(), text);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            out.delete();
        }
    }

    /** Starts it with {@code env} added to the environment (e.g. UVAC_TRACE=1 for the start-up phases on stderr). */
    static Launcher start(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("uva_container").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return new Launcher(pb.start());
    }

    private final List<Thread> readers = new ArrayList<>();

    private static Thread collect(java.io.InputStream in, List<String> into) {
        return Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (into) {
                        into.add(line);
                        into.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Waits for a stdout line matching {@code p}; fails with the whole output otherwise. */
    String await(Predicate<String> p, Duration timeout) throws InterruptedException {
        return await(stdout, p, timeout);
    }

    /** Waits for a stderr line matching {@code p} (where uva_container run reports the container's address). */
    String awaitErr(Predicate<String> p, Duration timeout) throws InterruptedException {
        return await(stderr, p, timeout);
    }

    private String await(List<String> lines, Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) if (p.test(l)) return l;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || !process.isAlive())
                    throw new AssertionError("no expected line within " + timeout + "; alive=" + process.isAlive()
                            + "\n" + output());
                lines.wait(Math.min(left, 200));
            }
        }
    }

    /**
     * SIGTERM, as a person's {@code kill} would send it. Not {@code Process.destroy()}: that also closes this
     * side's pipes, so whatever the launcher prints while it stops would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    int waitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
            throw new AssertionError("launcher did not exit within " + timeout + "\nstdout:\n" + String.join("\n", stdout));
        // its last lines may still be in the pipes: read them before anyone asserts on the output
        for (Thread r : readers) r.join(5_000);
        return process.exitValue();
    }

    String output() {
        return "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
    }

    /** Kills the launcher by pid if it still runs; its containers follow through PR_SET_PDEATHSIG. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
