package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <unistd.h>} and {@code syscall(2)}. */
@SuppressWarnings("unused")
public final class unistd_h {
    private unistd_h() {}

    /** {@code close_range(2)} flag: mark the range close-on-exec instead of closing it. */
    public static final int CLOSE_RANGE_CLOEXEC = 4;

    private static final class close$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("close", DESC);
    }

    /** {@code int close(int fd)}; see close(2). The first argument receives errno. */
    public static FunctionDescriptor close$descriptor() { return close$.DESC; }

    public static MethodHandle close$handle() { return close$.HANDLE; }

    /** {@code int close(int fd)} */
    public static int close(MemorySegment errno, int fd) {
        try {
            return (int) close$.HANDLE.invokeExact(errno, fd);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class read$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("read", DESC);
    }

    /** {@code ssize_t read(int fd, void *buf, size_t count)}; see read(2). The first argument receives errno. */
    public static FunctionDescriptor read$descriptor() { return read$.DESC; }

    public static MethodHandle read$handle() { return read$.HANDLE; }

    /** {@code ssize_t read(int fd, void *buf, size_t count)} */
    public static long read(MemorySegment errno, int fd, MemorySegment buf, long count) {
        try {
            return (long) read$.HANDLE.invokeExact(errno, fd, buf, count);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class write$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("write", DESC);
    }

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}; see write(2). The first argument receives errno. */
    public static FunctionDescriptor write$descriptor() { return write$.DESC; }

    public static MethodHandle write$handle() { return write$.HANDLE; }

    /** {@code ssize_t write(int fd, const void *buf, size_t count)} */
    public static long write(MemorySegment errno, int fd, MemorySegment buf, long count) {
        try {
            return (long) write$.HANDLE.invokeExact(errno, fd, buf, count);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class pipe2$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("pipe2", DESC);
    }

    /** {@code int pipe2(int pipefd[2], int flags)}; see pipe2(2). The first argument receives errno. */
    public static FunctionDescriptor pipe2$descriptor() { return pipe2$.DESC; }

    public static MethodHandle pipe2$handle() { return pipe2$.HANDLE; }

    /** {@code int pipe2(int pipefd[2], int flags)} */
    public static int pipe2(MemorySegment errno, MemorySegment pipefd, int flags) {
        try {
            return (int) pipe2$.HANDLE.invokeExact(errno, pipefd, flags);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class getpid$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        static final MethodHandle HANDLE = NativeLib.downcall("getpid", DESC);
    }

    /** {@code pid_t getpid(void)}; see getpid(2). */
    public static FunctionDescriptor getpid$descriptor() { return getpid$.DESC; }

    public static MethodHandle getpid$handle() { return getpid$.HANDLE; }

    /** {@code pid_t getpid(void)} */
    public static int getpid() {
        try {
            return (int) getpid$.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class gethostname$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("gethostname", DESC);
    }

    /** {@code int gethostname(char *name, size_t len)}; see gethostname(2). The first argument receives errno. */
    public static FunctionDescriptor gethostname$descriptor() { return gethostname$.DESC; }

    public static MethodHandle gethostname$handle() { return gethostname$.HANDLE; }

    /** {@code int gethostname(char *name, size_t len)} */
    public static int gethostname(MemorySegment errno, MemorySegment name, long len) {
        try {
            return (int) gethostname$.HANDLE.invokeExact(errno, name, len);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class syscall6$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("syscall", DESC, Linker.Option.firstVariadicArg(1));
    }

    /** {@code long syscall(long number, ...)}; see syscall(2); for calls glibc 2.31 lacks (pidfd_open, clone3, close_range). The first argument receives errno. */
    public static FunctionDescriptor syscall6$descriptor() { return syscall6$.DESC; }

    public static MethodHandle syscall6$handle() { return syscall6$.HANDLE; }

    /** {@code long syscall(long number, ...)} */
    public static long syscall6(MemorySegment errno, long number, long a0, long a1, long a2, long a3, long a4, long a5) {
        try {
            return (long) syscall6$.HANDLE.invokeExact(errno, number, a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
