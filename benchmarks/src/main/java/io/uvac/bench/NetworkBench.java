package io.uvac.bench;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.Namespace;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.PreparedNetwork;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The network parts of a container, in the host's own namespace as a real container gets them: wiring a veth
 * into a new namespace, and teardown, from the last reference to the namespace until the host end is gone.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NetworkBench {

    /** veth + the two addresses + both ends and lo up + default route, into an empty namespace made untimed. */
    @State(Scope.Thread)
    public static class Wiring {
        private final HostLinks links = new HostLinks('v', Ipv4Cidr.parse("10.215.0.0/16"));
        RtNetlink host;
        Fd netns;
        PreparedNetwork wired;

        @Setup(Level.Trial)
        public void open() throws Exception {
            host = RtNetlink.open();
        }

        @Setup(Level.Invocation)
        public void emptyNamespace() throws Exception {
            links.advance();
            netns = NamespaceThreads.newNetworkNamespace();
        }

        @TearDown(Level.Invocation)
        public void release() {
            if (wired != null) wired.close(); // no process inside: the kernel removes namespace and veth
            else if (netns != null) netns.close();
            wired = null;
            netns = null;
        }

        @TearDown(Level.Trial)
        public void close() {
            release();
            host.close();
        }
    }

    @Benchmark
    public PreparedNetwork vethAddressesRoute(Wiring w) throws Exception {
        return w.wired = PreparedNetwork.wire(w.host, w.netns, w.links.name(), w.links.subnet());
    }

    /**
     * A container ran in a prepared network and has been reaped; only our fd still holds its namespace.
     * The timed part drops that last reference, the moment a container's exit would, and polls the host's
     * link table until the host end is gone.
     */
    @State(Scope.Thread)
    public static class Exited {
        private final HostLinks links = new HostLinks('t', Ipv4Cidr.parse("10.216.0.0/16"));
        private final EnumSet<Namespace> namespaces = EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID);
        RtNetlink host;
        PreparedNetwork net;

        @Setup(Level.Trial)
        public void open() throws Exception {
            host = RtNetlink.open();
        }

        @Setup(Level.Invocation)
        public void containerRanAndExited() throws Exception {
            links.advance();
            net = PreparedNetwork.create(host, links.name(), links.subnet());
            ContainerSpec spec = ContainerSpec.builder().command("/bin/true").namespaces(namespaces)
                    .networkNamespace(net.netns()).build();
            try (ContainerProcess p = Containers.spawn(spec)) {
                Checks.exitedZero(p.waitFor(), "/bin/true");
            }
        }

        @TearDown(Level.Invocation)
        public void release() {
            if (net != null) net.close();
            net = null;
        }

        @TearDown(Level.Trial)
        public void close() {
            release();
            host.close();
        }
    }

    @Benchmark
    public int teardown(Exited e) throws Exception {
        String name = e.net.hostVeth();
        e.net.close();
        int polls = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (e.host.linkByName(name).isPresent()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(name + " still exists 10 s after its namespace was released");
            // A short pause: a tight netlink loop would take the CPU from the kernel worker doing the teardown.
            LockSupport.parkNanos(50_000);
            polls++;
        }
        return polls;
    }
}
