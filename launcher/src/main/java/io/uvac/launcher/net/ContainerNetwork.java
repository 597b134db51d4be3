package io.uvac.launcher.net;

import io.uvac.namespaces.NetworkNamespace;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.ErrnoException;
import java.io.IOException;
import java.net.Inet4Address;

/**
 * A container's network, made before its process: a fresh netns holding {@code eth0} (container address,
 * default route via the host end) and {@code lo}, and the host end of the veth pair with the first address
 * of the subnet. Equivalent to:
 * <pre>
 * ip netns add N; ip link add HOST type veth peer name eth0 netns N
 * ip addr add 10.200.1.1/30 dev HOST; ip link set HOST up
 * ip -n N link set lo up; ip -n N addr add 10.200.1.2/30 dev eth0; ip -n N link set eth0 up
 * ip -n N route add default via 10.200.1.1
 * </pre>
 * The pair dies with the namespace: once the container has joined, {@link #close()} drops this side's hold
 * and the kernel removes the veth when the container's last process exits.
 */
public final class ContainerNetwork implements AutoCloseable {
    private final NetworkNamespace netns;
    private final String hostInterface;
    private final Ipv4Cidr container;
    private final Inet4Address host;

    private ContainerNetwork(NetworkNamespace netns, String hostInterface, Ipv4Cidr container, Inet4Address host) {
        this.netns = netns;
        this.hostInterface = hostInterface;
        this.container = container;
        this.host = host;
    }

    /** The usual split of a subnet: the host end takes its first address, the container its second. */
    public static ContainerNetwork create(String hostInterface, Ipv4Cidr subnet) throws IOException {
        return create(hostInterface, Ipv4Cidr.of(subnet.host(2), subnet.prefixLength()), subnet.host(1));
    }

    /**
     * @param container the container's address with the subnet's prefix length, e.g. 10.0.9.5/24
     * @param host      the host end's address, inside the same subnet
     */
    public static ContainerNetwork create(String hostInterface, Ipv4Cidr container, Inet4Address host) throws IOException {
        if (container.prefixLength() > 30)
            throw new IllegalArgumentException("subnet " + container + " has no room for a host and a container");
        if (!container.network().contains(host) || host.equals(container.address()))
            throw new IllegalArgumentException("host address " + host.getHostAddress() + " must be another address of " + container.network());
        int prefix = container.prefixLength();
        NetworkNamespace netns = NetworkNamespace.create();
        boolean linkMade = false;
        try (RtNetlink hostSide = RtNetlink.open()) {
            hostSide.vethAdd(hostInterface, "eth0", netns.fd());
            linkMade = true;
            int hostIndex = hostSide.linkByName(hostInterface).orElseThrow(
                    () -> new IOException("veth " + hostInterface + " vanished right after creation")).index();
            hostSide.addrAdd(hostIndex, host, prefix);
            hostSide.linkSetUp(hostIndex);
            try (RtNetlink inside = RtNetlink.openIn(netns.fd())) {
                inside.linkSetUp("lo");
                int eth0 = inside.linkByName("eth0").orElseThrow(() -> new IOException("eth0 missing in the new netns")).index();
                inside.addrAdd(eth0, container.address(), prefix);
                inside.linkSetUp(eth0);
                inside.routeAddDefault(host);
            }
            return new ContainerNetwork(netns, hostInterface, container, host);
        } catch (IOException | RuntimeException e) {
            if (linkMade) deleteQuietly(hostInterface, e);
            netns.close();
            throw e;
        }
    }

    private static void deleteQuietly(String name, Throwable cause) {
        try (RtNetlink host = RtNetlink.open()) {
            host.linkDel(name);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public NetworkNamespace namespace() { return netns; }

    public String hostInterface() { return hostInterface; }

    public Inet4Address hostAddress() { return host; }

    public Inet4Address containerAddress() { return container.address(); }

    public Ipv4Cidr subnet() { return container.network(); }

    /** Deletes the host end now (taking the peer along) instead of waiting for the namespace to die. */
    public void destroy() throws IOException {
        try (RtNetlink host = RtNetlink.open()) {
            if (host.linkByName(hostInterface).isPresent()) host.linkDel(hostInterface);
        } catch (ErrnoException e) {
            if (!(e instanceof ErrnoException.NotFound)) throw e;
        } finally {
            netns.close();
        }
    }

    @Override
    public void close() {
        netns.close();
    }
}
