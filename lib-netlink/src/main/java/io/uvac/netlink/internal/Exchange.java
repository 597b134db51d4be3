package io.uvac.netlink.internal;

import static io.uvac.sys.raw.sys_socket_h.AF_NETLINK;

import io.uvac.sys.raw.sockaddr_nl;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The native memory one request needs: the writer for the message, the receive buffer, the addresses of
 * sendto and recvfrom, the reply cursor. Shared by all sockets through a small pool instead of owned by each:
 * allocating and first touching a 64 KiB buffer costs ~100 us here, more than opening a socket and running a
 * few requests on it, and the spawn path opens a socket per container namespace.
 *
 * <pre>
 * Exchange x = Exchange.take();
 * try {
 *     RtRequests.linkDump(x.writer(), socket.nextSeq());
 *     socket.execute(x, replies, "RTM_GETLINK", () -&gt; "dump");
 * } finally {
 *     x.release();
 * }
 * </pre>
 *
 * An exchange carries no state from one request to the next: {@link NlWriter#begin} starts every message afresh.
 */
public final class Exchange {
    /**
     * The kernel sizes dump datagrams after the reader's buffer but caps them at 32 KiB unless a single object
     * needs more (netlink_dump); twice that leaves room without a peek before every read.
     */
    static final int RECEIVE_BUFFER = 64 * 1024;
    private static final int REQUEST_BUFFER = 4096;
    /** Idle exchanges kept; more exist only while that many requests run at once, then go to the GC. */
    private static final int IDLE_LIMIT = 8;
    private static final ArrayBlockingQueue<Exchange> IDLE = new ArrayBlockingQueue<>(IDLE_LIMIT);

    private final NlWriter writer = new NlWriter(REQUEST_BUFFER);
    final NlMessages messages = new NlMessages();
    final MemorySegment kernel;
    final MemorySegment source;
    final MemorySegment sourceLength;
    MemorySegment receive;

    private Exchange() {
        Arena arena = Arena.ofAuto();
        kernel = sockaddr_nl.allocate(arena); // nl_pid 0: the kernel
        sockaddr_nl.nl_family(kernel, (short) AF_NETLINK);
        source = sockaddr_nl.allocate(arena);
        sourceLength = arena.allocate(ValueLayout.JAVA_INT);
        receive = arena.allocate(RECEIVE_BUFFER, 8);
    }

    /** An idle exchange, or a new one. Give it back with {@link #release()}. */
    public static Exchange take() {
        Exchange x = IDLE.poll();
        return x != null ? x : new Exchange();
    }

    /** Returns this exchange to the pool; it must not be used afterwards. */
    public void release() {
        IDLE.offer(this);
    }

    public NlWriter writer() {
        return writer;
    }

    /** Replaces the receive buffer by one of at least {@code size} bytes, for datagrams that did not fit. */
    void growReceive(long size) {
        receive = Arena.ofAuto().allocate(Math.max(2 * receive.byteSize(), (size + 7) & ~7L), 8);
    }
}
