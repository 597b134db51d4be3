package io.uvac.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.testing.Privileged;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool against the real kernel. Its "host" side is a network namespace each test makes (hostNamespace), so
 * no link ever appears in the machine's own namespace; everything is closed in {@link #closeEverything()}
 * whatever the test did, and the test then checks that no socket or namespace fd is left open.
 */
class PreparedNetworkPoolTest {
    private static final Ipv4Cidr RANGE = Ipv4Cidr.parse("10.202.0.0/24");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Owned owned = new Owned();
    private long fdsBefore;
    private Fd hostNs;
    private RtNetlink host;

    @BeforeEach
    void hostNamespace() throws Exception {
        Privileged.require();
        fdsBefore = RtNetlinkNamespacesTest.socketsAndNamespaces();
        hostNs = own(NamespaceThreads.newNetworkNamespace());
        host = own(RtNetlink.openIn(hostNs));
    }

    @AfterEach
    void closeEverything() throws Exception {
        owned.closeAll();
        assertEquals(fdsBefore, RtNetlinkNamespacesTest.socketsAndNamespaces(), "sockets and namespace fds left open");
    }

    private <T extends AutoCloseable> T own(T resource) {
        return owned.own(resource);
    }

    private PreparedNetworkPool pool(int size) throws Exception {
        return own(PreparedNetworkPool.builder().size(size).addresses(RANGE).hostNamespace(hostNs).build());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + PATIENCE + ": " + what);
            Thread.sleep(5);
        }
    }

    private List<String> poolLinks() throws Exception {
        return host.links().stream().map(Link::name).filter(n -> n.startsWith("uvac")).toList();
    }

    @Test
    void handsOutANamespaceWhoseNetworkIsReady() throws Exception {
        PreparedNetworkPool pool = pool(2);
        PreparedNetwork net = own(pool.take());

        String expectedPrefix = "uvac" + ProcessHandle.current().pid() + "-p";
        assertTrue(net.hostVeth().startsWith(expectedPrefix), net.hostVeth());
        assertTrue(RANGE.contains(net.subnet()), net.toString());
        assertEquals(30, net.subnet().prefixLength());

        Link hostEnd = host.linkByName(net.hostVeth()).orElseThrow();
        assertTrue(hostEnd.up());
        assertTrue(host.addresses().contains(new Address(hostEnd.index(), Ipv4Cidr.of(net.hostAddress(), 30), net.hostVeth())));

        try (RtNetlink inside = RtNetlink.openIn(net.netns())) {
            Link eth0 = inside.linkByName(PreparedNetwork.PEER).orElseThrow();
            assertTrue(eth0.up());
            assertTrue(inside.linkByName("lo").orElseThrow().up());
            assertTrue(inside.addresses().contains(new Address(eth0.index(), Ipv4Cidr.of(net.containerAddress(), 30), "eth0")));
            Inet4Address gateway = net.hostAddress();
            List<Route> routes = inside.routes();
            assertTrue(routes.contains(new Route(Ipv4Cidr.parse("0.0.0.0/0"), Optional.of(gateway), eth0.index())),
                    () -> "routes inside: " + routes);
        }
    }

    @Test
    void refillsWhatIsTakenUpToItsSizeAndNoFurther() throws Exception {
        PreparedNetworkPool pool = pool(3);
        await("pool full", () -> pool.ready() == 3);
        PreparedNetwork a = own(pool.take()), b = own(pool.take());
        assertFalse(a.hostVeth().equals(b.hostVeth()));
        assertFalse(a.subnet().overlaps(b.subnet()), a + " and " + b);
        await("refilled", () -> pool.ready() == 3);
        Thread.sleep(50);
        assertEquals(3, pool.ready(), "never more than its size");
        assertEquals(5, pool.prepared());
        assertEquals(5, poolLinks().size(), "three ready, two handed out");
    }

    @Test
    void closeStopsRefillingAndTheKernelRemovesWhatWasReady() throws Exception {
        PreparedNetworkPool pool = pool(2);
        await("pool full", () -> pool.ready() == 2);
        PreparedNetwork kept = own(pool.take());
        pool.close();
        assertThrows(IllegalStateException.class, pool::take);
        assertThrows(IllegalStateException.class, () -> pool.take(Duration.ofMillis(1)));
        pool.close(); // idempotent
        // The two namespaces that were ready had only the pool's fd: they die and take their veths along.
        await("only the taken network's link left", () -> {
            try {
                return poolLinks().equals(List.of(kept.hostVeth()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        kept.close();
        await("no pool link left", () -> {
            try {
                return poolLinks().isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void skipsANameStillInUse() throws Exception {
        String first = PreparedNetworkPool.vethName(ProcessHandle.current().pid(), 0);
        try (Fd elsewhere = NamespaceThreads.newNetworkNamespace()) {
            host.vethAdd(first, "eth0", elsewhere); // what a container of an earlier round would still hold
            PreparedNetworkPool pool = pool(1);
            PreparedNetwork net = own(pool.take());
            assertEquals(PreparedNetworkPool.vethName(ProcessHandle.current().pid(), 1), net.hostVeth());
            assertEquals(RANGE.subnet(30, 1), net.subnet());
        }
    }

    @Test
    void sweepDeletesLinksOfDeadOwnersOnly() throws Exception {
        Process finished = new ProcessBuilder("/bin/true").start();
        finished.waitFor();
        long deadPid = finished.pid();
        String stale = PreparedNetworkPool.vethName(deadPid, 7);
        String mine = PreparedNetworkPool.vethName(ProcessHandle.current().pid(), 7);
        try (Fd a = NamespaceThreads.newNetworkNamespace(); Fd b = NamespaceThreads.newNetworkNamespace()) {
            host.vethAdd(stale, "eth0", a);
            host.vethAdd(mine, "eth0", b);
            host.vethAdd("uvacx-p1", "eth1", b); // not a pool name: left alone
            assertEquals(List.of(stale), PreparedNetworkPool.sweep(host));
            assertEquals(Optional.empty(), host.linkByName(stale));
            assertTrue(host.linkByName(mine).isPresent());
            assertTrue(host.linkByName("uvacx-p1").isPresent());
        }
    }

    @Test
    void aFailingRefillReachesTheTakerInsteadOfHanging() throws Exception {
        // Two /30s, both names taken by links the pool must not touch: every refill fails.
        Ipv4Cidr two = Ipv4Cidr.parse("10.202.1.0/29");
        long pid = ProcessHandle.current().pid();
        try (Fd elsewhere = NamespaceThreads.newNetworkNamespace()) {
            host.vethAdd(PreparedNetworkPool.vethName(pid, 0), "eth0", elsewhere);
            host.vethAdd(PreparedNetworkPool.vethName(pid, 1), "eth1", elsewhere);
            PreparedNetworkPool pool = own(PreparedNetworkPool.builder().size(1).addresses(two).hostNamespace(hostNs).build());
            IllegalStateException e = assertThrows(IllegalStateException.class, pool::take);
            assertTrue(e.getMessage().contains("are in use"), e.getMessage());
        }
    }

    @Test
    void wireOwnsTheNamespaceFdAlsoWhenItFails() throws Exception {
        try (Fd elsewhere = NamespaceThreads.newNetworkNamespace()) {
            host.vethAdd("uvt-taken", "eth0", elsewhere);
            Fd netns = NamespaceThreads.newNetworkNamespace();
            assertThrows(ErrnoException.AlreadyExists.class,
                    () -> PreparedNetwork.wire(host, netns, "uvt-taken", Ipv4Cidr.parse("10.202.2.0/30")));
            assertFalse(netns.isOpen(), "closed by the failed wire");
            assertTrue(host.linkByName("uvt-taken").isPresent(), "the existing link is not the failed call's to delete");
        }
    }
}
