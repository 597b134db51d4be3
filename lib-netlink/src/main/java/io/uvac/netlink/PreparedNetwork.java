package io.uvac.netlink;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import java.net.Inet4Address;
import java.util.Objects;

/**
 * A network namespace whose network is ready before any process lives in it: a veth pair with the host end
 * in the caller's namespace and {@value #PEER} inside, both up with the two addresses of a /30, {@code lo} up,
 * and a default route via the host end. A container joins it with
 * {@code ContainerSpec.builder().networkNamespace(net.netns())}, so its spawn costs clone3 and a setns instead of
 * creating and wiring a namespace.
 *
 * <pre>
 * try (RtNetlink host = RtNetlink.open();
 *      PreparedNetwork net = PreparedNetwork.create(host, "uvac1", Ipv4Cidr.parse("10.200.1.0/30"))) {
 *     spawn the container with net.netns(); it reaches the host at net.hostAddress()
 * }   // the fd is closed: the namespace, and with it the veth, goes when the container has exited
 * </pre>
 *
 * <p>Equivalent to: {@code ip netns add N; ip link add HOST type veth peer name eth0 netns N;
 * ip addr add .1/30 dev HOST; ip link set HOST up; ip -n N addr add .2/30 dev eth0; ip -n N link set eth0 up;
 * ip -n N link set lo up; ip -n N route add default via .1}.
 */
public final class PreparedNetwork implements AutoCloseable {
    /** The interface name inside the namespace. */
    public static final String PEER = "eth0";

    private final Fd netns;
    private final String hostVeth;
    private final Ipv4Cidr container;
    private final Inet4Address host;

    private PreparedNetwork(Fd netns, String hostVeth, Ipv4Cidr container, Inet4Address host) {
        this.netns = netns;
        this.hostVeth = hostVeth;
        this.container = container;
        this.host = host;
    }

    /**
     * Creates the namespace and wires it. {@code host} is a client of the namespace that gets the host end
     * (usually the caller's own, {@link RtNetlink#open()}); {@code subnet} a network of at least 4 addresses,
     * of which the host end takes the first host address and the container the second.
     *
     * @throws ErrnoException.AlreadyExists when a link called {@code hostVeth} exists already
     */
    public static PreparedNetwork create(RtNetlink host, String hostVeth, Ipv4Cidr subnet) throws ErrnoException {
        checkArguments(host, hostVeth, subnet);
        return wireNew(host, hostVeth, Ipv4Cidr.of(subnet.host(2), subnet.prefixLength()), subnet.host(1));
    }

    /**
     * The thread that creates the namespace also opens the client inside it, so the wiring needs no second
     * thread to enter it: one platform thread start and one setns less per network.
     */
    private static PreparedNetwork wireNew(RtNetlink host, String hostVeth, Ipv4Cidr container, Inet4Address hostAddress)
            throws ErrnoException {
        var created = NamespaceThreads.newNetworkNamespace(RtNetlink::open);
        return wire(host, created.netns(), created.made(), hostVeth, container, hostAddress);
    }

    /**
     * Wires an empty network namespace made by the caller, as {@link #create} does with its own. Takes
     * ownership of {@code netns}: the result closes it, and so does a failure.
     */
    public static PreparedNetwork wire(RtNetlink host, Fd netns, String hostVeth, Ipv4Cidr subnet) throws ErrnoException {
        try {
            checkArguments(host, hostVeth, subnet);
        } catch (RuntimeException e) {
            netns.close();
            throw e;
        }
        return wire(host, netns, hostVeth, Ipv4Cidr.of(subnet.host(2), subnet.prefixLength()), subnet.host(1));
    }

    /**
     * Creates a namespace and wires it with chosen addresses: {@code container} is the address of
     * {@value #PEER} with its prefix length (e.g. {@code 10.0.9.5/24}), {@code hostAddress} another address of the
     * same subnet for the host end. What {@code uva_container run --ip} needs.
     */
    public static PreparedNetwork create(RtNetlink host, String hostVeth, Ipv4Cidr container, Inet4Address hostAddress)
            throws ErrnoException {
        checkAddresses(host, hostVeth, container, hostAddress);
        return wireNew(host, hostVeth, container, hostAddress);
    }

