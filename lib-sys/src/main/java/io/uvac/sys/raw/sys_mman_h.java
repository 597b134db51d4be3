package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/mman.h>}. */
@SuppressWarnings("unused")
public final class sys_mman_h {
    private sys_mman_h() {}

    public static final int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    public static final int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
    /** memfd_create(2) flags. */
    public static final int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;

    private static final class mmap$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_LONG, C_INT, C_INT, C_INT, C_LONG);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("mmap", DESC);
    }

    /** {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}; see mmap(2). The first argument receives errno. */
    public static FunctionDescriptor mmap$descriptor() { return mmap$.DESC; }

    public static MethodHandle mmap$handle() { return mmap$.HANDLE; }

    /** {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)} */
    public static MemorySegment mmap(MemorySegment errno, MemorySegment addr, long length, int prot, int flags, int fd, long offset) {
        try {
            return (MemorySegment) mmap$.HANDLE.invokeExact(errno, addr, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class mprotect$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("mprotect", DESC);
    }

    /** {@code int mprotect(void *addr, size_t len, int prot)}; see mprotect(2). The first argument receives errno. */
    public static FunctionDescriptor mprotect$descriptor() { return mprotect$.DESC; }

    public static MethodHandle mprotect$handle() { return mprotect$.HANDLE; }

    /** {@code int mprotect(void *addr, size_t len, int prot)} */
    public static int mprotect(MemorySegment errno, MemorySegment addr, long len, int prot) {
        try {
            return (int) mprotect$.HANDLE.invokeExact(errno, addr, len, prot);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class munmap$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("munmap", DESC);
    }

    /** {@code int munmap(void *addr, size_t length)}; see munmap(2). The first argument receives errno. */
    public static FunctionDescriptor munmap$descriptor() { return munmap$.DESC; }

    public static MethodHandle munmap$handle() { return munmap$.HANDLE; }

    /** {@code int munmap(void *addr, size_t length)} */
    public static int munmap(MemorySegment errno, MemorySegment addr, long length) {
        try {
            return (int) munmap$.HANDLE.invokeExact(errno, addr, length);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
