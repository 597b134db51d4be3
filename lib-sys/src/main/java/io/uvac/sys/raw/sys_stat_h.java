package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/stat.h>}. */
@SuppressWarnings("unused")
public final class sys_stat_h {
    private sys_stat_h() {}

    private static final class mkdir$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("mkdir", DESC);
    }

    /** {@code int mkdir(const char *pathname, mode_t mode)}; see mkdir(2). The first argument receives errno. */
    public static FunctionDescriptor mkdir$descriptor() { return mkdir$.DESC; }

    public static MethodHandle mkdir$handle() { return mkdir$.HANDLE; }

    /** {@code int mkdir(const char *pathname, mode_t mode)} */
    public static int mkdir(MemorySegment errno, MemorySegment pathname, int mode) {
        try {
            return (int) mkdir$.HANDLE.invokeExact(errno, pathname, mode);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
