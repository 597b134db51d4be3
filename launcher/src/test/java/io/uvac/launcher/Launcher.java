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
        collect(process.getInputStream(), stdout);
        collect(process.getErrorStream(), stderr);
    }

    static Launcher start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("uva_container").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Launcher(pb.start());
    }

    private static void collect(java.io.InputStream in, List<String> into) {
        Thread.ofPlatform().daemon(true).start(() -> {
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

    int waitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
            throw new AssertionError("launcher did not exit within " + timeout + "\nstdout:\n" + String.join("\n", stdout));
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
