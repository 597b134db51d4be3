package io.uvac.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark run keeps its files, passed by benchmarks/run-bench as system properties (JMH hands the
 * host JVM's arguments to every fork).
 */
public final class BenchEnv {
    private BenchEnv() {}

    /** OCI bundle for runc and crun: config.json and an absolute root.path. */
    public static Path bundle() {
        return dir("uvac.bench.bundle", "an OCI bundle (config.json + rootfs) made by benchmarks/run-bench");
    }

    /** Scratch space: runc/crun state roots, peers' stderr, notes the report reads (heap RSS). */
    public static Path work() {
        return dir("uvac.bench.work", "a scratch directory, e.g. benchmarks/results/tmp");
    }

    private static Path dir(String property, String what) {
        String v = System.getProperty(property);
        if (v == null) throw new IllegalStateException("-D" + property + " is not set: it names " + what
                + "; run the benchmarks through benchmarks/run-bench (make bench)");
        Path p = Path.of(v);
        if (!Files.isDirectory(p)) throw new IllegalStateException("-D" + property + "=" + v + " is not a directory");
        return p;
    }
}
