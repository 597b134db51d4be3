package io.uvac.bench;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.PreparedNetwork;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.ErrnoException;
import java.util.EnumSet;

/**
 * Case (e) of the benchmark issue, the whole container: mount, uts, ipc and pid namespaces, a fresh /proc
 * (as {@code unshare --mount-proc} and the OCI runtimes give), and a network namespace with a veth, its two
 * addresses and a default route. The network is either wired for this spawn ({@link #spawnFresh}) or taken
 * ready from a pool ({@link #spawnInto}).
 */
final class FullContainer implements AutoCloseable {
    private static final EnumSet<Namespace> WITHOUT_NET =
            EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID);

    private final RtNetlink host;
    private final HostLinks links;

    /** {@code kind} and {@code range}: see {@link HostLinks}; one per benchmark. */
    FullContainer(char kind, Ipv4Cidr range) throws ErrnoException {
        this.links = new HostLinks(kind, range);
        this.host = RtNetlink.open();
    }

    RtNetlink host() { return host; }

    /** Wires a new network and spawns into it; the namespace then lives as long as the container. */
    ContainerProcess spawnFresh() throws ErrnoException {
        links.advance();
        return spawnInto(PreparedNetwork.create(host, links.name(), links.subnet()));
    }

    /** Spawns into {@code net} and closes it: the container holds the namespace from then on. */
    static ContainerProcess spawnInto(PreparedNetwork net) throws ErrnoException {
        try (net) {
            return Containers.spawn(ContainerSpec.builder()
                    .command("/bin/true")
                    .namespaces(WITHOUT_NET)
                    .networkNamespace(net.netns())
                    .mount(Mount.proc("/proc"))
                    .build());
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
