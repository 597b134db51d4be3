package io.uvac.sys.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests that need root and a real kernel. Without root they skip with the reason, but with
 * {@code UVAC_TESTS_MUST_RUN=1} (set by .ci/run) a skip becomes a failure, so CI cannot go green by skipping.
 */
public final class Privileged {
    private Privileged() {}

    public static boolean mustRun() {
        return "1".equals(System.getenv("UVAC_TESTS_MUST_RUN"));
    }

    /** Skips (or fails, under UVAC_TESTS_MUST_RUN=1) unless running as root on x86-64 Linux. */
    public static void require() {
        String reason = null;
        if (!"Linux".equals(System.getProperty("os.name"))) reason = "needs Linux";
        else if (!"root".equals(System.getProperty("user.name"))) reason = "needs root (namespaces, mounts, veth, cgroups)";
        else if (!"amd64".equals(System.getProperty("os.arch"))) reason = "the spawn stub exists for x86-64 only";
        unavailable(reason);
    }

    /** Skips or fails with {@code reason} when it is non-null. */
    public static void unavailable(String reason) {
        if (reason == null) return;
        if (mustRun()) fail("UVAC_TESTS_MUST_RUN=1 but this test cannot run: " + reason);
        Assumptions.abort(reason);
    }
}
