package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Bindings for {@code <sys/socket.h>}: the socket calls a netlink client needs, and their constants.
 * {@code socklen_t} is an unsigned 32-bit int; {@code struct sockaddr *} arguments are passed as segments
 * holding the concrete address ({@link sockaddr_nl} for netlink).
 */
@SuppressWarnings("unused")
public final class sys_socket_h {
    private sys_socket_h() {}

    public static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    public static final int PF_NETLINK = 16;
    public static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3,
            SOCK_NONBLOCK = 04000, SOCK_CLOEXEC = 02000000;
    public static final int SOL_SOCKET = 1, SOL_NETLINK = 270;
    public static final int SO_SNDBUF = 7, SO_RCVBUF = 8, SO_SNDBUFFORCE = 32, SO_RCVBUFFORCE = 33;
    public static final int MSG_PEEK = 0x02, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40;

    private static final class socket$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("socket", DESC);
    }

    /** {@code int socket(int domain, int type, int protocol)}; see socket(2). The first argument receives errno. */
    public static FunctionDescriptor socket$descriptor() { return socket$.DESC; }

    public static MethodHandle socket$handle() { return socket$.HANDLE; }

    /** {@code int socket(int domain, int type, int protocol)} */
    public static int socket(MemorySegment errno, int domain, int type, int protocol) {
        try {
            return (int) socket$.HANDLE.invokeExact(errno, domain, type, protocol);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class bind$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("bind", DESC);
    }

    /** {@code int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen)}; see bind(2). The first argument receives errno. */
    public static FunctionDescriptor bind$descriptor() { return bind$.DESC; }

    public static MethodHandle bind$handle() { return bind$.HANDLE; }

    /** {@code int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen)} */
    public static int bind(MemorySegment errno, int sockfd, MemorySegment addr, int addrlen) {
        try {
            return (int) bind$.HANDLE.invokeExact(errno, sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class getsockname$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("getsockname", DESC);
    }

    /** {@code int getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen)}; see getsockname(2). The first argument receives errno. */
    public static FunctionDescriptor getsockname$descriptor() { return getsockname$.DESC; }

    public static MethodHandle getsockname$handle() { return getsockname$.HANDLE; }

    /** {@code int getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen)} */
    public static int getsockname(MemorySegment errno, int sockfd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getsockname$.HANDLE.invokeExact(errno, sockfd, addr, addrlen);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class setsockopt$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("setsockopt", DESC);
    }

    /** {@code int setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen)}; see setsockopt(2). The first argument receives errno. */
    public static FunctionDescriptor setsockopt$descriptor() { return setsockopt$.DESC; }

    public static MethodHandle setsockopt$handle() { return setsockopt$.HANDLE; }

    /** {@code int setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen)} */
    public static int setsockopt(MemorySegment errno, int sockfd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return (int) setsockopt$.HANDLE.invokeExact(errno, sockfd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class getsockopt$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("getsockopt", DESC);
    }

    /** {@code int getsockopt(int sockfd, int level, int optname, void *optval, socklen_t *optlen)}; see getsockopt(2). The first argument receives errno. */
    public static FunctionDescriptor getsockopt$descriptor() { return getsockopt$.DESC; }

    public static MethodHandle getsockopt$handle() { return getsockopt$.HANDLE; }

    /** {@code int getsockopt(int sockfd, int level, int optname, void *optval, socklen_t *optlen)} */
    public static int getsockopt(MemorySegment errno, int sockfd, int level, int optname, MemorySegment optval, MemorySegment optlen) {
        try {
            return (int) getsockopt$.HANDLE.invokeExact(errno, sockfd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class sendto$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("sendto", DESC);
    }

    /** {@code ssize_t sendto(int sockfd, const void *buf, size_t len, int flags, const struct sockaddr *dest_addr, socklen_t addrlen)}; see sendto(2). The first argument receives errno. */
    public static FunctionDescriptor sendto$descriptor() { return sendto$.DESC; }

    public static MethodHandle sendto$handle() { return sendto$.HANDLE; }

    /** {@code ssize_t sendto(int sockfd, const void *buf, size_t len, int flags, const struct sockaddr *dest_addr, socklen_t addrlen)} */
    public static long sendto(MemorySegment errno, int sockfd, MemorySegment buf, long len, int flags, MemorySegment dest_addr, int addrlen) {
        try {
            return (long) sendto$.HANDLE.invokeExact(errno, sockfd, buf, len, flags, dest_addr, addrlen);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class recvfrom$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("recvfrom", DESC);
    }

    /** {@code ssize_t recvfrom(int sockfd, void *buf, size_t len, int flags, struct sockaddr *src_addr, socklen_t *addrlen)}; see recvfrom(2). The first argument receives errno. */
    public static FunctionDescriptor recvfrom$descriptor() { return recvfrom$.DESC; }

    public static MethodHandle recvfrom$handle() { return recvfrom$.HANDLE; }

    /** {@code ssize_t recvfrom(int sockfd, void *buf, size_t len, int flags, struct sockaddr *src_addr, socklen_t *addrlen)} */
    public static long recvfrom(MemorySegment errno, int sockfd, MemorySegment buf, long len, int flags, MemorySegment src_addr, MemorySegment addrlen) {
        try {
            return (long) recvfrom$.HANDLE.invokeExact(errno, sockfd, buf, len, flags, src_addr, addrlen);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
