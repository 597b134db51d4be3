package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_netlink_h.NETLINK_CAP_ACK;
import static io.uvac.sys.raw.linux_netlink_h.NETLINK_EXT_ACK;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_DONE;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_ERROR;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_NOOP;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_OVERRUN;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_DUMP_INTR;
import static io.uvac.sys.raw.sys_socket_h.AF_NETLINK;
import static io.uvac.sys.raw.sys_socket_h.MSG_DONTWAIT;
import static io.uvac.sys.raw.sys_socket_h.MSG_TRUNC;
import static io.uvac.sys.raw.sys_socket_h.SOCK_RAW;
import static io.uvac.sys.raw.sys_socket_h.SOL_NETLINK;

import io.uvac.netlink.NetlinkException;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.internal.Sockets;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.sockaddr_nl;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

/**
 * A raw netlink socket that runs one request at a time: send, then read replies until the request's
 * acknowledgement (NLMSG_ERROR, error 0 or not) or, for a dump, its NLMSG_DONE. Replies are matched by sequence
 * number and port id, so a late reply to an earlier, abandoned request is skipped, never taken for this one's.
 *
 * <p>The socket owns only its fd; the buffers of a request come from an {@link Exchange}. Not thread-safe: the
 * owner serializes requests, or replies meant for one caller would be read and dropped by another.
 */
public final class NlSocket implements AutoCloseable {
    private static final int ENOPROTOOPT = 92, EMSGSIZE = 90, ENOBUFS = 105;

    /** Receives the data messages of a reply; the cursor is valid only during the call. */
    @FunctionalInterface
    public interface Replies {
        void accept(NlMessages message);
    }

    public static final Replies IGNORE = m -> {};

    private final Fd fd;
    private final int portId;
    private int seq;

    private NlSocket(Fd fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** A socket of netlink {@code protocol} in the calling thread's network namespace. */
    public static NlSocket open(int protocol) throws ErrnoException {
        return configure(Sockets.socket(AF_NETLINK, SOCK_RAW, protocol));
    }

    /**
     * A socket of netlink {@code protocol} in the network namespace {@code netns}. A socket belongs for life to
     * the namespace it was created in, so only socket(2) runs on a thread inside it.
     */
    public static NlSocket openIn(Fd netns, int protocol) throws ErrnoException {
        return configure(NamespaceThreads.call(netns, sched_h.CLONE_NEWNET,
                () -> Sockets.socket(AF_NETLINK, SOCK_RAW, protocol)));
    }

    private static NlSocket configure(Fd fd) throws ErrnoException {
        try {
            enable(fd, NETLINK_EXT_ACK, "NETLINK_EXT_ACK");
            // Errors echo only the request's header, not the whole request, which keeps them small.
            enable(fd, NETLINK_CAP_ACK, "NETLINK_CAP_ACK");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment local = sockaddr_nl.allocate(arena);
                sockaddr_nl.nl_family(local, (short) AF_NETLINK);
                Sockets.bind(fd, local, "netlink, port id chosen by the kernel");
                Sockets.getsockname(fd, local, "netlink");
                return new NlSocket(fd, sockaddr_nl.nl_pid(local));
            }
        } catch (Throwable t) {
            fd.close();
            throw t;
        }
    }

    private static void enable(Fd fd, int option, String name) throws ErrnoException {
        try {
            Sockets.setIntOption(fd, SOL_NETLINK, option, 1, name);
        } catch (ErrnoException e) {
            // Kernels before 4.12 lack the option; their errors simply come without the kernel's text.
            if (e.errno() != ENOPROTOOPT) throw e;
        }
    }

    /** The port id the kernel bound this socket to; replies carry it in {@code nlmsg_pid}. */
    public int portId() {
        return portId;
    }

    /** The sequence number for the next request. */
    public int nextSeq() {
        return ++seq;
    }

    /**
     * Sends the finished message in the exchange's writer and passes each data message of the reply to
     * {@code replies}. Returns false when a dump reply carried NLM_F_DUMP_INTR: the kernel's tables changed during the dump, and
     * what it returned may be inconsistent.
     *
     * @param operation the request's name for errors ({@code RTM_NEWLINK})
     * @param arguments what the request was about, computed only for an error message
     * @throws NetlinkException the kernel refused the request, or its reply was malformed
     */
    public boolean execute(Exchange x, Replies replies, String operation, Supplier<String> arguments)
            throws ErrnoException {
        MemorySegment message = x.writer().message();
        int expected = x.writer().seq();
        int socket = fd.get();
        NlMessages messages = x.messages;
        long sent = Sockets.sendto(socket, message, message.byteSize(), 0, x.kernel, operation);
        if (sent != message.byteSize()) // datagram sockets send all or fail; never seen
            throw ErrnoException.of("sendto", operation + " sent " + sent + " of " + message.byteSize() + " bytes", EMSGSIZE);
        boolean consistent = true;
        while (true) {
            long n = receive(x, socket, operation);
            if (sockaddr_nl.nl_pid(x.source) != 0) continue; // only the kernel answers requests
            try {
                messages.reset(x.receive, n);
                while (messages.next()) {
                    if (messages.seq() != expected || messages.portId() != portId) continue;
                    int type = messages.type();
                    if (type == NLMSG_NOOP) continue;
                    if (type == NLMSG_ERROR || type == NLMSG_DONE) {
                        NetlinkException refused = NlAcks.refusal(messages, operation, arguments);
                        if (refused != null) throw refused;
                        return consistent;
                    }
                    if (type == NLMSG_OVERRUN) throw NetlinkException.of(operation, arguments.get(), ENOBUFS, "", -1);
                    if ((messages.flags() & NLM_F_DUMP_INTR) != 0) consistent = false;
                    replies.accept(messages);
                }
            } catch (MalformedMessageException e) {
                drain(x, socket);
                throw NetlinkException.malformed(operation, arguments.get(), e.getMessage());
            } catch (RuntimeException | Error e) {
                drain(x, socket);
                throw e;
            }
        }
    }

    private static long receive(Exchange x, int socket, String operation) throws ErrnoException {
        // MSG_TRUNC: the real length of a datagram that did not fit, so a cut reply is noticed, not misread.
        long n = Sockets.recvfrom(socket, x.receive, x.receive.byteSize(), MSG_TRUNC, x.source, x.sourceLength, operation);
        if (n > x.receive.byteSize()) {
            long had = x.receive.byteSize();
            x.growReceive(n);
            drain(x, socket);
            throw ErrnoException.of("recvfrom", operation + " reply of " + n + " bytes cut to the " + had
                    + "-byte buffer (now enlarged; retry)", EMSGSIZE);
        }
        return n;
    }

    /**
     * Reads and drops whatever is queued after a failed reply. A dump in progress goes on producing its parts
     * as they are read, so this also lets it finish: the kernel refuses a new dump on a socket whose previous
     * dump is still running (EBUSY).
     */
    private static void drain(Exchange x, int socket) {
        try {
            while (true)
                Sockets.recvfrom(socket, x.receive, x.receive.byteSize(), MSG_DONTWAIT | MSG_TRUNC, x.source, x.sourceLength, "drain");
        } catch (ErrnoException e) {
            // EAGAIN: the queue is empty. Anything else leaves nothing more to save.
        }
    }

    /** Closes the socket; idempotent. */
    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "netlink socket " + fd + ", port id " + Integer.toUnsignedString(portId);
    }
}
