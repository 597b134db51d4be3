package io.uvac.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code ./uva_container}: two recorders, HTTP to each container address and each published
 * loopback port, each log holding exactly its own requests, and a host left as it was after the stop.
 * Uses its own pool, ports and state directory so it cannot collide with a demo a person is running.
 */
class DemoEndToEndIT {
    static final String POOL = "10.231.0.0/16";
    static final int PORT1 = 18081, PORT2 = 18082;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String mountsBefore;

    /** Not under /tmp: the containers replace /tmp with their own, so the launcher refuses state there. */
    Path state;

    @BeforeEach
    void before() throws IOException {
        Privileged.require();
        mountsBefore = Files.readString(Path.of("/proc/self/mounts"));
        state = Launcher.newStateDir("demo-");
    }

    @AfterEach
    void removeState() throws IOException {
        Launcher.deleteTree(state);
    }

    @AfterEach
    void hostUnchanged() throws Exception {
        assertEquals(mountsBefore, Files.readString(Path.of("/proc/self/mounts")), "mounts on the host");
    }

    /** GET expecting {@code status}: the recorder logs every GET, and answers 404 for paths it has no file for. */
    String get(String url, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), url);
        return r.body();
    }

    String get(String url) throws Exception {
        return get(url, 200);
    }

    @Test
    void twoRecordersServeAndLogOnlyTheirOwnRequests() throws Exception {
        long launcherPid;
        try (Launcher l = Launcher.start("demo", "--state-dir", state.toString(), "--pool", POOL,
                "--ports", PORT1 + "," + PORT2)) {
            launcherPid = l.process.pid();
            l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));

            String c1 = "http://10.231.1.2:8080", c2 = "http://10.231.2.2:8080";
            String h1 = "http://localhost:" + PORT1, h2 = "http://localhost:" + PORT2;
            get(c1 + "/direct-one", 404);
            get(c2 + "/direct-two", 404);
            get(h1 + "/published-one", 404);
            get(h2 + "/published-two", 404);
            String list1 = get(h1 + "/"), list2 = get(c2 + "/");
            assertTrue(list1.contains("recorder-1-notes.txt") && !list1.contains("recorder-2"), list1);
            assertTrue(list2.contains("recorder-2-notes.txt") && !list2.contains("recorder-1"), list2);
            assertTrue(get(c1 + "/about-recorder-1.txt").startsWith("Served by recorder-1"));

            Path log1 = state.resolve("recorder-1/tmp/http_recorder.log"), log2 = state.resolve("recorder-2/tmp/http_recorder.log");
            assertEquals(List.of("GET request for /direct-one", "GET request for /published-one", "GET request for /",
                    "GET request for /about-recorder-1.txt"), Files.readAllLines(log1));
            assertEquals(List.of("GET request for /direct-two", "GET request for /published-two", "GET request for /"),
                    Files.readAllLines(log2));
            l.await(s -> s.startsWith("[recorder-2] GET request for /published-two"), Duration.ofSeconds(10));

            l.terminate();
            assertEquals(0, l.waitExit(Duration.ofSeconds(30)), l.output());
        }
        assertNothingLeft(launcherPid, state);
    }

    /** Exactly `./uva_container`: the defaults (ports 8081/8082, 10.200.0.0/16, /var/lib/uvac/demo). Sends no request. */
    @Test
    void noArgumentsStartsTheDemoWithItsDefaults() throws Exception {
        // The demo keeps its logs under /var/lib/uvac/demo on purpose; what this test made there, it removes.
        Path madeHere = Files.exists(DEFAULT_STATE.getParent()) ? (Files.exists(DEFAULT_STATE) ? null : DEFAULT_STATE)
                : DEFAULT_STATE.getParent();
        Throwable failure = null;
        try {
            runDefaults();
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            if (madeHere != null) {
                try {
                    Launcher.deleteTree(madeHere);
                } catch (IOException e) {
                    if (failure == null) throw e;
                    failure.addSuppressed(e); // the test's own failure says more
                }
            }
        }
    }

    private static final Path DEFAULT_STATE = Path.of("/var/lib/uvac/demo");

    private void runDefaults() throws Exception {
        try (Launcher l = Launcher.start()) {
            l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            String out = String.join("\n", l.stdout);
            assertTrue(out.contains("container URL : http://10.200.1.2:8080/") && out.contains("localhost URL : http://localhost:8082/")
                    && out.contains("log           : /var/lib/uvac/demo/recorder-2/tmp/http_recorder.log")
                    && out.contains("limits        : memory 128M, pids 64"), out);
            l.terminate();
            assertEquals(0, l.waitExit(Duration.ofSeconds(30)), l.output());
            assertNothingLeft(l.process.pid(), Path.of("/var/lib/uvac/demo"));
        }
    }

    @Test
    void busyPortIsOneLineAndLeavesNothing() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", PORT2));
            try (Launcher l = Launcher.start("demo", "--state-dir", state.toString(), "--pool", POOL,
                    "--ports", PORT1 + "," + PORT2)) {
                assertEquals(125, l.waitExit(Duration.ofSeconds(60)), l.output());
                assertEquals(1, l.stderr.size(), l.output());
                assertTrue(l.stderr.get(0).contains("port " + PORT2 + " on 127.0.0.1 is already in use"), l.output());
                assertNothingLeft(l.process.pid(), state);
            }
        }
    }

    @Test
    void launcherKilledWithSigkillTakesItsContainersAlongAndTheNextStartWorks() throws Exception {
        long first;
        List<Long> recorders;
        try (Launcher l = Launcher.start("demo", "--state-dir", state.toString(), "--pool", POOL,
                "--ports", PORT1 + "," + PORT2)) {
            first = l.process.pid();
            l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            recorders = ProcessHandle.of(first).orElseThrow().children().map(ProcessHandle::pid).toList();
            assertEquals(2, recorders.size(), "two containers under the launcher");
            l.process.destroyForcibly(); // SIGKILL: no cleanup code runs
            l.process.waitFor();
        }
        // PR_SET_PDEATHSIG kills the containers; their netns die and take the veths along.
        assertNothingLeft(first, state);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (long pid : recorders) {
            // Killed at once; gone from /proc once the host's init has reaped the orphan.
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) Thread.sleep(20);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "recorder " + pid + " outlived its launcher");
        }
        try (Launcher again = Launcher.start("demo", "--state-dir", state.toString(), "--pool", POOL,
                "--ports", PORT1 + "," + PORT2)) {
            again.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
            get("http://localhost:" + PORT1 + "/");
            again.terminate();
            assertEquals(0, again.waitExit(Duration.ofSeconds(30)), again.output());
            assertNothingLeft(again.process.pid(), state);
        }
    }

    @Test
    void routedAddressRangeIsRefused() throws Exception {
        String pool = "10.233.0.0/16";
        exec("ip", "route", "add", "blackhole", pool);
        try (Launcher l = Launcher.start("demo", "--state-dir", state.toString(), "--pool", pool,
                "--ports", PORT1 + "," + PORT2)) {
            assertEquals(125, l.waitExit(Duration.ofSeconds(60)), l.output());
            assertEquals(1, l.stderr.size(), l.output());
            assertTrue(l.stderr.get(0).contains("address range 10.233.1.0/30 is already routed on the host"), l.output());
            assertNothingLeft(l.process.pid(), state);
        } finally {
            exec("ip", "route", "del", "blackhole", pool);
        }
    }

    @Test
    void withoutCapabilitiesIsOneLine() throws Exception {
        // root, but with CAP_SYS_ADMIN and CAP_NET_ADMIN dropped from the bounding set before exec
        Launcher.Wrapped run = Launcher.runWrapped(125, List.of("setpriv", "--bounding-set", "-sys_admin,-net_admin", "--inh-caps", "-all",
                Launcher.HOME.resolve("uva_container").toString(), "demo", "--state-dir", state.toString()));
        String out = run.output();
        assertTrue(out.trim().startsWith("uva_container: uva_container needs root with CAP_SYS_ADMIN and CAP_NET_ADMIN"), out);
        assertNothingLeft(run.pid(), state);
    }

    /** SHA-256 of the seed's http_recorder.py, so a checkout without ../shared beside it can check it too. */
    static final String SEED_SHA256 = "9d145ead3aedb0d0ccda610ee7c08ab00a529af91550eac235a4a4b1f7c4999f";

    @Test
    void recorderIsTheSeedsProgramByteForByte() throws Exception {
        Path ours = Launcher.HOME.resolve("http_recorder.py");
        byte[] bytes = Files.readAllBytes(ours);
        assertEquals(SEED_SHA256, java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)), "http_recorder.py was changed");
        Path seed = Launcher.HOME.resolve("../shared/http_recorder.py");
        if (Files.exists(seed)) assertEquals(java.util.Arrays.toString(Files.readAllBytes(seed)), java.util.Arrays.toString(bytes));
        assertTrue(Files.isExecutable(ours), "http_recorder.py is executable");
    }

    static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    /** A checkout under /tmp (e.g. `git clone . /tmp/fresh`): the program is bound in before /tmp is covered. */
    @Test
    void recorderProgramUnderTmpStillRuns() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "uvac-recorder-");
        try {
            Path copy = Files.copy(Launcher.HOME.resolve("http_recorder.py"), dir.resolve("http_recorder.py"));
            try (Launcher l = Launcher.start("demo", "--state-dir", state.toString(), "--pool", POOL,
                    "--ports", PORT1 + "," + PORT2, "--recorder", copy.toString())) {
                l.await(s -> s.contains("both recorders answer"), Duration.ofSeconds(60));
                get("http://localhost:" + PORT2 + "/under-tmp", 404);
                assertEquals(List.of("GET request for /under-tmp"), Files.readAllLines(state.resolve("recorder-2/tmp/http_recorder.log")));
                l.terminate();
                assertEquals(0, l.waitExit(Duration.ofSeconds(30)), l.output());
                assertNothingLeft(l.process.pid(), state);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
    }

    @Test
    void stateUnderTmpIsRefused() throws Exception {
        try (Launcher l = Launcher.start("demo", "--state-dir", "/tmp/uvac-state")) {
            assertEquals(125, l.waitExit(Duration.ofSeconds(60)), l.output());
            assertTrue(l.stderr.get(0).contains("is under /tmp"), l.output());
        }
    }

    @Test
    void missingRecorderProgramIsOneLine() throws Exception {
        try (Launcher l = Launcher.start("demo", "--state-dir", state.toString(), "--recorder", "/nonexistent/rec.py")) {
            assertEquals(125, l.waitExit(Duration.ofSeconds(60)), l.output());
            assertEquals(List.of("uva_container: recorder program /nonexistent/rec.py does not exist"), l.stderr);
        }
    }

    /** No veth named for the launcher, no process working in the state directory. */
    static void assertNothingLeft(long launcherPid, Path state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> left;
        do {
            left = leftovers(launcherPid, state);
            if (left.isEmpty()) return;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        for (String link : left) if (link.startsWith("link ")) Runtime.getRuntime().exec(new String[] {"ip", "link", "del", link.substring(5)}).waitFor();
        assertFalse(true, "left behind: " + left);
    }

    static List<String> leftovers(long launcherPid, Path state) throws Exception {
        List<String> out = new ArrayList<>();
        try (var links = Files.list(Path.of("/sys/class/net"))) {
            for (Path p : links.toList())
                if (p.getFileName().toString().startsWith("uvac" + launcherPid + "-")) out.add("link " + p.getFileName());
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readSymbolicLink(p.resolve("cwd")).startsWith(state)) out.add("process " + p.getFileName());
                } catch (IOException gone) {
                    // exited meanwhile, or a kernel thread
                }
            }
        }
        return out;
    }
}
