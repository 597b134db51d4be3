package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.internal.Sockets;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.linux_netlink_h;
import io.uvac.sys.raw.sockaddr_nl;
import io.uvac.sys.raw.sys_socket_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The socket wrappers on a real kernel. A NETLINK_ROUTE socket needs no privilege to open, bind or read. */
class SocketsTest {

    static Fd routeSocket() throws ErrnoException {
        return Sockets.socket(sys_socket_h.AF_NETLINK, sys_socket_h.SOCK_RAW, linux_netlink_h.NETLINK_ROUTE);
    }

    @Test
    void socketIsCloseOnExec() throws Exception {
        try (Fd fd = routeSocket()) {
            String fdinfo = Files.readString(Path.of("/proc/self/fdinfo/" + fd.get()));
            long flags = Long.parseLong(fdinfo.lines().filter(l -> l.startsWith("flags:")).findFirst()
                    .orElseThrow().substring(6).trim(), 8);
            assertEquals(fcntl_h.O_CLOEXEC, flags & fcntl_h.O_CLOEXEC, fdinfo);
        }
    }

    @Test
    void bindLetsTheKernelPickAPortId() throws Exception {
        try (Arena a = Arena.ofConfined(); Fd fd = routeSocket()) {
            MemorySegment addr = sockaddr_nl.allocate(a);
            sockaddr_nl.nl_family(addr, (short) sys_socket_h.AF_NETLINK);
            Sockets.bind(fd, addr, "netlink");
            MemorySegment bound = sockaddr_nl.allocate(a);
            assertEquals(sockaddr_nl.sizeof(), Sockets.getsockname(fd, bound, "netlink"));
            assertEquals(sys_socket_h.AF_NETLINK, sockaddr_nl.nl_family(bound));
            assertNotEquals(0, sockaddr_nl.nl_pid(bound));
        }
    }

    @Test
    void intOptionsRoundTrip() throws Exception {
        try (Fd fd = routeSocket()) {
            Sockets.setIntOption(fd, sys_socket_h.SOL_NETLINK, linux_netlink_h.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            assertEquals(1, Sockets.getIntOption(fd, sys_socket_h.SOL_NETLINK, linux_netlink_h.NETLINK_EXT_ACK, "NETLINK_EXT_ACK"));
            Sockets.setIntOption(fd, sys_socket_h.SOL_NETLINK, linux_netlink_h.NETLINK_EXT_ACK, 0, "NETLINK_EXT_ACK");
            assertEquals(0, Sockets.getIntOption(fd, sys_socket_h.SOL_NETLINK, linux_netlink_h.NETLINK_EXT_ACK, "NETLINK_EXT_ACK"));
        }
    }

    @Test
    void failuresNameTheCallAndKeepTheErrno() throws Exception {
        try (Arena a = Arena.ofConfined(); Fd fd = routeSocket()) {
            MemorySegment buf = a.allocate(64), src = sockaddr_nl.allocate(a), len = a.allocate(ValueLayout.JAVA_INT);
            var e = assertThrows(ErrnoException.class, () -> Sockets.recvfrom(fd.get(), buf, buf.byteSize(),
                    sys_socket_h.MSG_DONTWAIT, src, len, "netlink nothing queued"));
            assertEquals(Errno.EAGAIN, e.errno());
            assertEquals("recvfrom netlink nothing queued: Resource temporarily unavailable (EAGAIN)", e.getMessage());

            var bad = assertThrows(ErrnoException.class,
                    () -> Sockets.setIntOption(fd, sys_socket_h.SOL_NETLINK, 9999, 1, "option 9999"));
            assertEquals("ENOPROTOOPT", bad.errnoName());
            assertTrue(bad.getMessage().startsWith("setsockopt option 9999 = 1 on fd "), bad.getMessage());
        }
    }

    @Test
    void socketFailureIsAnErrnoException() {
        var e = assertThrows(ErrnoException.class, () -> Sockets.socket(sys_socket_h.AF_NETLINK, sys_socket_h.SOCK_RAW, 9999));
        assertEquals("EPROTONOSUPPORT", e.errnoName());
        assertTrue(e.getMessage().startsWith("socket domain 16, type 3, protocol 9999: "), e.getMessage());
    }
}
