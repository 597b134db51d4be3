package io.uvac.cgroups;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Limits for one group. Every part is optional: an absent part leaves the kernel's default (unlimited, or the
 * parent's CPUs and memory nodes). Built and validated by {@link Builder}; the canonical constructor validates
 * too, so no invalid value exists. Checks that depend on the host (CPUs present, {@code --cpus} beyond the
 * host's CPUs) happen in {@link Cgroups#create}.
 *
 * <pre>
 * Resources r = Resources.builder()
 *         .memory("64M")          // memory.max / memory.limit_in_bytes, swap included
 *         .cpus(0.5)              // half a CPU: cpu.max "50000 100000" / cpu.cfs_quota_us 50000
 *         .cpusetCpus("0")        // run on CPU 0 only
 *         .pidsMax(64)
 *         .build();
 * </pre>
 *
 * @param memoryBytes memory limit in bytes; the group also gets no swap beyond it ({@code memory.swap.max 0},
 *                    v1 {@code memory.memsw.limit_in_bytes} equal to the limit, where the host has them)
 * @param cpus        CPU bandwidth as a number of CPUs, as docker's {@code --cpus}: 0.25 is a quarter of one CPU
 * @param cpusetCpus  the CPUs the group may run on
 * @param cpusetMems  the memory nodes the group may allocate from
 * @param pidsMax     the most tasks (processes and threads) the group may hold
 */
public record Resources(OptionalLong memoryBytes, OptionalDouble cpus, Optional<CpuList> cpusetCpus,
                        Optional<CpuList> cpusetMems, OptionalLong pidsMax) {

    /** The CFS period used for {@code cpus}: 100 ms, the kernel's default. */
    public static final long CPU_PERIOD_MICROS = 100_000;
    /** The kernel refuses quotas below 1 ms, i.e. 0.01 CPU at the 100 ms period. */
    public static final double MIN_CPUS = 0.01;

    public Resources {
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(cpusetCpus, "cpusetCpus");
        Objects.requireNonNull(cpusetMems, "cpusetMems");
        Objects.requireNonNull(pidsMax, "pidsMax");
        memoryBytes.ifPresent(Resources::checkMemory);
        cpus.ifPresent(Resources::checkCpus);
        cpusetCpus.ifPresent(c -> checkNotEmpty(c, "cpuset CPUs"));
        cpusetMems.ifPresent(c -> checkNotEmpty(c, "cpuset memory nodes"));
        pidsMax.ifPresent(Resources::checkPids);
    }

    /** No limits: the group only groups (stats, kill, attach). */
    public static Resources none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return memoryBytes.isEmpty() && cpus.isEmpty() && cpusetCpus.isEmpty() && cpusetMems.isEmpty()
                && pidsMax.isEmpty();
    }

    /** The quota per {@link #CPU_PERIOD_MICROS} that {@link #cpus()} asks for: 0.25 CPU gives 25000 µs. */
    public OptionalLong cpuQuotaMicros() {
        return cpus.isPresent() ? OptionalLong.of(Math.round(cpus.getAsDouble() * CPU_PERIOD_MICROS))
                : OptionalLong.empty();
    }

    private static void checkMemory(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("memory limit must be positive, got " + bytes + " bytes");
        if (bytes == 0)
            throw new IllegalArgumentException("memory limit must be positive, got 0 (leave it unset for no limit)");
    }

    private static void checkCpus(double cpus) {
        if (!Double.isFinite(cpus)) throw new IllegalArgumentException("cpus must be a finite number, got " + cpus);
        if (cpus < 0) throw new IllegalArgumentException("cpus must be positive, got " + cpus);
        if (cpus == 0) throw new IllegalArgumentException("cpus must be positive, got 0 (leave it unset for no limit)");
        if (cpus < MIN_CPUS)
            throw new IllegalArgumentException("cpus " + cpus + " is below the minimum " + MIN_CPUS
                    + " (the kernel refuses a quota under 1 ms per 100 ms period)");
    }

    private static void checkNotEmpty(CpuList list, String what) {
        if (list.isEmpty()) throw new IllegalArgumentException(what + " must name at least one, got an empty list");
    }

    private static void checkPids(long max) {
        if (max < 1)
            throw new IllegalArgumentException("pids limit must be at least 1, got " + max
                    + (max == 0 ? " (leave it unset for no limit)" : ""));
    }

    /** Collects the parts of a {@link Resources}; every setter validates at once and names the bad value. */
    public static final class Builder {
        private OptionalLong memoryBytes = OptionalLong.empty();
        private OptionalDouble cpus = OptionalDouble.empty();
        private Optional<CpuList> cpusetCpus = Optional.empty();
        private Optional<CpuList> cpusetMems = Optional.empty();
        private OptionalLong pidsMax = OptionalLong.empty();

        private Builder() {}

        public Builder memory(long bytes) {
            checkMemory(bytes);
            memoryBytes = OptionalLong.of(bytes);
            return this;
        }

        /** {@code "10M"}, {@code "512k"}, {@code "1.5G"}: see {@link ByteSize#parse}. */
        public Builder memory(String size) {
            long bytes;
            try {
                bytes = ByteSize.parse(size);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("memory limit: " + e.getMessage(), e);
            }
            return memory(bytes);
        }

        public Builder cpus(double cpus) {
            checkCpus(cpus);
            this.cpus = OptionalDouble.of(cpus);
            return this;
        }

        /** {@code "0.5"}, as given to {@code --cpus}. */
        public Builder cpus(String cpus) {
            double v;
            try {
                v = Double.parseDouble(cpus.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cpus \"" + cpus + "\" is not a number (e.g. 0.5, 2)", e);
            }
            return cpus(v);
        }

        public Builder cpusetCpus(CpuList cpus) {
            checkNotEmpty(cpus, "cpuset CPUs");
            cpusetCpus = Optional.of(cpus);
            return this;
        }

        /** {@code "0-1,3"}. */
        public Builder cpusetCpus(String cpus) {
            return cpusetCpus(parseList(cpus, "cpuset CPUs"));
        }

        public Builder cpusetMems(CpuList nodes) {
            checkNotEmpty(nodes, "cpuset memory nodes");
            cpusetMems = Optional.of(nodes);
            return this;
        }

        /** {@code "0"}. */
        public Builder cpusetMems(String nodes) {
            return cpusetMems(parseList(nodes, "cpuset memory nodes"));
        }

        public Builder pidsMax(long max) {
            checkPids(max);
            pidsMax = OptionalLong.of(max);
            return this;
        }

        public Resources build() {
            return new Resources(memoryBytes, cpus, cpusetCpus, cpusetMems, pidsMax);
        }

        private static CpuList parseList(String text, String what) {
            try {
                return CpuList.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
        }
    }
}
