package io.uvac.bench;

import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.CgroupHost;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import io.uvac.cgroups.SpawnAttachment;
import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.ExitStatus;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.PreparedNetwork;
import io.uvac.netlink.RtNetlink;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Case (e) of the benchmark issue, the whole container: mount, uts, ipc and pid namespaces, a fresh /proc
 * (as {@code unshare --mount-proc} and the OCI runtimes give), a network namespace with a veth, its two
 * addresses and a default route, and a cgroup with a memory limit that the child joins before execve. The
 * network is either wired for this spawn ({@link #spawnFresh}) or taken ready from a pool ({@link #spawnInto}).
 * The group is created and limited during the spawn and destroyed after the container is reaped.
 */
final class FullContainer implements AutoCloseable {
    /** Under its own parent, so the leak check and a sweep see benchmark groups apart from anyone else's. */
    static final String CGROUP_PARENT = "uvac-bench";
    private static final EnumSet<Namespace> WITHOUT_NET =
            EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID);
    static final Resources LIMITS = Resources.builder().memory("64M").build();

    private final RtNetlink host;
    private final HostLinks links;
    private final Cgroups cgroups;
    private final char kind;
    private long groups;

    /** A spawned container and its group: closing kills and reaps the process, then destroys the group. */
    record Running(ContainerProcess process, Cgroup group) implements AutoCloseable {
        ExitStatus waitFor() throws IOException {
            return process.waitFor();
        }

        /** Waits for a {@code /bin/true} that must exit 0, then releases it; for {@code @TearDown} after spawn-to-exec. */
        static void reap(Running r) throws IOException {
            if (r == null) return;
            try (r) {
                Checks.exitedZero(r.waitFor(), "/bin/true");
            }
        }

        @Override
        public void close() throws IOException {
            try {
                process.close();
            } finally {
                if (group != null) group.destroy();
            }
        }
    }

    /** {@code kind} and {@code range}: see {@link HostLinks}; one per benchmark. */
    FullContainer(char kind, Ipv4Cidr range) throws IOException {
        this.kind = kind;
        this.links = new HostLinks(kind, range);
        this.cgroups = Cgroups.on(CgroupHost.detect(), CGROUP_PARENT);
        cgroups.sweep();
        this.host = RtNetlink.open();
    }

    RtNetlink host() { return host; }

    Cgroups cgroups() { return cgroups; }

    /** Wires a new network and spawns into it; the namespace then lives as long as the container. */
    Running spawnFresh() throws IOException {
        links.advance();
        return spawnInto(PreparedNetwork.create(host, links.name(), links.subnet()));
    }

    /** Creates the group, spawns into it and into {@code net}, and closes {@code net}: the container holds it now. */
    Running spawnInto(PreparedNetwork net) throws IOException {
        return spawnInto(net, true);
    }

    /**
     * {@code withCgroup} false: the same container without its group, to show what the group costs; then
     * {@code net} stays open, so one namespace can serve many containers.
     */
    Running spawnInto(PreparedNetwork net, boolean withCgroup) throws IOException {
        if (!withCgroup) return new Running(Containers.spawn(spec(net).build()), null);
        Cgroup group;
        try {
            group = cgroups.create(kind + Long.toString(groups++, 36), LIMITS);
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        try {
            return spawnInto(net, group);
        } catch (IOException | RuntimeException e) {
            try {
                group.destroy();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Spawns into {@code group} (made here, or taken ready from a {@link io.uvac.cgroups.CgroupPool}) and into
     * {@code net}, and closes {@code net}. On failure the caller still owns {@code group}.
     */
    Running spawnInto(PreparedNetwork net, Cgroup group) throws IOException {
        try (net; SpawnAttachment attach = group.openForSpawn()) {
            ContainerSpec.Builder spec = spec(net).cgroupProcs(attach.procsFiles());
            attach.cgroupDir().ifPresent(spec::cgroupInto);
            return new Running(Containers.spawn(spec.build()), group);
        }
    }

    /** The container of every case: /bin/true in its own mount, uts, ipc and pid namespaces and {@code net}, /proc. */
    private static ContainerSpec.Builder spec(PreparedNetwork net) {
        return ContainerSpec.builder()
                .command("/bin/true")
                .namespaces(WITHOUT_NET)
                .networkNamespace(net.netns())
                .mount(Mount.proc("/proc"));
    }

    /** Closes the netlink client and removes the benchmark's cgroup parent once it is empty. */
    @Override
    public void close() throws IOException {
        try {
            host.close();
        } finally {
            cgroups.removeParentIfEmpty();
        }
    }
}
