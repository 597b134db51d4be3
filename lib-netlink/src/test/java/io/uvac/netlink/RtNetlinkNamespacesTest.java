package io.uvac.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.net_if_h;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.testing.Privileged;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RtNetlink against the real kernel, inside network namespaces each test creates and throws away: nothing here
 * touches the host's interfaces, and traffic flows only between those namespaces. Needs root.
 */
class RtNetlinkNamespacesTest {
    private static final Ipv4Cidr LINK = Ipv4Cidr.parse("10.200.1.0/30");
    private static final Inet4Address HOST_END = LINK.host(1);
    private static final Inet4Address CONTAINER_END = LINK.host(2);

    /** Closed in reverse order after each test, whatever happened in it. */
    private final Owned owned = new Owned();
    private long socketsAndNamespacesBefore;
    private Fd nsA, nsB;

    /**
     * The JDK's socket code keeps one socket open for the life of the JVM, made on first use (the NIO
     * dispatcher's "pre-close" socketpair end). Made in the host namespace here, before any test counts sockets;
     * made on a thread inside a test's namespace, it would hold that namespace alive until the JVM exits.
     */
    @BeforeAll
    static void jdkSocketsInitializedInTheHostNamespace() throws IOException {
        SocketChannel.open().close();
    }

    @BeforeEach
    void namespaces() throws Exception {
        Privileged.require();
        socketsAndNamespacesBefore = socketsAndNamespaces();
        nsA = own(NamespaceThreads.newNetworkNamespace());
        nsB = own(NamespaceThreads.newNetworkNamespace());
    }

    @AfterEach
    void closeEverything() throws Exception {
        owned.closeAll();
        assertEquals(socketsAndNamespacesBefore, socketsAndNamespaces(), "sockets and namespace fds left open");
    }

    private <T extends AutoCloseable> T own(T resource) {
        return owned.own(resource);
    }

