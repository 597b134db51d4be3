package io.uvac.launcher;

import java.time.Instant;

/**
 * Start-up phases on stderr when {@code UVAC_TRACE=1}: milliseconds since the process was exec'd (by the kernel's start time, 10 ms resolution), per phase, so a
 * slow start can be attributed without a profiler.
 */
public final class Trace {
    private static final boolean ON = "1".equals(System.getenv("UVAC_TRACE"));
    private static final long EXEC_MILLIS = ON
            ? ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis()) : 0;

    private Trace() {}

    public static void mark(String phase) {
        if (!ON) return;
        System.err.printf("uvac-trace %6d ms  %s  [%s]%n", System.currentTimeMillis() - EXEC_MILLIS, phase,
                Thread.currentThread().getName());
    }
}
