package io.uvac.bench.peers;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.sys_mount_h;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The documented workaround that lets crun 1.8 run on this host. crun rejects a "hybrid" layout (cgroup v1
 * controllers plus a cgroup2 mount at /sys/fs/cgroup/unified) with "cgroups in hybrid mode not supported,
 * drop all controllers from cgroupv2", even when that cgroup2 tree has no controllers. Hidden from it, the
 * host looks like plain cgroup v1, which crun supports.
 *
 * <p>The calling thread alone moves into a private mount namespace ({@code unshare(CLONE_NEWNS)} copies the
 * thread's fs_struct, so the JVM's other threads are untouched) and detaches the cgroup2 mounts there.
 * Processes that thread starts (ProcessBuilder's posix_spawn clones from the calling thread) inherit that
 * view. Making {@code /} private first keeps the unmount from propagating to the host.
 */
public final class HiddenCgroup2 {
    private static final ThreadLocal<Boolean> APPLIED = ThreadLocal.withInitial(() -> false);

    private HiddenCgroup2() {}

    /** cgroup2 mount points below a tmpfs /sys/fs/cgroup: present only on a hybrid host. */
    public static List<String> hybridMounts() {
        List<String> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("cgroup2") && f[1].startsWith("/sys/fs/cgroup/")) found.add(f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Idempotent per thread; a no-op on hosts that are not hybrid. */
    public static void applyToCurrentThread() throws ErrnoException {
        if (APPLIED.get()) return;
        List<String> mounts = hybridMounts();
        if (!mounts.isEmpty()) {
            if (Thread.currentThread().isVirtual())
                throw new IllegalStateException("a virtual thread may change carriers: mount namespaces need a platform thread");
            Posix.unshare(sched_h.CLONE_NEWNS);
            Posix.mount(null, "/", null, sys_mount_h.MS_REC | sys_mount_h.MS_PRIVATE, null);
            for (String m : mounts) Posix.umount2(m, sys_mount_h.MNT_DETACH);
        }
        APPLIED.set(true);
    }
}
