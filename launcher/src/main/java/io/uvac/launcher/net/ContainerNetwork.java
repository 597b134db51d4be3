package io.uvac.launcher.net;

import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.PreparedNetwork;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import java.io.IOException;
import java.net.Inet4Address;

/**
 * A container's network, made before its process (lib-netlink's {@link PreparedNetwork}): a fresh netns with
 * {@code eth0} and {@code lo} up, the container's address and a default route via the host end, which has
 * its own address in the same subnet. The pair dies with the namespace; {@link #destroy()} removes it now.
 */
public final class ContainerNetwork implements AutoCloseable {
    private final PreparedNetwork net;

    private ContainerNetwork(PreparedNetwork net) {
        this.net = net;
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
        try (RtNetlink hostSide = RtNetlink.open()) {
            return new ContainerNetwork(PreparedNetwork.create(hostSide, hostInterface, container, host));
        }
    }

    /** The namespace the container joins. */
    public Fd netns() { return net.netns(); }

    public String hostInterface() { return net.hostVeth(); }

    public Inet4Address hostAddress() { return net.hostAddress(); }

    public Inet4Address containerAddress() { return net.containerAddress(); }

    public Ipv4Cidr subnet() { return net.subnet(); }

    /**
     * Deletes the host end now (taking the peer along) instead of waiting for the namespace to die. Returns
     * false when it was already gone: while this object holds the namespace, only someone else can remove it.
     */
    public boolean destroy() throws IOException {
        try (RtNetlink host = RtNetlink.open()) {
            if (host.linkByName(net.hostVeth()).isEmpty()) return false;
            host.linkDel(net.hostVeth());
            return true;
        } catch (ErrnoException.NotFound gone) {
            return false; // deleted between the lookup and the delete
        } finally {
            net.close();
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
