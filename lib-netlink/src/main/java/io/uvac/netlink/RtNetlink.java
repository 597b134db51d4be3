package io.uvac.netlink;

import io.uvac.netlink.internal.Exchange;
import io.uvac.netlink.internal.NlMessages;
import io.uvac.netlink.internal.NlSocket;
import io.uvac.netlink.internal.NlWriter;
import io.uvac.netlink.internal.RtReplies;
import io.uvac.netlink.internal.RtRequests;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.raw.linux_netlink_h;
import io.uvac.sys.raw.net_if_h;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client of the kernel's routing netlink (rtnetlink(7)) over one NETLINK_ROUTE socket: veth pairs, links, IPv4
 * addresses and routes of the network namespace the socket was opened in. Operations are named after iproute2's
 * and each documents the {@code ip} command it equals.
 *
 * <pre>
 * try (Fd netns = NamespaceThreads.newNetworkNamespace();
 *      RtNetlink host = RtNetlink.open();
 *      RtNetlink inside = RtNetlink.openIn(netns)) {
 *     host.vethAdd("uvac1", "eth0", netns);
 *     Ipv4Cidr link = Ipv4Cidr.parse("10.200.1.0/30");
 *     int uvac1 = host.linkByName("uvac1").orElseThrow().index();
 *     host.addrAdd(uvac1, link.host(1), 30);
 *     host.linkSetUp(uvac1);
 *     int eth0 = inside.linkByName("eth0").orElseThrow().index();
 *     inside.addrAdd(eth0, link.host(2), 30);
 *     inside.linkSetUp(eth0);
 *     inside.linkSetUp("lo");
 *     inside.routeAddDefault(link.host(1));
 * }
 * </pre>
 *
 * <p>Every request asks for an acknowledgement and waits for it, so a method returns once the kernel has done
 * the work, and a refusal is a {@link NetlinkException} with the errno and the kernel's explanation. The socket
 * enables NETLINK_EXT_ACK for that explanation and NETLINK_CAP_ACK to keep error replies small.
 *
 * <p>Thread-safe: requests from several threads run one after another on the one socket. A client holds only
 * its socket; request and receive buffers are reused across all clients. {@link #close()} closes the socket.
 */
public final class RtNetlink implements AutoCloseable {
    private static final int DUMP_ATTEMPTS = 5;

    private final NlSocket socket;
    private final ReentrantLock lock = new ReentrantLock();

    private RtNetlink(NlSocket socket) {
        this.socket = socket;
    }

    /** A client for the network namespace of the calling thread. */
    public static RtNetlink open() throws ErrnoException {
        return new RtNetlink(NlSocket.open(linux_netlink_h.NETLINK_ROUTE));
    }

    /**
     * A client for the network namespace {@code netns} (an fd of {@code /proc/PID/ns/net} or from
     * {@code NamespaceThreads.newNetworkNamespace()}), opened without moving the calling thread: the socket is
     * created on a short-lived thread inside the namespace and stays bound to it. The fd may be closed afterwards:
     * the socket holds the namespace alive until {@link #close()}, so close the client before counting on the
     * namespace's death to take its veth with it.
     *
     * <p>Equivalent to running {@code ip -n NS ...} commands.
     */
    public static RtNetlink openIn(Fd netns) throws ErrnoException {
        Objects.requireNonNull(netns, "netns");
        return new RtNetlink(NlSocket.openIn(netns, linux_netlink_h.NETLINK_ROUTE));
    }

    /**
     * Creates a veth pair with one RTM_NEWLINK: {@code hostName} in this client's namespace and {@code peerName}
     * created directly inside {@code peerNetns} (null: next to the host end), so the peer never appears in this
     * namespace and no second request moves it. Both ends start down.
     *
     * <p>Equivalent to: {@code ip link add HOST type veth peer name PEER netns NS}.
     *
     * <pre>
     * rt.vethAdd("uvac1", "eth0", containerNetns);
     * </pre>
     *
     * @throws NetlinkException.AlreadyExists when a link called {@code hostName} exists here, or {@code peerName} there
     */
    public void vethAdd(String hostName, String peerName, Fd peerNetns) throws ErrnoException {
        requireName(hostName);
        requireName(peerName);
        int netnsFd = peerNetns == null ? -1 : peerNetns.get();
        run((w, seq) -> RtRequests.vethAdd(w, seq, hostName, peerName, netnsFd), NlSocket.IGNORE,
                () -> "veth " + hostName + " peer " + peerName);
    }

    /**
     * Sets the link administratively up.
     *
     * <p>Equivalent to: {@code ip link set dev IFINDEX up}.
     *
     * @throws NetlinkException.NotFound when no link has that index
     */
    public void linkSetUp(int ifindex) throws ErrnoException {
        requireIndex(ifindex);
        run((w, seq) -> RtRequests.linkSetUp(w, seq, ifindex, null, true), NlSocket.IGNORE,
                () -> "ifindex " + ifindex + " up");
    }

    /**
     * Sets the link administratively up, found by name in one request.
     *
     * <p>Equivalent to: {@code ip link set dev NAME up}.
     *
     * <pre>
     * inside.linkSetUp("lo");
     * </pre>
     *
     * @throws NetlinkException.NotFound when no link has that name
     */
    public void linkSetUp(String name) throws ErrnoException {
        requireName(name);
        run((w, seq) -> RtRequests.linkSetUp(w, seq, 0, name, true), NlSocket.IGNORE, () -> name + " up");
    }

    /**
     * Sets the link administratively down.
     *
     * <p>Equivalent to: {@code ip link set dev NAME down}.
     */
    public void linkSetDown(String name) throws ErrnoException {
        requireName(name);
        run((w, seq) -> RtRequests.linkSetUp(w, seq, 0, name, false), NlSocket.IGNORE, () -> name + " down");
    }

    /**
     * Moves the link into the network namespace {@code netns}; it keeps its name and loses its addresses.
     *
     * <p>Equivalent to: {@code ip link set dev NAME netns NS}.
     */
    public void linkSetNetns(String name, Fd netns) throws ErrnoException {
        requireName(name);
        int netnsFd = netns.get();
        run((w, seq) -> RtRequests.linkSetNetns(w, seq, 0, name, netnsFd), NlSocket.IGNORE,
                () -> name + " netns " + netns);
    }

    /**
     * Deletes the link; for a veth, both ends go.
     *
     * <p>Equivalent to: {@code ip link del dev NAME}.
     *
     * @throws NetlinkException.NotFound when no link has that name (ENODEV)
     */
    public void linkDel(String name) throws ErrnoException {
        requireName(name);
        run((w, seq) -> RtRequests.linkDel(w, seq, 0, name), NlSocket.IGNORE, () -> name);
    }

    /**
     * Deletes the link with this index.
     *
     * <p>Equivalent to: {@code ip link del dev IFNAME} for the link's name.
     */
    public void linkDel(int ifindex) throws ErrnoException {
        requireIndex(ifindex);
        run((w, seq) -> RtRequests.linkDel(w, seq, ifindex, null), NlSocket.IGNORE, () -> "ifindex " + ifindex);
    }

    /**
     * The link called {@code name}, if there is one.
     *
     * <p>Equivalent to: {@code ip -d link show dev NAME}.
     *
     * <pre>
     * int eth0 = inside.linkByName("eth0").orElseThrow().index();
     * </pre>
     */
    public Optional<Link> linkByName(String name) throws ErrnoException {
        requireName(name);
        return linkGet(0, name);
    }

    /**
     * The link with this index, if there is one.
     *
     * <p>Equivalent to: {@code ip -d link show} filtered by index.
     */
    public Optional<Link> linkByIndex(int ifindex) throws ErrnoException {
        requireIndex(ifindex);
        return linkGet(ifindex, null);
    }

    private Optional<Link> linkGet(int ifindex, String name) throws ErrnoException {
        Link[] found = new Link[1];
        try {
            run((w, seq) -> RtRequests.linkGet(w, seq, ifindex, name), m -> {
                Link l = RtReplies.link(m);
                if (l != null) found[0] = l;
            }, () -> name != null ? name : "ifindex " + ifindex);
        } catch (NetlinkException.NotFound absent) {
            return Optional.empty();
        }
        return Optional.ofNullable(found[0]);
    }

    /**
     * Every link of the namespace, in ifindex order.
     *
     * <p>Equivalent to: {@code ip -d link show}.
     */
    public List<Link> links() throws ErrnoException {
        return dump(RtRequests::linkDump, RtReplies::link);
    }

    /**
     * Assigns an IPv4 address; the kernel adds the route to its subnet (in the main table) once the link is up.
     *
     * <p>Equivalent to: {@code ip addr add ADDRESS/PREFIX dev IFINDEX}.
     *
     * <pre>
     * rt.addrAdd(eth0, Ipv4Cidr.parseAddress("10.200.1.2"), 30);
     * </pre>
     *
     * @throws NetlinkException.AlreadyExists when the link has this address already
     */
    public void addrAdd(int ifindex, Inet4Address address, int prefixLength) throws ErrnoException {
        requireIndex(ifindex);
        Objects.requireNonNull(address, "address");
        requirePrefixLength(prefixLength);
        run((w, seq) -> RtRequests.addrAdd(w, seq, ifindex, address, prefixLength), NlSocket.IGNORE,
                () -> address.getHostAddress() + "/" + prefixLength + " dev ifindex " + ifindex);
    }

    /** {@link #addrAdd(int, Inet4Address, int)} with {@code address.address()} and its prefix length. */
    public void addrAdd(int ifindex, Ipv4Cidr address) throws ErrnoException {
        addrAdd(ifindex, address.address(), address.prefixLength());
    }

    /**
     * Every IPv4 address of the namespace.
     *
     * <p>Equivalent to: {@code ip -4 addr show}.
     */
    public List<Address> addresses() throws ErrnoException {
        return dump(RtRequests::addrDump, RtReplies::address);
    }

    /**
     * Adds the default route via {@code gateway}, which must be reachable through a connected subnet.
     *
     * <p>Equivalent to: {@code ip route add default via GATEWAY}.
     *
     * @throws NetlinkException ENETUNREACH ("Nexthop has invalid gateway") when no subnet holds the gateway;
     *                          {@link NetlinkException.AlreadyExists} when there is a default route already
     */
    public void routeAddDefault(Inet4Address gateway) throws ErrnoException {
        Objects.requireNonNull(gateway, "gateway");
        run((w, seq) -> RtRequests.routeAdd(w, seq, null, 0, gateway, 0), NlSocket.IGNORE,
                () -> "default via " + gateway.getHostAddress());
    }

    /**
     * Adds a route to {@code destination} in the main table, through {@code gateway} (null: directly connected)
     * and/or out of {@code ifindex} (0: whichever link reaches the gateway).
     *
     * <p>Equivalent to: {@code ip route add DST/LEN [via GATEWAY] [dev IFINDEX]}.
     *
     * <pre>
     * rt.routeAdd(Ipv4Cidr.parse("10.96.0.0/12"), Ipv4Cidr.parseAddress("10.200.1.1"), 0);
     * </pre>
     *
     * @throws IllegalArgumentException when {@code destination} has host bits set, or neither gateway nor link is given
     */
    public void routeAdd(Ipv4Cidr destination, Inet4Address gateway, int ifindex) throws ErrnoException {
        Objects.requireNonNull(destination, "destination");
        if (!destination.isNetwork())
            throw new IllegalArgumentException("route destination " + destination + " has host bits set; the network is "
                    + destination.network());
        if (gateway == null && ifindex == 0)
            throw new IllegalArgumentException("a route to " + destination + " needs a gateway or an interface");
        if (ifindex < 0) throw new IllegalArgumentException("ifindex " + ifindex + " is negative");
        Inet4Address dst = destination.address();
        int length = destination.prefixLength();
        run((w, seq) -> RtRequests.routeAdd(w, seq, dst, length, gateway, ifindex), NlSocket.IGNORE,
                () -> (length == 0 ? "default" : destination.toString())
                        + (gateway != null ? " via " + gateway.getHostAddress() : "")
                        + (ifindex != 0 ? " dev ifindex " + ifindex : ""));
    }

    /** {@link #routeAdd(Ipv4Cidr, Inet4Address, int)} for {@code prefix/prefixLength}. */
    public void routeAdd(Inet4Address prefix, int prefixLength, Inet4Address gateway, int ifindex) throws ErrnoException {
        routeAdd(Ipv4Cidr.of(prefix, prefixLength), gateway, ifindex);
    }

    /**
     * The IPv4 routes of the main table, connected subnets and the default route included; what the launcher
     * checks before it takes an address range.
     *
     * <p>Equivalent to: {@code ip -4 route show table main}.
     *
     * <pre>
     * boolean taken = rt.routes().stream().anyMatch(r -&gt; !r.isDefault() &amp;&amp; r.destination().overlaps(range));
     * </pre>
     */
    public List<Route> routes() throws ErrnoException {
        return dump(RtRequests::routeDump, RtReplies::mainTableRoute);
    }

    /** Closes the socket; idempotent. Requests after close fail with IllegalStateException. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "RtNetlink[" + socket + "]";
    }

    @FunctionalInterface
    private interface Request {
        void encode(NlWriter writer, int seq);
    }

    private void run(Request request, NlSocket.Replies replies, Supplier<String> arguments) throws ErrnoException {
        lock.lock();
        Exchange x = Exchange.take();
        try {
            request.encode(x.writer(), socket.nextSeq());
            socket.execute(x, replies, RtRequests.typeName(x.writer().type()), arguments);
        } finally {
            x.release();
            lock.unlock();
        }
    }

    /**
     * Runs a dump, again when the kernel flags it inconsistent (its tables changed while it was being read),
     * up to {@value #DUMP_ATTEMPTS} times.
     */
    private <T> List<T> dump(Request request, Function<NlMessages, T> decode) throws ErrnoException {
        lock.lock();
        Exchange x = Exchange.take();
        try {
            for (int attempt = 1; ; attempt++) {
                List<T> out = new ArrayList<>();
                request.encode(x.writer(), socket.nextSeq());
                String operation = RtRequests.typeName(x.writer().type());
                boolean consistent = socket.execute(x, m -> {
                    T item = decode.apply(m);
                    if (item != null) out.add(item);
                }, operation, () -> "dump");
                if (consistent) return out;
                if (attempt == DUMP_ATTEMPTS)
                    throw NetlinkException.of(operation, "dump (interrupted by concurrent changes " + DUMP_ATTEMPTS
                            + " times)", Errno.EINTR, "", -1);
            }
        } finally {
            x.release();
            lock.unlock();
        }
    }

    /** The kernel's dev_valid_name(): 1..15 bytes, not "." or "..", no '/', ':' or white space. */
    static String requireName(String name) {
        Objects.requireNonNull(name, "interface name");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes >= net_if_h.IFNAMSIZ)
            throw new IllegalArgumentException("interface name \"" + name + "\" has " + bytes + " bytes; it needs 1.."
                    + (net_if_h.IFNAMSIZ - 1));
        if (name.equals(".") || name.equals(".."))
            throw new IllegalArgumentException("interface name \"" + name + "\" is reserved");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == ' ' || (c >= '\t' && c <= '\r') || c == 0)
                throw new IllegalArgumentException("interface name \"" + name + "\" contains '" + c
                        + "'; '/', ':', NUL and white space are not allowed");
        }
        return name;
    }

    private static void requireIndex(int ifindex) {
        if (ifindex <= 0) throw new IllegalArgumentException("ifindex " + ifindex + " is not positive");
    }

    private static void requirePrefixLength(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32)
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
    }
}
