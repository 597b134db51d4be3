package io.uvac.launcher;

/**
 * Start-up phases on stderr when {@code UVAC_TRACE=1}: milliseconds since main(), per phase, so a
 * slow start can be attributed without a profiler.
 */
public final class Trace {
    private static final boolean ON = "1".equals(System.getenv("UVAC_TRACE"));
    /** The kernel's process start time has only whole-second precision here (btime), so phases count from main(). */
    private static final long T0 = System.nanoTime();

    private Trace() {}

    public static void mark(String phase) {
        if (!ON) return;
        System.err.printf("uvac-trace %6.1f ms  %s  [%s]%n", (System.nanoTime() - T0) / 1e6, phase,
                Thread.currentThread().getName());
    }
}
