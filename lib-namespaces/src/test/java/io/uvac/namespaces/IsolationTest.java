package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a container with every namespace, a rootfs and the standard mounts must not reach on the host. Each
 * test has the container try the escape and report, and then checks the host side as well.
 */
class IsolationTest {
    @BeforeAll
    static void rootfs() throws Exception {
        RootfsIntegrationTest.buildRootfs();
    }

    static Run sh(String script) throws Exception {
        return RootfsIntegrationTest.sh(script);
    }

    @Test
    void hostProcessesAreInvisible() throws Exception {
        long jvm = ProcessHandle.current().pid();
        Run r = sh("ls /proc | grep -c '^[0-9]'; test -e /proc/" + jvm + " && echo sees-jvm; kill -0 " + jvm
                + " 2>/dev/null && echo signals-jvm; true");
        assertEquals(0, r.code(), r.output());
        List<String> l = r.output().trim().lines().toList();
        assertTrue(Integer.parseInt(l.get(0).trim()) <= 4, "only its own few processes in /proc: " + r.output());
        if (jvm != 1) {
            assertFalse(r.output().contains("sees-jvm"), r.output());
            assertFalse(r.output().contains("signals-jvm"), r.output());
        }
    }

    @Test
    void cannotWriteTheHostsTmp() throws Exception {
        String marker = "uvac-isolation-" + ProcessHandle.current().pid();
        Run r = sh("echo x > /tmp/" + marker + " && echo wrote; ls /tmp/" + marker);
        try {
            assertEquals(0, r.code(), r.output()); // it writes its own rootfs's /tmp ...
            assertFalse(Files.exists(Path.of("/tmp", marker)), "... not the host's /tmp");
        } finally {
            Files.deleteIfExists(RootfsIntegrationTest.rootfs.resolve("tmp").resolve(marker));
        }
    }

    @Test
    void itsMountsDoNotAppearOnTheHost() throws Exception {
        String before = Files.readString(Path.of("/proc/self/mounts"));
        Run r = sh("mkdir -p /mnt/x && mount -t tmpfs uvac-isolation-tmpfs /mnt/x && grep -c uvac-isolation-tmpfs /proc/mounts");
        assertEquals(0, r.code(), r.output());
        assertEquals("1", r.output().trim(), "mounted inside");
        String after = Files.readString(Path.of("/proc/self/mounts"));
        assertFalse(after.contains("uvac-isolation-tmpfs"), after);
        assertEquals(before, after, "host mount table");
    }

    @Test
    void itsHostnameChangeLeavesTheHostsAlone() throws Exception {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        Run r = sh("hostname renamed-inside && hostname");
        assertEquals(0, r.code(), r.output());
        assertEquals("renamed-inside", r.output().trim());
        assertEquals(host, Files.readString(Path.of("/proc/sys/kernel/hostname")).trim());
    }

    /**
     * The host listens on a loopback port: the container's loopback is its own, so it can neither reach that
     * listener nor be refused binding the same port, and the host's listener keeps working.
     */
    @Test
    void itsNetworkCannotReachOrTakeTheHostsPorts() throws Exception {
        try (ServerSocket hostListener = new ServerSocket()) {
            hostListener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = hostListener.getLocalPort();
            // A LISTEN socket on the port in /proc/net/tcp or tcp6 (busybox nc may listen on IPv6's any address)
            String listening = ":" + String.format("%04X", port) + " [0-9A-F]+:0000 0A";
            Run r = sh("ip link set lo up; nc -w 1 127.0.0.1 " + port + " </dev/null 2>/dev/null && echo reached-host || echo refused; "
                    + "nc -l -p " + port + " & "
                    + "for i in $(seq 100); do cat /proc/net/tcp* | grep -qE '" + listening + "' && break; sleep 0.05; done; "
                    + "cat /proc/net/tcp* | grep -cE '" + listening + "'; kill %1");
            assertEquals(0, r.code(), r.output());
            List<String> l = r.output().trim().lines().toList();
            assertEquals("refused", l.get(0), r.output());
            assertEquals("1", l.get(1).trim(), "the container binds the same port in its own stack: " + r.output());
            assertTrue(hostListener.isBound() && !hostListener.isClosed());
        }
    }

    /** Every path the standard masks name that this kernel has: /dev/null over files, an empty read-only dir over dirs. */
    @Test
    void kernelPathsAreMaskedAndNoNewPrivsIsSet() throws Exception {
        Set<String> masked = StandardMounts.masks().stream().filter(m -> m instanceof Mount.Mask)
                .map(m -> ((Mount.Mask) m).target()).collect(Collectors.toSet());
        StringBuilder script = new StringBuilder();
        for (String p : masked)
            script.append("if [ -e ").append(p).append(" ]; then echo ").append(p)
                    .append(" $(cat ").append(p).append(" 2>/dev/null | wc -c) $(ls ").append(p).append(" 2>/dev/null | wc -l); fi; ");
        script.append("grep NoNewPrivs /proc/self/status");
        Run r = sh(script.toString());
        assertEquals(0, r.code(), r.output());
        List<String> l = r.output().trim().lines().toList();
        for (String line : l.subList(0, l.size() - 1)) {
            String[] f = line.trim().split("\\s+");
            assertEquals("0", f[1], "nothing readable through " + f[0]);
            assertTrue(f[2].equals("0") || f[2].equals("1"), "nothing listed in " + f[0] + " (a masked file lists itself)");
        }
        assertTrue(l.contains("/proc/kcore 0 1") || !Files.exists(Path.of("/proc/kcore")), r.output());
        assertTrue(l.get(l.size() - 1).matches("NoNewPrivs:\\s+1"), r.output());
    }
}
