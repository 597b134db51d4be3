package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A container pivoted into the busybox rootfs that scripts/build-rootfs makes from Debian's busybox-static. */
class RootfsIntegrationTest {
    static Path rootfs;

    @BeforeAll
    static void buildRootfs() throws Exception {
        Privileged.require();
        rootfs = Path.of("../rootfs").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("../scripts/build-rootfs", rootfs.toString()).inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0)
            Privileged.unavailable("scripts/build-rootfs failed (needs apt-get download busybox-static)");
    }

    static Run sh(String script) throws Exception {
        return Run.of(ContainerSpec.builder().command("/bin/sh", "-c", script).env("PATH", "/bin:/sbin:/usr/bin:/usr/sbin")
                .namespaces(Namespace.container()).rootfs(rootfs).hostname("boxed")
                .mounts(StandardMounts.forRootfs()));
    }

    @Test
    void seesOnlyItsRootAndItsProcesses() throws Exception {
        Run r = sh("echo $$; cat /.uvac-rootfs; ps -o pid,comm | tail -n +2 | wc -l; hostname");
        assertEquals(0, r.code(), r.output());
        String[] l = r.output().trim().split("\n");
        assertEquals("1", l[0]);
        assertTrue(l[1].startsWith("uvac demo rootfs"), r.output());
        assertTrue(Integer.parseInt(l[2].trim()) <= 4, "sh, ps, tail, wc at most: " + r.output());
        assertEquals("boxed", l[3]);
    }

    @Test
    void devIsMinimalAndKernelPathsAreProtected() throws Exception {
        Run r = sh("ls /dev | tr '\\n' ' '; echo; stat -c '%F %t:%T' /proc/keys /proc/timer_list | sort -u; "
                + "(touch /sys/x) 2>/dev/null && echo sys-writable || echo sys-ro; "
                + "(echo other > /proc/sys/kernel/hostname) 2>/dev/null && echo procsys-writable || echo procsys-ro; "
                + "ls /sys/firmware | wc -l; cat /proc/self/status | grep NoNewPrivs");
        assertEquals(0, r.code(), r.output());
        String[] l = r.output().trim().split("\n");
        assertEquals("fd full null ptmx pts random shm stderr stdin stdout tty urandom zero", l[0].trim());
        // /dev/null bound over them (this kernel has no /proc/kcore; where one exists it is in the same list)
        assertEquals("character special file 1:3", l[1].trim(), "/proc/keys and /proc/timer_list masked");
        assertEquals("sys-ro", l[2]);
        assertEquals("procsys-ro", l[3], "/proc/sys is read-only even for its own uts namespace");
        assertEquals("0", l[4].trim(), "/sys/firmware masked");
        assertTrue(l[5].matches("NoNewPrivs:\\s+1"), r.output());
    }

    @Test
    void missingCommandInRootfsFailsAtExecve() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.uvac.sys.spawn.SpawnFailedException.class,
                () -> Containers.spawn(ContainerSpec.builder().command("bash").namespaces(Namespace.container())
                        .rootfs(rootfs).mounts(StandardMounts.forRootfs()).build()));
        assertTrue(e.getMessage().startsWith("execve bash: No such file or directory (ENOENT)"), e.getMessage());
        assertTrue(Files.isDirectory(rootfs));
    }
}
