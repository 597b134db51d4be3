package io.uvac.bench.report;

import java.util.Map;

/**
 * One JMH result in sample-time mode, in microseconds: JMH's own percentiles over all samples, and the
 * merged raw distribution (sorted distinct values with their counts) for the chart.
 *
 * @param key   {@code Class.method} plus {@code [param=value]} when parameterised, e.g.
 *              {@code SpawnBench.spawnToExec[namespaces=five]}
 */
public record BenchResult(String key, long samples, Map<Double, Double> percentiles, double[] values, long[] counts) {

    public double p50() { return percentile(50.0); }

    public double p90() { return percentile(90.0); }

    public double p99() { return percentile(99.0); }

    public double percentile(double p) {
        Double v = percentiles.get(p);
        if (v == null) throw new IllegalArgumentException(key + " has no p" + p + " (not a sample-time result?)");
        return v;
    }
}
