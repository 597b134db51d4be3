package io.uvac.netlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.netlink.NetlinkException;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.Errno;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.raw.linux_netlink_h;
import io.uvac.sys.testing.Privileged;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request loop on a real kernel, in a throwaway network namespace. Needs root. */
class NlSocketTest {
    private static final int PAIRS = 40;
    private Fd netns;
    private NlSocket socket;

    @BeforeEach
    void namespaceWithManyLinks() throws Exception {
        Privileged.require();
        netns = NamespaceThreads.newNetworkNamespace();
        socket = NlSocket.openIn(netns, linux_netlink_h.NETLINK_ROUTE);
        // Enough links that their dump takes several datagrams (the kernel fills at most 32 KiB per read).
        try (RtNetlink rt = RtNetlink.openIn(netns)) {
            for (int i = 0; i < PAIRS; i++) rt.vethAdd("uvt-" + i, "uvt-" + i + "p", null);
        }
    }

    @AfterEach
    void close() {
        if (socket != null) socket.close();
        if (netns != null) netns.close(); // the namespace and its links go with its last reference
    }

    private List<String> dumpNames(Exchange x) throws Exception {
        List<String> names = new ArrayList<>();
        RtRequests.linkDump(x.writer(), socket.nextSeq());
        assertTrue(socket.execute(x, m -> names.add(RtReplies.link(m).name()), "RTM_GETLINK", () -> "dump"));
        return names;
    }

    @Test
    void aDumpAbandonedMidwayDoesNotBlockTheNext() throws Exception {
        Exchange x = Exchange.take();
        try {
            int[] seen = {0};
            RtRequests.linkDump(x.writer(), socket.nextSeq());
            var e = assertThrows(IllegalStateException.class, () -> socket.execute(x, m -> {
                if (++seen[0] == 3) throw new IllegalStateException("decoder failed");
            }, "RTM_GETLINK", () -> "dump"));
            assertEquals("decoder failed", e.getMessage());
            // Without draining, the kernel would still be running the first dump on this socket and refuse
            // the second with EBUSY; its leftover parts must not be taken for the second's either.
            List<String> names = dumpNames(x);
            assertEquals(1 + 2 * PAIRS, names.size(), names::toString);
            assertEquals(names.size(), names.stream().distinct().count(), "no message of the first dump counted twice");
        } finally {
            x.release();
        }
    }

    @Test
    void repliesAreMatchedToTheirRequest() throws Exception {
        Exchange x = Exchange.take();
        try {
            // A refusal, then a dump and a get on the same socket: each sees only its own replies.
            RtRequests.linkDel(x.writer(), socket.nextSeq(), 0, "uvt-none");
            var e = assertThrows(NetlinkException.NotFound.class,
                    () -> socket.execute(x, NlSocket.IGNORE, "RTM_DELLINK", () -> "uvt-none"));
            assertEquals(Errno.ENODEV, e.errno());
            assertEquals(1 + 2 * PAIRS, dumpNames(x).size());
            List<String> one = new ArrayList<>();
            RtRequests.linkGet(x.writer(), socket.nextSeq(), 0, "uvt-7p");
            socket.execute(x, m -> one.add(RtReplies.link(m).name()), "RTM_GETLINK", () -> "uvt-7p");
            assertEquals(List.of("uvt-7p"), one);
        } finally {
            x.release();
        }
    }

    @Test
    void malformedRepliesNameTheRequest() throws Exception {
        Exchange x = Exchange.take();
        try {
            RtRequests.linkDump(x.writer(), socket.nextSeq());
            var e = assertThrows(NetlinkException.class, () -> socket.execute(x, m -> {
                throw new MalformedMessageException("attribute type 3 is missing");
            }, "RTM_GETLINK", () -> "dump"));
            assertEquals("RTM_GETLINK dump: Bad message (EBADMSG): malformed reply: attribute type 3 is missing", e.getMessage());
            assertEquals(1 + 2 * PAIRS, dumpNames(x).size(), "the socket is usable afterwards");
        } finally {
            x.release();
        }
    }

    @Test
    void portIdIsTheKernelsChoice() {
        assertTrue(socket.portId() != 0);
        assertTrue(socket.toString().contains("port id"));
    }
}
