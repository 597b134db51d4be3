/**
 * uvac's cgroup library: detects the host's layout (cgroup v2 unified, hybrid, v1 legacy), creates groups under
 * one parent ({@code uvac/}), writes limits, attaches processes (also at spawn, without a window where the
 * child runs unlimited), reads stats, kills what is inside, destroys and sweeps stale groups.
 * Entry point: {@link io.uvac.cgroups.Cgroups}.
 */
module io.uvac.cgroups {
    requires transitive io.uvac.sys;
    exports io.uvac.cgroups;
}
