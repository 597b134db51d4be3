package io.uvac.sys.internal;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.sys_ioctl_h;
import io.uvac.sys.raw.termios;
import io.uvac.sys.raw.termios_h;
import io.uvac.sys.raw.winsize;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Pseudo-terminals and raw mode, for containers run with a tty. */
public final class Terminals {
    private Terminals() {}

    /** A pty pair: the master stays here, the slave becomes the container's stdio and controlling terminal. */
    public record Pty(Fd master, Fd slave, String slavePath) implements AutoCloseable {
        @Override
        public void close() {
            slave.close();
            master.close();
        }
    }

    /** {@code posix_openpt} + {@code unlockpt} + {@code ptsname}, done with the ioctls so no libc state is involved. */
    public static Pty openPty() throws ErrnoException {
        Fd master = Posix.open("/dev/ptmx", fcntl_h.O_RDWR | fcntl_h.O_NOCTTY);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(ValueLayout.JAVA_INT);
            ioctl(master.get(), sys_ioctl_h.TIOCSPTLCK, n, "TIOCSPTLCK 0"); // n holds 0: unlock
            ioctl(master.get(), sys_ioctl_h.TIOCGPTN, n, "TIOCGPTN");
            String path = "/dev/pts/" + n.get(ValueLayout.JAVA_INT, 0);
            Fd slave = Posix.open(path, fcntl_h.O_RDWR | fcntl_h.O_NOCTTY);
            return new Pty(master, slave, path);
        } catch (ErrnoException | RuntimeException e) {
            master.close();
            throw e;
        }
    }

    public static boolean isTerminal(int fd) {
        return termios_h.isatty(Posix.errnoState(), fd) == 1;
    }

    /** Puts {@code fd} into raw mode and returns its previous attributes for {@link #restore}. */
    public static MemorySegment makeRaw(int fd) throws ErrnoException {
        MemorySegment saved = Arena.ofAuto().allocate(termios.layout());
        if (termios_h.tcgetattr(Posix.errnoState(), fd, saved) != 0)
            throw ErrnoException.of("tcgetattr", "fd " + fd, io.uvac.sys.raw.NativeLib.errno(Posix.errnoState()));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment raw = a.allocate(termios.layout());
            raw.copyFrom(saved);
            termios_h.cfmakeraw(raw);
            if (termios_h.tcsetattr(Posix.errnoState(), fd, termios_h.TCSANOW, raw) != 0)
                throw ErrnoException.of("tcsetattr", "fd " + fd + ", raw", io.uvac.sys.raw.NativeLib.errno(Posix.errnoState()));
        }
        return saved;
    }

    public static void restore(int fd, MemorySegment saved) throws ErrnoException {
        if (termios_h.tcsetattr(Posix.errnoState(), fd, termios_h.TCSAFLUSH, saved) != 0)
            throw ErrnoException.of("tcsetattr", "fd " + fd + ", restore", io.uvac.sys.raw.NativeLib.errno(Posix.errnoState()));
    }

    /** Copies the window size of terminal {@code from} to terminal {@code to} (a pty master). */
    public static void copyWindowSize(int from, int to) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ws = a.allocate(winsize.layout());
            ioctl(from, sys_ioctl_h.TIOCGWINSZ, ws, "TIOCGWINSZ");
            ioctl(to, sys_ioctl_h.TIOCSWINSZ, ws, "TIOCSWINSZ");
        }
    }

    /** Sets the window size of terminal {@code fd}. */
    public static void setWindowSize(int fd, int rows, int cols) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ws = a.allocate(winsize.layout());
            winsize.ws_row(ws, (short) rows);
            winsize.ws_col(ws, (short) cols);
            ioctl(fd, sys_ioctl_h.TIOCSWINSZ, ws, "TIOCSWINSZ");
        }
    }

    private static void ioctl(int fd, long request, MemorySegment arg, String what) throws ErrnoException {
        if (sys_ioctl_h.ioctl(Posix.errnoState(), fd, request, arg) != 0)
            throw ErrnoException.of("ioctl", "fd " + fd + ", " + what, io.uvac.sys.raw.NativeLib.errno(Posix.errnoState()));
    }
}