    /** Open fds that are sockets or namespaces: what RtNetlink and these tests create, and must close. */
    static long socketsAndNamespaces() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(p -> {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    return target.startsWith("socket:") || target.startsWith("net:");
                } catch (IOException gone) {
                    return false; // the listing's own fd, closed by now
                }
            }).count();
        }
    }

    private static Set<String> names(List<Link> links) {
        return links.stream().map(Link::name).collect(Collectors.toSet());
    }

    private static Link link(RtNetlink rt, String name) throws ErrnoException {
        return rt.linkByName(name).orElseThrow(() -> new AssertionError("no link " + name + " in " + rt));
    }

    @Test
    void vethPairAcrossNamespacesWithAddressesRoutesAndTraffic() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        RtNetlink b = own(RtNetlink.openIn(nsB));

        a.vethAdd("uvt-a", "eth0", nsB);
        Link hostEnd = link(a, "uvt-a");
        assertEquals(Optional.of("veth"), hostEnd.kind());
        assertFalse(hostEnd.up(), "veth ends start down");
        assertEquals(Optional.empty(), a.linkByName("eth0"), "the peer was created in B, never in A");
        Link eth0 = link(b, "eth0");
        assertEquals(Optional.of("veth"), eth0.kind());
        assertEquals(1500, eth0.mtu());
        assertEquals(Set.of("lo", "uvt-a"), names(a.links()));
        assertEquals(Set.of("lo", "eth0"), names(b.links()));
        assertEquals(Optional.of(eth0), b.linkByIndex(eth0.index()));

        a.addrAdd(hostEnd.index(), HOST_END, 30);
        a.linkSetUp(hostEnd.index());
        b.addrAdd(eth0.index(), Ipv4Cidr.of(CONTAINER_END, 30));
        b.linkSetUp("eth0");
        b.linkSetUp("lo");
        b.routeAddDefault(HOST_END);
        // A service address in A that B reaches only through its default route.
        Inet4Address service = Ipv4Cidr.parseAddress("10.201.0.1");
        a.linkSetUp("lo");
        a.addrAdd(link(a, "lo").index(), service, 32);

        assertTrue(link(a, "uvt-a").up());
        Link eth0Up = link(b, "eth0");
        assertTrue(eth0Up.up());
        assertEquals(net_if_h.IFF_UP, eth0Up.flags() & net_if_h.IFF_UP);
        assertTrue(b.links().stream().allMatch(Link::up), "lo and eth0 up in B");

        assertTrue(a.addresses().contains(new Address(hostEnd.index(), Ipv4Cidr.parse("10.200.1.1/30"), "uvt-a")));
        assertTrue(a.addresses().contains(new Address(link(a, "lo").index(), Ipv4Cidr.parse("10.201.0.1/32"), "lo")));
        assertEquals(List.of(new Address(link(b, "lo").index(), Ipv4Cidr.parse("127.0.0.1/8"), "lo"),
                        new Address(eth0.index(), Ipv4Cidr.parse("10.200.1.2/30"), "eth0")),
                b.addresses());

        List<Route> routes = b.routes();
        assertTrue(routes.contains(new Route(Ipv4Cidr.parse("0.0.0.0/0"), Optional.of(HOST_END), eth0.index())), routes::toString);
        assertTrue(routes.contains(new Route(LINK, Optional.empty(), eth0.index())), routes::toString);
        assertEquals(2, routes.size(), () -> "main table of B: " + routes);
        assertTrue(routes.stream().anyMatch(r -> !r.isDefault() && r.destination().overlaps(Ipv4Cidr.parse("10.200.1.2/31"))));
        assertTrue(a.routes().stream().noneMatch(Route::isDefault));

        assertTcpWorks(service);
    }

    /** B connects to {@code service} in A and both ends exchange a byte: the veth, addresses and routes work. */
    private void assertTcpWorks(Inet4Address service) throws Exception {
        ServerSocket server = own(NamespaceThreads.call(nsA, sched_h.CLONE_NEWNET, () -> {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(service, 0), 1);
            return s;
        }));
        server.setSoTimeout(5_000);
        int port = server.getLocalPort();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reply = client.submit(() -> NamespaceThreads.call(nsB, sched_h.CLONE_NEWNET, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(service, port), 5_000);
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write(41);
                    return s.getInputStream().read();
                }
            }));
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(5_000);
                assertEquals(CONTAINER_END, accepted.getInetAddress(), "B's source address is its eth0 address");
                int got = accepted.getInputStream().read();
                accepted.getOutputStream().write(got + 1);
            }
            assertEquals(42, reply.get());
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void generalRoutesAndTheirValidation() throws Exception {
        RtNetlink b = own(RtNetlink.openIn(nsB));
        RtNetlink a = own(RtNetlink.openIn(nsA));
        a.vethAdd("uvt-r", "eth0", nsB);
        int eth0 = link(b, "eth0").index();
        b.addrAdd(eth0, CONTAINER_END, 30);
        b.linkSetUp(eth0);

        b.routeAdd(Ipv4Cidr.parse("10.96.0.0/12"), HOST_END, 0);
        b.routeAdd(Ipv4Cidr.parseAddress("192.0.2.0"), 24, null, eth0);
        List<Route> routes = b.routes();
        assertTrue(routes.contains(new Route(Ipv4Cidr.parse("10.96.0.0/12"), Optional.of(HOST_END), eth0)), routes::toString);
        assertTrue(routes.contains(new Route(Ipv4Cidr.parse("192.0.2.0/24"), Optional.empty(), eth0)), routes::toString);

        var dup = assertThrows(ErrnoException.AlreadyExists.class,
                () -> b.routeAdd(Ipv4Cidr.parse("10.96.0.0/12"), HOST_END, 0));
        assertEquals(Errno.EEXIST, dup.errno());
        assertThrows(IllegalArgumentException.class, () -> b.routeAdd(Ipv4Cidr.parse("10.96.0.1/12"), HOST_END, 0));
        assertThrows(IllegalArgumentException.class, () -> b.routeAdd(Ipv4Cidr.parse("10.96.0.0/12"), null, 0));
        assertThrows(IllegalArgumentException.class, () -> b.addrAdd(eth0, CONTAINER_END, 33));
    }

    @Test
    void duplicateLinkNameIsAlreadyExists() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        a.vethAdd("uvt-dup", "uvt-dup-p", null);
        var e = assertThrows(ErrnoException.AlreadyExists.class, () -> a.vethAdd("uvt-dup", "uvt-dup-q", null));
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("RTM_NEWLINK", e.operation());
        assertTrue(e.getMessage().startsWith("RTM_NEWLINK veth uvt-dup peer uvt-dup-q: File exists (EEXIST)"), e.getMessage());
        assertEquals(e.detail().isEmpty() ? "" : ": " + e.detail(),
                e.getMessage().substring("RTM_NEWLINK veth uvt-dup peer uvt-dup-q: File exists (EEXIST)".length()));
        assertEquals(Set.of("lo", "uvt-dup", "uvt-dup-p"), names(a.links()), "the failed request created nothing");
    }

    @Test
    void missingLinksAreNotFound() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        var del = assertThrows(ErrnoException.NotFound.class, () -> a.linkDel("uvt-none"));
        assertEquals(Errno.ENODEV, del.errno());
        assertEquals("RTM_DELLINK", del.operation());
        assertTrue(del.getMessage().startsWith("RTM_DELLINK uvt-none: No such device (ENODEV)"), del.getMessage());
        assertInstanceOf(ErrnoException.class, del);
        assertThrows(ErrnoException.NotFound.class, () -> a.linkSetUp("uvt-none"));
        assertThrows(ErrnoException.NotFound.class, () -> a.linkSetUp(9999));
        assertThrows(ErrnoException.NotFound.class, () -> a.linkDel(9999));
        assertEquals(Optional.empty(), a.linkByName("uvt-none"));
        assertEquals(Optional.empty(), a.linkByIndex(9999));
        assertEquals(Set.of("lo"), names(a.links()), "the socket still works after refusals");
    }

    @Test
    void kernelExplainsAnUnreachableGateway() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        var e = assertThrows(ErrnoException.class, () -> a.routeAddDefault(Ipv4Cidr.parseAddress("10.9.9.9")));
        assertEquals(Errno.ENETUNREACH, e.errno());
        assertFalse(e.detail().isEmpty(), "the kernel sent an extended ack: " + e.getMessage());
        assertEquals("RTM_NEWROUTE default via 10.9.9.9: Network is unreachable (ENETUNREACH): " + e.detail(),
                e.getMessage());
    }

    @Test
    void deletingOneEndDeletesThePair() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        RtNetlink b = own(RtNetlink.openIn(nsB));
        a.vethAdd("uvt-d", "eth0", nsB);
        link(b, "eth0");
        a.linkDel(link(a, "uvt-d").index());
        assertEquals(Optional.empty(), a.linkByName("uvt-d"));
        assertEquals(Optional.empty(), b.linkByName("eth0"));
    }

    @Test
    void linkMovesBetweenNamespaces() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        RtNetlink b = own(RtNetlink.openIn(nsB));
        a.vethAdd("uvt-m0", "uvt-m1", null);
        a.linkSetNetns("uvt-m1", nsB);
        assertEquals(Set.of("lo", "uvt-m0"), names(a.links()));
        assertEquals(Set.of("lo", "uvt-m1"), names(b.links()));
        b.linkSetUp("uvt-m1");
        assertTrue(link(b, "uvt-m1").up());
        b.linkSetDown("uvt-m1");
        assertFalse(link(b, "uvt-m1").up());
    }

    @Test
    void clientKeepsItsNamespaceAliveAfterTheFdIsClosed() throws Exception {
        Fd ns = NamespaceThreads.newNetworkNamespace();
        RtNetlink rt;
        try (ns) {
            rt = own(RtNetlink.openIn(ns));
        }
        rt.linkSetUp("lo");
        assertTrue(link(rt, "lo").up());
        assertEquals(List.of(new Address(1, Ipv4Cidr.parse("127.0.0.1/8"), "lo")), rt.addresses());
    }

    @Test
    void manyRequestsAndConcurrentDumpsShareOneSocket() throws Exception {
        RtNetlink a = own(RtNetlink.openIn(nsA));
        a.vethAdd("uvt-c0", "uvt-c1", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<String>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++)
                results.add(pool.submit(() -> {
                    assertEquals(Optional.empty(), a.linkByName("uvt-none"));
                    return names(a.links());
                }));
            for (Future<Set<String>> r : results) assertEquals(Set.of("lo", "uvt-c0", "uvt-c1"), r.get());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 500; i++) assertEquals("uvt-c0", link(a, "uvt-c0").name());
    }

    @Test
    void closedClientFailsClearlyAndClosesOnce() throws Exception {
        RtNetlink a = RtNetlink.openIn(nsA);
        a.close();
        a.close();
        assertThrows(IllegalStateException.class, a::links);
    }

    @Test
    void failuresWhileOpeningLeakNothing() throws Exception {
        try (Fd uts = Posix.open("/proc/self/ns/uts", fcntl_h.O_RDONLY)) {
            var e = assertThrows(ErrnoException.class, () -> RtNetlink.openIn(uts), "not a network namespace");
            assertEquals(Errno.EINVAL, e.errno());
        }
        RtNetlink a = own(RtNetlink.openIn(nsA));
        Fd[] pipe = Posix.pipe();
        try (Fd r = pipe[0]; Fd w = pipe[1]) {
            var e = assertThrows(ErrnoException.class, () -> a.vethAdd("uvt-x", "eth0", r), "a pipe is no netns");
            assertEquals(Set.of("lo"), names(a.links()), e.getMessage());
        }
    }
}
