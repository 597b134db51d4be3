package io.uvac.sys.internal;

import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.raw.NativeLib;
import io.uvac.sys.raw.sys_socket_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Checked wrappers over {@link sys_socket_h}: each failure becomes an {@link ErrnoException} naming the call and
 * what it was for; send and receive retry EINTR. Buffers and addresses are the caller's segments, so a socket
 * owner can reuse them on every call; only the set-up calls allocate.
 */
public final class Sockets {
    private Sockets() {}

    /**
     * {@code socket(domain, type | SOCK_CLOEXEC, protocol)}. The socket belongs to the network namespace of the
     * calling thread for its whole life.
     */
    public static Fd socket(int domain, int type, int protocol) throws ErrnoException {
        int fd = sys_socket_h.socket(Posix.errnoState(), domain, type | sys_socket_h.SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw ErrnoException.of("socket", "domain " + domain + ", type " + type + ", protocol " + protocol, errno());
        }
        return Fd.adopt(fd);
    }

    /** {@code setsockopt(fd, level, name, &value, sizeof(int))}; {@code what} names the option in errors. */
    public static void setIntOption(Fd fd, int level, int name, int value, String what) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocateFrom(ValueLayout.JAVA_INT, value);
            if (sys_socket_h.setsockopt(Posix.errnoState(), fd.get(), level, name, v, (int) v.byteSize()) != 0)
                throw ErrnoException.of("setsockopt", what + " = " + value + " on " + fd, errno());
        }
    }

    /** {@code getsockopt(fd, level, name, &value, &len)} for an int option. */
    public static int getIntOption(Fd fd, int level, int name, String what) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = a.allocateFrom(ValueLayout.JAVA_INT, (int) v.byteSize());
            if (sys_socket_h.getsockopt(Posix.errnoState(), fd.get(), level, name, v, len) != 0)
                throw ErrnoException.of("getsockopt", what + " on " + fd, errno());
            return v.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /** {@code bind(fd, addr, addr.byteSize())}. */
    public static void bind(Fd fd, MemorySegment addr, String what) throws ErrnoException {
        if (sys_socket_h.bind(Posix.errnoState(), fd.get(), addr, (int) addr.byteSize()) != 0)
            throw ErrnoException.of("bind", what + " on " + fd, errno());
    }

    /** {@code getsockname(fd, addr, &len)}: fills {@code addr}; returns the address length the kernel reported. */
    public static int getsockname(Fd fd, MemorySegment addr, String what) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment len = a.allocateFrom(ValueLayout.JAVA_INT, (int) addr.byteSize());
            if (sys_socket_h.getsockname(Posix.errnoState(), fd.get(), addr, len) != 0)
                throw ErrnoException.of("getsockname", what + " on " + fd, errno());
            return len.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /**
     * {@code sendto(fd, buf, len, flags, dest, dest.byteSize())}, retried on EINTR; {@code dest} may be
     * {@link MemorySegment#NULL} on a connected socket. Returns the bytes sent.
     */
    public static long sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment dest, String what)
            throws ErrnoException {
        int destLen = (int) dest.byteSize(); // 0 for MemorySegment.NULL
        while (true) {
            long n = sys_socket_h.sendto(Posix.errnoState(), fd, buf, len, flags, dest, destLen);
            if (n >= 0) return n;
            int e = errno();
            if (e != Errno.EINTR) throw ErrnoException.of("sendto", what, e);
        }
    }

    /**
     * {@code recvfrom(fd, buf, len, flags, src, &srcLen)}, retried on EINTR. {@code srcLen} is an int segment
     * the caller owns; it is set to {@code src.byteSize()} before each attempt. With MSG_TRUNC, datagram
     * sockets return the datagram's real length even when it exceeded {@code len}.
     */
    public static long recvfrom(int fd, MemorySegment buf, long len, int flags, MemorySegment src,
                                MemorySegment srcLen, String what) throws ErrnoException {
        while (true) {
            srcLen.set(ValueLayout.JAVA_INT, 0, (int) src.byteSize());
            long n = sys_socket_h.recvfrom(Posix.errnoState(), fd, buf, len, flags, src, srcLen);
            if (n >= 0) return n;
            int e = errno();
            if (e != Errno.EINTR) throw ErrnoException.of("recvfrom", what, e);
        }
    }

    private static int errno() {
        return NativeLib.errno(Posix.errnoState());
    }
}
