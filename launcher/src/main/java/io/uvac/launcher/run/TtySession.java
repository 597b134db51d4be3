package io.uvac.launcher.run;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.internal.Terminals;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import sun.misc.Signal;

/**
 * Connects this terminal to a container's pty: the host terminal goes raw (so Ctrl-C travels as a byte to
 * the container's line discipline, which signals the container's foreground job, not this launcher), the
 * window size follows SIGWINCH, and the terminal is restored however the session ends.
 */
final class TtySession implements AutoCloseable {
    private final Terminals.Pty pty;
    private final MemorySegment saved;
    private final Thread output;

    private TtySession(Terminals.Pty pty, MemorySegment saved, Thread output) {
        this.pty = pty;
        this.saved = saved;
        this.output = output;
    }

    /** Call after the container has the slave: closes this side's slave so EOF/EIO marks the container's end. */
    static TtySession attach(Terminals.Pty pty) throws ErrnoException {
        boolean hostIsTty = Terminals.isTerminal(0);
        if (hostIsTty) Terminals.copyWindowSize(0, pty.master().get());
        else Terminals.setWindowSize(pty.master().get(), 24, 80);
        pty.slave().close();
        MemorySegment saved = hostIsTty ? Terminals.makeRaw(0) : null;
        if (hostIsTty) {
            Signal.handle(new Signal("WINCH"), s -> {
                try {
                    Terminals.copyWindowSize(0, pty.master().get());
                } catch (ErrnoException | IllegalStateException ignored) {
                    // the session is ending
                }
            });
        }
        int master = pty.master().get();
        Thread.ofPlatform().daemon(true).name("uvac-tty-in").start(() -> copy(0, master));
        Thread out = Thread.ofPlatform().daemon(true).name("uvac-tty-out").start(() -> copy(master, 1));
        return new TtySession(pty, saved, out);
    }

    /** Copies until EOF or an error: EIO on the master once every slave fd is closed. */
    private static void copy(int from, int to) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(16384);
            while (true) {
                long n = Posix.read(from, buf, buf.byteSize(), "tty");
                if (n <= 0) return;
                long off = 0;
                while (off < n) off += Posix.write(to, buf.asSlice(off), n - off, "tty");
            }
        } catch (ErrnoException e) {
            // EIO: the container closed its terminal
        }
    }

    /** Waits (bounded) for the container's last output to reach this terminal. */
    void drain(long millis) throws InterruptedException {
        output.join(millis);
    }

    @Override
    public void close() throws ErrnoException {
        try {
            if (saved != null) Terminals.restore(0, saved);
        } finally {
            pty.close();
        }
    }
}
