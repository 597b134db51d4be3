package io.uvac.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.testing.Privileged;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one test that creates a link in the host's own network namespace, as the launcher will: a veth whose
 * host end is named {@code uvt} + 8 random hex digits, with its peer in a namespace the test creates. When the
 * last reference to that namespace goes, the kernel destroys the namespace, its peer and so the host end: the
 * teardown uvac relies on. The link is deleted in {@link #deleteLeftover()} if it outlives the test anyway.
 */
class HostVethLifetimeTest {
    private static final long DEADLINE_NANOS = 5_000_000_000L;

    private final String name = "uvt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private RtNetlink host;

    @BeforeEach
    void openHostClient() throws Exception {
        Privileged.require();
        host = RtNetlink.open();
    }

    @AfterEach
    void deleteLeftover() throws Exception {
        if (host == null) return;
        try (RtNetlink h = host) {
            if (h.linkByName(name).isPresent()) h.linkDel(name);
        }
    }

    @Test
    void hostEndVanishesWithThePeersNamespace() throws Exception {
        assertEquals(11, name.length());
        assertEquals(Optional.empty(), host.linkByName(name), "random name already taken");
        try (Fd peerNetns = NamespaceThreads.newNetworkNamespace()) {
            host.vethAdd(name, "eth0", peerNetns);
            Link created = host.linkByName(name).orElseThrow();
            assertEquals(Optional.of("veth"), created.kind());
            assertTrue(host.links().contains(created));
            try (RtNetlink inside = RtNetlink.openIn(peerNetns)) {
                assertEquals(Optional.of("veth"), inside.linkByName("eth0").orElseThrow().kind());
            } // closed first: a socket in the namespace would keep it alive
        } // the namespace's last reference: nothing runs in it any more
        long start = System.nanoTime();
        while (host.linkByName(name).isPresent()) {
            if (System.nanoTime() - start > DEADLINE_NANOS)
                throw new AssertionError(name + " still exists 5 s after its peer's namespace was released");
            Thread.sleep(1);
        }
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println("host end " + name + " gone " + micros + " us after the peer namespace's fd was closed");
    }
}
