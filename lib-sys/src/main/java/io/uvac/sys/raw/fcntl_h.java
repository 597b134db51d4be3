package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <fcntl.h>}. */
@SuppressWarnings("unused")
public final class fcntl_h {
    private fcntl_h() {}

    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200,
            O_NOCTTY = 0400, O_TRUNC = 01000, O_APPEND = 02000, O_NONBLOCK = 04000,
            O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_CLOEXEC = 02000000, O_PATH = 010000000;
    public static final int AT_FDCWD = -100, AT_EMPTY_PATH = 0x1000;
    /** File sealing (memfd_create(2), fcntl(2)). */
    public static final int F_ADD_SEALS = 1033, F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;

    private static final class open$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("open", DESC, Linker.Option.firstVariadicArg(2));
    }

    /** {@code int open(const char *pathname, int flags, ... mode_t mode)}; see open(2). The first argument receives errno. */
    public static FunctionDescriptor open$descriptor() { return open$.DESC; }

    public static MethodHandle open$handle() { return open$.HANDLE; }

    /** {@code int open(const char *pathname, int flags, ... mode_t mode)} */
    public static int open(MemorySegment errno, MemorySegment pathname, int flags, int mode) {
        try {
            return (int) open$.HANDLE.invokeExact(errno, pathname, flags, mode);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
