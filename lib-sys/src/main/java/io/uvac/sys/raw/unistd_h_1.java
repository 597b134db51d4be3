package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * More bindings for {@code <unistd.h>}, in a second holder as jextract splits a large header
 * ({@code unistd_h}, {@code unistd_h_1}, ...). Added for lib-cgroups: a cgroup is removed with rmdir(2),
 * whose errno (EBUSY while tasks or children remain) callers retry on.
 */
@SuppressWarnings("unused")
public final class unistd_h_1 {
    private unistd_h_1() {}

    private static final class rmdir$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("rmdir", DESC);
    }

    /** {@code int rmdir(const char *pathname)}; see rmdir(2). The first argument receives errno. */
    public static FunctionDescriptor rmdir$descriptor() { return rmdir$.DESC; }

    public static MethodHandle rmdir$handle() { return rmdir$.HANDLE; }

    /** {@code int rmdir(const char *pathname)} */
    public static int rmdir(MemorySegment errno, MemorySegment pathname) {
        try {
            return (int) rmdir$.HANDLE.invokeExact(errno, pathname);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
