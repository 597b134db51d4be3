package io.uvac.cgroups;

import java.util.Optional;

/**
 * The controllers this library drives. Others a host may have (devices, blkio, hugetlb...) are left alone.
 *
 * <p>On cgroup v2, {@link #CPUACCT} and {@link #FREEZER} are no controllers: CPU usage ({@code cpu.stat}) and
 * freezing ({@code cgroup.freeze}) are core files of every group.
 */
public enum Controller {
    CPU("cpu", true),
    CPUACCT("cpuacct", false),
    CPUSET("cpuset", true),
    MEMORY("memory", true),
    PIDS("pids", true),
    FREEZER("freezer", false);

    private final String kernelName;
    private final boolean v2Controller;

    Controller(String kernelName, boolean v2Controller) {
        this.kernelName = kernelName;
        this.v2Controller = v2Controller;
    }

    /** The name in mount options, {@code /proc/self/cgroup} and {@code cgroup.controllers}, e.g. {@code "cpuset"}. */
    public String kernelName() {
        return kernelName;
    }

    /** True when cgroup v2 has a controller of this name that must be enabled in {@code cgroup.subtree_control}. */
    public boolean isV2Controller() {
        return v2Controller;
    }

    public static Optional<Controller> byKernelName(String name) {
        for (Controller c : values()) if (c.kernelName.equals(name)) return Optional.of(c);
        return Optional.empty();
    }
}
