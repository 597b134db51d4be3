package io.uvac.cgroups;

/**
 * How the host mounts its cgroup hierarchies, as systemd names the three cases.
 *
 * <pre>
 * CgroupLayout layout = CgroupHost.detect().layout();   // HYBRID on a Debian host booted with v1 controllers
 * </pre>
 */
public enum CgroupLayout {
    /** One cgroup2 hierarchy holds every controller ({@code statfs("/sys/fs/cgroup")} is CGROUP2_SUPER_MAGIC). */
    UNIFIED,
    /** Controllers on v1 hierarchies, plus a cgroup2 mount (usually {@code /sys/fs/cgroup/unified}) for tracking. */
    HYBRID,
    /** v1 hierarchies only. */
    LEGACY
}
