package io.uvac.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.uvac.sys.testing.Privileged;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./uva_container run} through the real CLI, against the busybox rootfs of {@code make rootfs}. */
class RunCommandIT {
    static final Path ROOTFS = Launcher.HOME.resolve("rootfs");
    String mountsBefore;

    @BeforeAll
    static void rootfs() throws Exception {
        Privileged.require();
        Process p = new ProcessBuilder(Launcher.HOME.resolve("scripts/build-rootfs").toString(), ROOTFS.toString())
                .inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) Privileged.unavailable("make rootfs failed");
    }

    @BeforeEach
    void before() throws IOException {
        mountsBefore = Files.readString(Path.of("/proc/self/mounts"));
    }

    @AfterEach
    void after() throws IOException {
        assertEquals(mountsBefore, Files.readString(Path.of("/proc/self/mounts")), "host mounts unchanged");
    }

    /** Runs uva_container to completion; returns {exit code, stdout, stderr}. */
    static Result run(String... args) throws Exception {
        try (Launcher l = Launcher.start(args)) {
            int code = l.waitExit(Duration.ofSeconds(60));
            return new Result(code, String.join("\n", l.stdout), String.join("\n", l.stderr), l.process.pid());
        }
    }

    record Result(int code, String out, String err, long pid) {
        Result ok() {
            assertEquals(0, code, "stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    /** The launcher's one child: the container's pid 1 as the host sees it. */
    static long awaitChild(long launcherPid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var kids = ProcessHandle.of(launcherPid).orElseThrow().children().toList();
            for (ProcessHandle k : kids) if (k.info().command().map(c -> c.endsWith("busybox")).orElse(false)) return k.pid();
            Thread.sleep(20);
        }
        throw new AssertionError("no container under launcher " + launcherPid);
    }

    String[] rootfsRun(String... cmd) {
        String[] base = {"run", "--rootfs", ROOTFS.toString(), "--no-tty", "--"};
        String[] all = new String[base.length + cmd.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(cmd, 0, all, base.length, cmd.length);
        return all;
    }

    /**
     * A launcher started with signals ignored (as `cmd &` from a script ignores SIGINT, nohup SIGHUP) must not
     * hand that to the container: there SIGINT could no longer stop the program.
     */
    @Test
    void signalsIgnoredByTheLaunchersParentStartAtTheirDefaultInside() throws Exception {
        String uva = Launcher.HOME.resolve("uva_container").toString();
        Launcher.Wrapped w = Launcher.runWrapped(0, List.of("/bin/bash", "-c",
                "trap '' HUP INT QUIT PIPE TERM USR1; grep SigIgn /proc/self/status; exec " + uva
                        + " run --no-tty -- /bin/grep SigIgn /proc/self/status"));
        String[] lines = w.output().strip().split("\n");
        long parent = Long.parseUnsignedLong(lines[0].substring("SigIgn:".length()).strip(), 16);
        assertEquals(0x5207L, parent & 0x5207L, "the launcher's parent ignores them: " + w.output());
        assertEquals("SigIgn:\t0000000000000000", lines[lines.length - 1], w.output());
    }

    @Test
    void listsItsRootfsAndIsPidOneWithItsOwnHostname() throws Exception {
        Result r = run("run", "--rootfs", ROOTFS.toString(), "--hostname", "box-one", "--no-tty", "--",
                "sh", "-c", "ls /; echo pid=$$; hostname; ps -o pid,comm").ok();
        List<String> lines = List.of(r.out().split("\n"));
        assertTrue(lines.containsAll(List.of("bin", "dev", "etc", "proc", "sys", "tmp")), r.out());
        assertTrue(lines.contains("pid=1"), r.out());
        assertTrue(lines.contains("box-one"), r.out());
        // sh execs its last command, so ps is pid 1 and the only process of this pid namespace.
        List<String> procs = lines.stream().filter(l -> l.matches("\\s*\\d+ \\S+")).toList();
        assertEquals(List.of("    1 ps"), procs, r.out());
    }

    @Test
    void exitStatusIsTheContainers() throws Exception {
        assertEquals(7, run(rootfsRun("sh", "-c", "exit 7")).code());
        try (Launcher l = Launcher.start(rootfsRun("sleep", "300"))) {
            // pid 1 cannot be killed from inside its namespace, so the signal comes from here, by the pid we started.
            long container = awaitChild(l.process.pid());
            new ProcessBuilder("kill", "-KILL", Long.toString(container)).start().waitFor();
            assertEquals(128 + 9, l.waitExit(Duration.ofSeconds(30)), l.output());
        }
        Result nf = run(rootfsRun("no-such-command"));
        assertEquals(127, nf.code(), nf.err());
        assertTrue(nf.err().contains("no-such-command: command not found"), nf.err());
        Result nx = run(rootfsRun("/etc/passwd"));
        assertEquals(126, nx.code(), nx.err());
    }

    @Test
    void memoryHogIsKilledUnderItsLimit() throws Exception {
        Result r = run(rootfsRun("dd", "if=/dev/zero", "of=/dev/null", "bs=256M", "count=1"));
        assertEquals(0, r.code(), "without a limit the 256M buffer fits: " + r.err());
        String[] limited = {"run", "--rootfs", ROOTFS.toString(), "--memory", "32M", "--no-tty", "--",
            "dd", "if=/dev/zero", "of=/dev/null", "bs=256M", "count=1"};
        Result k = run(limited);
        assertEquals(128 + 9, k.code(), "OOM-killed (SIGKILL): " + k.err());
        assertNoCgroupLeft();
    }

    @Test
    void cpusetZeroLeavesOneCpu() throws Exception {
        Result r = run("run", "--rootfs", ROOTFS.toString(), "--cpuset", "0", "--pids", "32", "--cpus", "0.5", "--no-tty", "--",
                "sh", "-c", "nproc; cat /proc/self/status | grep Cpus_allowed_list").ok();
        assertEquals("1", r.out().split("\n")[0], r.out());
        assertTrue(r.out().matches("(?s).*Cpus_allowed_list:\\s+0\\s*"), r.out());
        assertNoCgroupLeft();
    }

    /** Neither the container's group nor the shared {@code uvac} parent is left in any hierarchy. */
    static void assertNoCgroupLeft() throws IOException {
        try (var s = Files.find(Path.of("/sys/fs/cgroup"), 3, (p, a) -> p.getFileName() != null
                && p.getFileName().toString().startsWith("uvac") && a.isDirectory())) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void initReapsOrphansAndIsPidOne() throws Exception {
        // Without --init, sh would be pid 1 and its orphaned sleep a zombie ("Z") until the end.
        Result r = run("run", "--rootfs", ROOTFS.toString(), "--init", "--no-tty", "--", "sh", "-c",
                "(sleep 0.1 &); sleep 0.5; ps -o pid,stat,comm").ok();
        List<String> lines = List.of(r.out().split("\n"));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s*1 \\S+\\s+\\S*uvac-init")), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.matches("\\s*\\d+ Z.*")), "no zombie: " + r.out());
        assertEquals(3, run("run", "--rootfs", ROOTFS.toString(), "--init", "--no-tty", "--", "sh", "-c", "exit 3").code());
    }

    @Test
    void withoutRootfsKeepsHostTreeWithOwnProcAndTmp() throws Exception {
        Path marker = Files.createTempFile(Path.of("/tmp"), "uvac-host-", ".marker");
        try {
            Result r = run("run", "--no-tty", "--", "/bin/sh", "-c", "echo $$; ls /tmp | wc -l; test -x /usr/bin/java -o -d /usr/lib/jvm && echo host-tree").ok();
            assertEquals(List.of("1", "0", "host-tree"), List.of(r.out().split("\n")));
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void hostAndContainerTalkOverTheVethBothWays(@TempDir Path www) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        server.createContext("/from-host", x -> {
            byte[] b = "host says hi".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            Result r = run("run", "--rootfs", ROOTFS.toString(), "--ip", "10.232.0.2/24", "--no-tty", "--",
                    "sh", "-c", "ip -4 addr show eth0 | grep -o 'inet [0-9./]*'; wget -qO- http://10.232.0.1:" + port + "/from-host").ok();
            assertEquals(List.of("inet 10.232.0.2/24", "host says hi"), List.of(r.out().split("\n")), r.err());
            assertTrue(r.err().contains("host end uvac" + r.pid() + "-1 10.232.0.1/24"), r.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void twoContainersOnTheSamePortEachAtItsOwnAddress(@TempDir Path tmp) throws Exception {
        Path w1 = Files.createDirectories(tmp.resolve("one")), w2 = Files.createDirectories(tmp.resolve("two"));
        Files.writeString(w1.resolve("who"), "one\n");
        Files.writeString(w2.resolve("who"), "two\n");
        try (Launcher a = Launcher.start("run", "--rootfs", ROOTFS.toString(), "--ip", "10.232.1.2/30", "-v", w1 + ":/www:ro",
                "-p", "18091:8080", "--stop-timeout", "1", "--no-tty", "--", "httpd", "-f", "-p", "8080", "-h", "/www");
             Launcher b = Launcher.start("run", "--rootfs", ROOTFS.toString(), "--ip", "10.232.2.2/30", "-v", w2 + ":/www:ro",
                "--stop-timeout", "1", "--no-tty", "--", "sh", "-c", "httpd -p 8080 -h /www; sleep 1; ps -o comm | grep -c httpd; sleep 600")) {
            // Only once each veth exists: before that these addresses would route out of the host.
            a.awaitErr(l -> l.contains(" at 10.232.1.2,"), Duration.ofSeconds(30));
            b.awaitErr(l -> l.contains(" at 10.232.2.2,"), Duration.ofSeconds(30));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            assertEquals("one\n", getWithRetry(http, "http://10.232.1.2:8080/who"), a.output());
            assertEquals("two\n", getWithRetry(http, "http://10.232.2.2:8080/who"), b.output());
            assertEquals("one\n", getWithRetry(http, "http://127.0.0.1:18091/who"));
            b.await(l -> l.equals("1"), Duration.ofSeconds(10)); // b's ps sees its own httpd, not a's
            a.terminate();
            b.terminate();
            a.waitExit(Duration.ofSeconds(30));
            b.waitExit(Duration.ofSeconds(30));
        }
    }

    static String getWithRetry(HttpClient http, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return r.body();
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) throw notYet;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no 200 from " + url);
            Thread.sleep(20);
        }
    }

    @Test
    void badInputIsOneLineExit125AndNothingLeft(@TempDir Path tmp) throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            int busyPort = busy.getLocalPort();
            String[][] cases = {
                {"rootfs /nonexistent-rootfs does not exist", "run", "--rootfs", "/nonexistent-rootfs", "true"},
                {"invalid --ip '10.1.2.300/24'", "run", "--ip", "10.1.2.300/24", "true"},
                {"invalid --ip '10.1.2.3/33'", "run", "--ip", "10.1.2.3/33", "true"},
                {"invalid --ip '10.1.2.3'", "run", "--ip", "10.1.2.3", "true"},
                {"address 127.0.0.1 is already in use on the host", "run", "--ip", "127.0.0.1/8", "true"},
                {"hostname must be 1 to 64 bytes (HOST_NAME_MAX), got 65", "run", "--hostname", "h".repeat(65), "true"},
                {"Unknown option: '--frobnicate'", "run", "--frobnicate", "true"},
                {"port " + busyPort + " on 127.0.0.1 is already in use", "run", "--ip", "10.232.9.2/30", "-p", busyPort + ":80", "true"},
                {"volume source " + tmp.resolve("missing") + " does not exist", "run", "-v", tmp.resolve("missing") + ":/x", "true"},
                {"invalid port mapping '80'", "run", "--ip", "10.232.9.2/30", "-p", "80", "true"},
                {"invalid environment entry '=x'", "run", "-e", "=x", "true"},
                {"10Q", "run", "--memory", "10Q", "true"},
                {"-5M", "run", "--memory", "-5M", "true"},
                {"not online", "run", "--cpuset", "7", "true"},
                {"cpus must be positive", "run", "--cpus", "0", "true"},
            };
            for (String[] c : cases) {
                String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
                Result r = run(args);
                assertEquals(125, r.code(), String.join(" ", args) + "\n" + r.err());
                String firstLine = r.err().split("\n")[0];
                assertTrue(firstLine.startsWith("uva_container: ") && firstLine.contains(c[0]), String.join(" ", args) + " -> " + r.err());
                assertTrue(r.err().split("\n").length <= 2, "one line (plus a --help hint): " + r.err());
                DemoEndToEndIT.assertNothingLeft(r.pid(), tmp);
            }
        }
    }
}
