package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <poll.h>}. */
@SuppressWarnings("unused")
public final class poll_h {
    private poll_h() {}

    public static final short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;

    private static final class poll$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("poll", DESC);
    }

    /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}; see poll(2). The first argument receives errno. */
    public static FunctionDescriptor poll$descriptor() { return poll$.DESC; }

    public static MethodHandle poll$handle() { return poll$.HANDLE; }

    /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)} */
    public static int poll(MemorySegment errno, MemorySegment fds, long nfds, int timeout) {
        try {
            return (int) poll$.HANDLE.invokeExact(errno, fds, nfds, timeout);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