    private static PreparedNetwork wire(RtNetlink host, Fd netns, String hostVeth, Ipv4Cidr container,
                                        Inet4Address hostAddress) throws ErrnoException {
        RtNetlink inside;
        try {
            inside = RtNetlink.openIn(netns);
        } catch (ErrnoException | RuntimeException e) {
            netns.close();
            throw e;
        }
        return wire(host, netns, inside, hostVeth, container, hostAddress);
    }

    /** Takes ownership of {@code netns} and {@code inside}, a client born in it: closes the client in any case. */
    private static PreparedNetwork wire(RtNetlink host, Fd netns, RtNetlink inside, String hostVeth, Ipv4Cidr container,
                                        Inet4Address hostAddress) throws ErrnoException {
        int prefix = container.prefixLength();
        Inet4Address containerAddress = container.address();
        boolean vethCreated = false;
        try {
            host.vethAdd(hostVeth, PEER, netns);
            vethCreated = true;
            int hostIndex = host.linkByName(hostVeth)
                    .orElseThrow(() -> new IllegalStateException(hostVeth + " vanished right after it was created")).index();
            host.addrAdd(hostIndex, hostAddress, prefix);
            host.linkSetUp(hostIndex);
            // The addresses inside need a socket born in the namespace; it is closed before the namespace is
            // handed out, so only the fd (and later the container) keeps the namespace alive.
            try (inside) {
                int eth0 = inside.linkByName(PEER)
                        .orElseThrow(() -> new IllegalStateException(PEER + " missing in the new namespace")).index();
                inside.addrAdd(eth0, containerAddress, prefix);
                inside.linkSetUp(eth0);
                inside.linkSetUp("lo");
                inside.routeAddDefault(hostAddress);
            }
            return new PreparedNetwork(netns, hostVeth, container, hostAddress);
        } catch (ErrnoException | RuntimeException e) {
            inside.close();
            netns.close();
            // The namespace's death would take the veth with it, but asynchronously: deleting it now frees the
            // name for the caller's next attempt.
            if (vethCreated) {
                try {
                    host.linkDel(hostVeth);
                } catch (ErrnoException.NotFound gone) {
                    // already gone with the namespace
                } catch (ErrnoException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static void checkAddresses(RtNetlink host, String hostVeth, Ipv4Cidr container, Inet4Address hostAddress) {
        RtNetlink.requireName(hostVeth);
        Objects.requireNonNull(host, "host");
        Ipv4Cidr net = container.network();
        if (net.prefixLength() > 30) throw new IllegalArgumentException("subnet " + net + " has no room for a host and a container");
        if (!net.contains(hostAddress) || hostAddress.equals(container.address()))
            throw new IllegalArgumentException("host address " + hostAddress.getHostAddress() + " must be another address of " + net);
    }

    private static void checkArguments(RtNetlink host, String hostVeth, Ipv4Cidr subnet) {
        RtNetlink.requireName(hostVeth);
        if (!subnet.isNetwork() || subnet.prefixLength() > 30)
            throw new IllegalArgumentException("subnet " + subnet + " must be a network of /30 or larger (host bits clear)");
        Objects.requireNonNull(host, "host");
    }

    /** The namespace; stays owned by this object. */
    public Fd netns() { return netns; }

    /** The host end's name, in the namespace of the {@link RtNetlink} it was created with. */
    public String hostVeth() { return hostVeth; }

    /** The /30 (or larger) network of the link. */
    public Ipv4Cidr subnet() { return container.network(); }

    /** The host end's address: the container's gateway. */
    public Inet4Address hostAddress() { return host; }

    /** The address of {@value #PEER} inside. */
    public Inet4Address containerAddress() { return container.address(); }

    /**
     * Closes the namespace fd. Once no process is in the namespace either, the kernel destroys it and the veth
     * with it (asynchronously, a few milliseconds later); a container started in it keeps it alive until it exits.
     */
    @Override
    public void close() {
        netns.close();
    }

    @Override
    public String toString() {
        return "PreparedNetwork[" + hostVeth + " " + hostAddress().getHostAddress() + " <-> " + PEER + " "
                + containerAddress().getHostAddress() + "/" + container.prefixLength() + ", " + netns + "]";
    }
}
