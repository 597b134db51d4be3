package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/ioctl.h>}: the terminal and pty requests uvac uses. */
@SuppressWarnings("unused")
public final class sys_ioctl_h {
    private sys_ioctl_h() {}

    public static final long TIOCSCTTY = 0x540E, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, TIOCSPTLCK = 0x40045431L,
            TIOCGPTN = 0x80045430L;

    private static final class ioctl$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("ioctl", DESC, Linker.Option.firstVariadicArg(2));
    }

    /** {@code int ioctl(int fd, unsigned long request, ...)}; see ioctl(2), ioctl_tty(2). The first argument receives errno. */
    public static FunctionDescriptor ioctl$descriptor() { return ioctl$.DESC; }

    public static MethodHandle ioctl$handle() { return ioctl$.HANDLE; }

    /** {@code int ioctl(int fd, unsigned long request, ...)} */
    public static int ioctl(MemorySegment errno, int fd, long request, MemorySegment arg) {
        try {
            return (int) ioctl$.HANDLE.invokeExact(errno, fd, request, arg);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
