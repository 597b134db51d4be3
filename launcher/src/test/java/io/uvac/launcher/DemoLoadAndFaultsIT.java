package io.uvac.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo under concurrent HTTP load (only to the containers' addresses and the published loopback ports),
 * and the faults a running demo can meet: a recorder killed from outside, one that cannot bind its port, no
 * python, its veth deleted by hand, its served directory removed.
 */
class DemoLoadAndFaultsIT {
    static final String POOL = "10.236.0.0/16";
    static final int PORT1 = 18381, PORT2 = 18382;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Path state;

    @BeforeEach
    void before() throws IOException {
        Privileged.require();
        state = Launcher.newStateDir("faults-");
    }

    @AfterEach
    void removeState() throws IOException {
        Launcher.deleteTree(state);
    }

    Launcher start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("demo", "--state-dir", state.toString(), "--pool", POOL,
                "--ports", PORT1 + "," + PORT2, "--grace", "1"));
        args.addAll(List.of(extra));
        return Launcher.start(args.toArray(String[]::new));
    }

    int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void concurrentLoadIsServedAndEachLogHoldsExactlyItsRequests() throws Exception {
        int perTarget = 250, clients = 8;
        String[] targets = {"http://10.236.1.2:8080", "http://localhost:" + PORT1, "http://10.236.2.2:8080", "http://localhost:" + PORT2};
        try (Launcher l = start()) {
            l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            AtomicInteger errors = new AtomicInteger();
            ConcurrentHashMap<Integer, AtomicInteger> ok = new ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> work = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    work.add(pool.submit(() -> {
                        for (int i = client; i < perTarget * targets.length; i += clients) {
                            int t = i % targets.length;
                            try {
                                // 404: no such file, but every GET is logged; the path says which target sent it
                                if (status(targets[t] + "/load-" + t + "-" + i) == 404) ok.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet();
                                else errors.incrementAndGet();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) f.get();
            }
            assertEquals(0, errors.get(), "failed requests");
            List<String> log1 = Files.readAllLines(state.resolve("recorder-1/tmp/http_recorder.log"));
            List<String> log2 = Files.readAllLines(state.resolve("recorder-2/tmp/http_recorder.log"));
            // recorder-1 got targets 0 and 1, recorder-2 targets 2 and 3, each exactly once per request
            assertEquals(2 * perTarget, log1.size());
            assertEquals(2 * perTarget, log2.size());
            assertTrue(log1.stream().allMatch(x -> x.matches("GET request for /load-[01]-\\d+")), "recorder-1 logged only its own");
            assertTrue(log2.stream().allMatch(x -> x.matches("GET request for /load-[23]-\\d+")), "recorder-2 logged only its own");
            assertEquals(2 * perTarget, log1.stream().distinct().count(), "no request logged twice");
            System.out.printf("load: %d requests sent, %d + %d logged, 0 errors%n", perTarget * targets.length, log1.size(), log2.size());
            l.terminate();
            assertEquals(0, l.waitExit(Duration.ofSeconds(30)), l.output());
            DemoEndToEndIT.assertNothingLeft(l.process.pid(), state);
        }
    }

    @Test
    void recorderKilledFromOutsideIsReportedAndTheOtherStopped() throws Exception {
        try (Launcher l = start()) {
            l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            long victim = recorderPid(l, "recorder-1");
            new ProcessBuilder("kill", "-KILL", Long.toString(victim)).start().waitFor();
            assertEquals(1, l.waitExit(Duration.ofSeconds(30)), l.output());
            assertTrue(l.stdout.contains("uva_container: recorder-1 ended on its own (killed by signal 9 (SIGKILL)); stopping the other"), l.output());
            DemoEndToEndIT.assertNothingLeft(l.process.pid(), state);
        }
    }

    @Test
    void recorderThatCannotBindIsReported() throws Exception {
        // Something else holds 8080 inside the container before the recorder starts: a wrapper binds it, then
        // execs the real, unmodified recorder (which fails with "Address already in use").
        // The recorder is exec'd from the state directory: a checkout under /tmp is hidden by the container's /tmp.
        Path recorder = Files.copy(Launcher.HOME.resolve("http_recorder.py"), state.resolve("http_recorder.py"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Path wrapper = state.resolve("busy-recorder.sh");
        Files.writeString(wrapper, "#!/bin/sh\n/usr/bin/python3 -c 'import socket,time; s=socket.socket(); "
                + "s.bind((\"\", 8080)); s.listen(); time.sleep(600)' &\nsleep 0.5\nexec " + recorder + "\n");
        wrapper.toFile().setExecutable(true);
        try (Launcher l = start("--recorder", wrapper.toString())) {
            assertEquals(1, l.waitExit(Duration.ofSeconds(60)), l.output());
            String out = String.join("\n", l.stdout);
            assertTrue(out.contains("Address already in use"), out);
            assertTrue(out.matches("(?s).*recorder-\\d ended on its own \\(exited with code 1\\).*"), out);
            DemoEndToEndIT.assertNothingLeft(l.process.pid(), state);
        }
    }

    @Test
    void missingPythonIsOneLine() throws Exception {
        // python3 hidden in a private mount namespace of the launcher only (the host's stays where it is)
        Launcher.Wrapped run = Launcher.runWrapped(125, List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "for p in /usr/local/bin/python3 /usr/bin/python3 /bin/python3; do [ -e $p ] && mount --bind /dev/null $p; done; exec "
                        + Launcher.HOME.resolve("uva_container") + " demo --state-dir " + state + " --pool " + POOL
                        + " --ports " + PORT1 + "," + PORT2));
        assertEquals("uva_container: python3 not found in the containers' PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin): "
                + "install it with apt-get install python3", run.output().trim());
        DemoEndToEndIT.assertNothingLeft(run.pid(), state); // unshare, sh and the launcher are one pid (exec)
    }

    @Test
    void vethDeletedByHandAndServedDirectoryRemovedAreReportedAndCleanedUp() throws Exception {
        try (Launcher l = start()) {
            l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            String veth = "uvac" + l.process.pid() + "-1";
            DemoEndToEndIT.exec("ip", "link", "del", veth);
            // recorder-1 is cut off (its netns lost eth0 with the pair); recorder-2 still answers
            assertEquals(200, status("http://localhost:" + PORT2 + "/"));
            try (var files = Files.walk(state.resolve("recorder-2/www"))) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
            // http.server calls os.getcwd() per request: with the directory gone the request fails, and the
            // recorder's traceback reaches this terminal under its name
            try {
                int after = status("http://localhost:" + PORT2 + "/");
                assertTrue(after >= 400, "an error status for a missing directory: " + after);
            } catch (IOException closedWithoutAnswer) {
                // equally honest: no listing of a directory that no longer exists
            }
            l.await(s -> s.startsWith("[recorder-2] FileNotFoundError"), Duration.ofSeconds(10));
            l.terminate();
            assertEquals(0, l.waitExit(Duration.ofSeconds(30)), l.output());
            assertTrue(l.stdout.contains("uva_container: recorder-1's host interface " + veth + " was already gone (deleted from outside?)"), l.output());
            DemoEndToEndIT.assertNothingLeft(l.process.pid(), state);
        }
    }

    static long recorderPid(Launcher l, String name) throws Exception {
        // the container's hostname is its name: find the launcher's child whose UTS namespace says so
        for (ProcessHandle c : ProcessHandle.of(l.process.pid()).orElseThrow().children().toList()) {
            Process p = new ProcessBuilder("nsenter", "-t", Long.toString(c.pid()), "-u", "hostname").start();
            String host = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            if (host.equals(name)) return c.pid();
        }
        throw new AssertionError("no container with hostname " + name);
    }
}
