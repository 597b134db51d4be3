package io.uvac.namespaces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The filesystem a container expects, in the order the mounts must be made: a fresh {@code /proc},
 * read-only {@code /sys}, a minimal {@code /dev}, then the masked and read-only kernel paths that runc and
 * docker hide by default (a container must not read the host's memory through /proc/kcore or write
 * /proc/sysrq-trigger).
 */
public final class StandardMounts {
    private StandardMounts() {}

    private static final String[] DEVICES = {"null", "zero", "full", "random", "urandom", "tty"};
    private static final String[] MASKED_FILES = {"/proc/kcore", "/proc/keys", "/proc/timer_list",
        "/proc/sched_debug", "/proc/latency_stats", "/proc/interrupts"};
    private static final String[] MASKED_DIRS = {"/proc/acpi", "/proc/scsi", "/sys/firmware"};
    private static final String[] READ_ONLY = {"/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus", "/proc/fs"};

    /** Everything for a container with its own root filesystem. */
    public static List<Mount> forRootfs() {
        List<Mount> m = new ArrayList<>();
        m.add(Mount.proc("/proc"));
        m.add(new Mount.Sysfs("/sys"));
        m.addAll(minimalDev());
        m.addAll(masks());
        return m;
    }

    /** A tmpfs {@code /dev} with the host's harmless character devices bound in, a private devpts and shm. */
    public static List<Mount> minimalDev() {
        List<Mount> m = new ArrayList<>();
        m.add(new Mount.Tmpfs("/dev", "mode=755,size=64k", false));
        for (String d : DEVICES) m.add(Mount.bind(Path.of("/dev", d), "/dev/" + d, false));
        m.add(new Mount.Devpts("/dev/pts"));
        m.add(new Mount.Symlink("pts/ptmx", "/dev/ptmx"));
        m.add(new Mount.Tmpfs("/dev/shm", "mode=1777,size=64m", false));
        m.add(new Mount.Symlink("/proc/self/fd", "/dev/fd"));
        m.add(new Mount.Symlink("/proc/self/fd/0", "/dev/stdin"));
        m.add(new Mount.Symlink("/proc/self/fd/1", "/dev/stdout"));
        m.add(new Mount.Symlink("/proc/self/fd/2", "/dev/stderr"));
        return m;
    }

    /** Masks and read-only remounts over /proc and /sys; paths this kernel lacks are skipped. */
    public static List<Mount> masks() {
        List<Mount> m = new ArrayList<>();
        for (String f : MASKED_FILES) m.add(new Mount.Mask(f, false));
        for (String d : MASKED_DIRS) m.add(new Mount.Mask(d, true));
        for (String r : READ_ONLY) m.add(new Mount.ReadOnly(r));
        return m;
    }
}
