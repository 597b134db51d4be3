package io.uvac.cgroups.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as the kernel tells it apart over time: its pid and its start time (field 22 of
 * {@code /proc/<pid>/stat}, clock ticks after boot). A recycled pid has a different start time, so a group
 * named after a dead owner is not mistaken for one of the process that reuses the number.
 */
public record ProcessIdentity(long pid, long startTicks) {

    public ProcessIdentity {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive, got " + pid);
        if (startTicks < 0) throw new IllegalArgumentException("start time must not be negative, got " + startTicks);
    }

    /** The identity of {@code pid} now, empty when no such process exists. */
    public static Optional<ProcessIdentity> read(Path procRoot, long pid) throws IOException {
        try {
            return Optional.of(new ProcessIdentity(pid, startTicks(Files.readString(procRoot.resolve(pid + "/stat")))));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /** Field 22 of a stat line. The command (field 2) may hold spaces and parentheses: count after the last ')'. */
    static long startTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3].
        if (f.length < 20) throw new IllegalArgumentException("/proc/<pid>/stat line too short: " + stat);
        return Long.parseLong(f[22 - 3]);
    }
}
