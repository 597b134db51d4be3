package io.uvac.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option of {@code uva_container run} with each kind of invalid value: exit 125, one line naming the
 * problem, and nothing created on the host (no veth or cgroup named for that launcher, no child, no mount).
 */
class RunBadInputIT {
    static final String LONG = "a".repeat(5000);

    record Row(String expected, List<String> args) {
        @Override public String toString() { return String.join(" ", args).substring(0, Math.min(60, String.join(" ", args).length())); }
    }

    static Row row(String expected, String... args) {
        return new Row(expected, List.of(args));
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("rootfs", "--rootfs", "/nonexistent/rootfs"),
                row("rootfs", "--rootfs", "/etc/passwd"),
                row("rootfs / is the host's own root; leave out --rootfs to keep the host's tree", "--rootfs", "/"),
                row("is the host's own root", "--rootfs", "/usr/.."),
                row("memory limit: size \"-5M\" is negative", "--memory", "-5M"),
                row("memory limit must be positive", "--memory", "0"),
                row("memory limit 1 is below the minimum of 6M: a container cannot start with less", "--memory", "1"),
                row("memory limit 5.9M is below the minimum of 6M", "--memory", "5.9M"),
                row("unknown unit", "--memory", "10Q"),
                row("exceeds the largest size", "--memory", "99999999999999999999"),
                row("cpus must be positive", "--cpus", "0"),
                row("cpus must be positive", "--cpus", "-1"),
                row("is not a number", "--cpus", "abc"),
                row("finite", "--cpus", "NaN"),
                row("below the minimum", "--cpus", "0.001"),
                row("exceeds the", "--cpus", "100000"),
                row("not online", "--cpuset", "4095"),
                row("runs backwards", "--cpuset", "1-0"),
                row("at least one", "--cpuset", ""),
                row("pids limit must be at least 1", "--pids", "0"),
                row("pids limit must be at least 1", "--pids", "-3"),
                row("is not a long", "--pids", "99999999999999999999"),
                row("missing \"/prefix-length\"", "--ip", "10.0.0.1"),
                row("outside 0..32", "--ip", "10.0.0.1/33"),
                row("outside 0..255", "--ip", "300.0.0.1/24"),
                row("network or broadcast", "--ip", "10.238.0.0/24"),
                row("network or broadcast", "--ip", "10.238.0.255/24"),
                row("/8 to /30", "--ip", "10.238.0.1/31"),
                row("invalid --ip", "--ip", LONG),
                row("ports are 1 to 65535", "--ip", "10.238.0.2/24", "-p", "0:80"),
                row("ports are 1 to 65535", "--ip", "10.238.0.2/24", "-p", "70000:80"),
                row("ports are 1 to 65535", "--ip", "10.238.0.2/24", "-p", "8080:0"),
                row("expected HOSTPORT:CONTAINERPORT", "--ip", "10.238.0.2/24", "-p", "8080"),
                row("expected HOSTPORT:CONTAINERPORT", "--ip", "10.238.0.2/24", "-p", "1:2:3"),
                row("-p needs --ip", "-p", "18997:80"),
                row("does not exist", "-v", "/nonexistent:/x"),
                row("must be an absolute path", "-v", "/etc:relative"),
                row("must not contain '..'", "-v", "/etc:/x/../.."),
                row("is the container's root", "-v", "/etc:/"),
                row("use ro or rw", "-v", "/etc:/x:rx"),
                row("expected HOST:CONTAINER[:ro]", "-v", "/etc"),
                row("expected HOST:CONTAINER[:ro]", "-v", ":/x"),
                row("expected K=V", "-e", "=x"),
                row("expected K=V", "-e", "NOVALUE"),
                row("must be absolute", "-w", "relative"),
                row("must be absolute", "-w", ""),
                row("invalid name", "--name", "a/b"),
                row("invalid name", "--name", ""),
                row("invalid name", "--name", LONG),
                row("hostname must be 1 to 64 bytes (HOST_NAME_MAX), got 0: ", "--hostname", ""),
                row("hostname must be 1 to 64 bytes (HOST_NAME_MAX), got 65: ", "--hostname", "h".repeat(65)),
                row("--stop-timeout must be 0 to", "--stop-timeout", "-1"),
                row("--stop-timeout must be 0 to", "--stop-timeout", "NaN"),
                row("--stop-timeout must be 0 to", "--stop-timeout", "1e300"),
                row("is not a double", "--stop-timeout", "abc"),
                row("Unknown option", "--no-such-option"));
    }

    static Path rootfs;
    static String mountsBefore;

    @BeforeAll
    static void rootfs() throws Exception {
        Privileged.require();
        rootfs = Launcher.HOME.resolve("rootfs");
        Process p = new ProcessBuilder(Launcher.HOME.resolve("scripts/build-rootfs").toString(), rootfs.toString()).inheritIO().start();
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0)
            Privileged.unavailable("scripts/build-rootfs failed");
        mountsBefore = Files.readString(Path.of("/proc/self/mounts"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void invalidValueIsOneLineAndCreatesNothing(Row row) throws Exception {
        List<String> args = new ArrayList<>(List.of("run"));
        if (!row.args().contains("--rootfs")) args.addAll(List.of("--rootfs", rootfs.toString()));
        args.addAll(row.args());
        args.addAll(List.of("--", "/bin/true"));
        try (Launcher l = Launcher.start(args.toArray(String[]::new))) {
            assertEquals(125, l.waitExit(Duration.ofSeconds(60)), l.output());
            assertTrue(l.stderr.getFirst().startsWith("uva_container: ") && l.stderr.getFirst().contains(row.expected()),
                    "expected '" + row.expected() + "' in\n" + l.output());
            assertTrue(l.stderr.size() <= 2, "one line (picocli adds a usage hint): " + l.output());
            assertEquals(List.of(), DemoEndToEndIT.leftovers(l.process.pid(), rootfs), "host objects left");
            assertEquals(List.of(), LauncherKillSoakIT.cgroupsOf(l.process.pid()), "cgroups left");
        }
        assertEquals(mountsBefore, Files.readString(Path.of("/proc/self/mounts")), "host mounts");
    }
}
