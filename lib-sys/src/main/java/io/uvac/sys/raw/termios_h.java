package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <termios.h>}: raw mode for the host terminal while a container owns a pty. */
@SuppressWarnings("unused")
public final class termios_h {
    private termios_h() {}

    public static final int TCSANOW = 0, TCSADRAIN = 1, TCSAFLUSH = 2;

    private static final class tcgetattr$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("tcgetattr", DESC);
    }

    /** {@code int tcgetattr(int fd, struct termios *termios_p)}; see termios(3). The first argument receives errno. */
    public static FunctionDescriptor tcgetattr$descriptor() { return tcgetattr$.DESC; }

    public static MethodHandle tcgetattr$handle() { return tcgetattr$.HANDLE; }

    /** {@code int tcgetattr(int fd, struct termios *termios_p)} */
    public static int tcgetattr(MemorySegment errno, int fd, MemorySegment termios_p) {
        try {
            return (int) tcgetattr$.HANDLE.invokeExact(errno, fd, termios_p);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class tcsetattr$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("tcsetattr", DESC);
    }

    /** {@code int tcsetattr(int fd, int optional_actions, const struct termios *termios_p)}; see termios(3). The first argument receives errno. */
    public static FunctionDescriptor tcsetattr$descriptor() { return tcsetattr$.DESC; }

    public static MethodHandle tcsetattr$handle() { return tcsetattr$.HANDLE; }

    /** {@code int tcsetattr(int fd, int optional_actions, const struct termios *termios_p)} */
    public static int tcsetattr(MemorySegment errno, int fd, int optional_actions, MemorySegment termios_p) {
        try {
            return (int) tcsetattr$.HANDLE.invokeExact(errno, fd, optional_actions, termios_p);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class cfmakeraw$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcall("cfmakeraw", DESC);
    }

    /** {@code void cfmakeraw(struct termios *termios_p)}; see termios(3). */
    public static FunctionDescriptor cfmakeraw$descriptor() { return cfmakeraw$.DESC; }

    public static MethodHandle cfmakeraw$handle() { return cfmakeraw$.HANDLE; }

    /** {@code void cfmakeraw(struct termios *termios_p)} */
    public static void cfmakeraw(MemorySegment termios_p) {
        try {
            cfmakeraw$.HANDLE.invokeExact(termios_p);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class isatty$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("isatty", DESC);
    }

    /** {@code int isatty(int fd)}; see isatty(3). The first argument receives errno. */
    public static FunctionDescriptor isatty$descriptor() { return isatty$.DESC; }

    public static MethodHandle isatty$handle() { return isatty$.HANDLE; }

    /** {@code int isatty(int fd)} */
    public static int isatty(MemorySegment errno, int fd) {
        try {
            return (int) isatty$.HANDLE.invokeExact(errno, fd);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
