package io.uvac.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.internal.Posix;
import io.uvac.sys.internal.Terminals;
import io.uvac.sys.raw.termios;
import io.uvac.sys.raw.termios_h;
import io.uvac.sys.testing.Privileged;
import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code uva_container run -t} driven through a pseudo-terminal, as a person at a terminal would: the window
 * size arrives, Ctrl-C interrupts the container's foreground job (not the launcher), a resize follows
 * SIGWINCH, and the terminal is back in cooked mode afterwards.
 */
class RunTtyIT {
    private static final int ECHO = 0x8, ICANON = 0x2;

    @BeforeAll
    static void rootfs() throws Exception {
        RunCommandIT.rootfs();
    }

    @Test
    void interactiveShellWithCtrlCAndResize() throws Exception {
        Privileged.require();
        try (Terminals.Pty outer = Terminals.openPty()) {
            Terminals.setWindowSize(outer.master().get(), 33, 101);
            File tty = new File(outer.slavePath());
            Process p = new ProcessBuilder(Launcher.HOME.resolve("uva_container").toString(), "run", "-t",
                    "--rootfs", RunCommandIT.ROOTFS.toString(), "--hostname", "ttybox", "sh")
                    .redirectInput(tty).redirectOutput(tty).redirectError(tty).start();
            StringBuilder screen = new StringBuilder();
            Thread reader = Thread.ofPlatform().daemon(true).start(() -> read(outer.master().get(), screen));
            try {
                type(outer, "stty size; echo pid=$$; hostname\r");
                await(screen, "33 101", p);
                await(screen, "pid=1", p);
                await(screen, "ttybox", p);

                type(outer, "echo sleeping; sleep 100\r");
                await(screen, "sleeping\r\n", p);
                Thread.sleep(300); // let sleep start: the ^C must find it in the foreground
                type(outer, "\u0003");
                type(outer, "echo rc=$?\r");
                await(screen, "rc=130", p);
                assertTrue(p.isAlive(), "Ctrl-C went to the container's job, not to the launcher");

                Terminals.setWindowSize(outer.master().get(), 40, 120);
                new ProcessBuilder("kill", "-WINCH", Long.toString(p.pid())).start().waitFor();
                Thread.sleep(200);
                type(outer, "stty size\r");
                await(screen, "40 120", p);

                type(outer, "exit 3\r");
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), screen.toString());
                assertEquals(3, p.exitValue(), screen.toString());
                assertCooked(outer.slavePath());
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
                reader.join(1000);
            }
        }
    }

    static void type(Terminals.Pty pty, String keys) throws Exception {
        try (Arena a = Arena.ofConfined()) {
            byte[] b = keys.getBytes(StandardCharsets.UTF_8);
            MemorySegment s = a.allocate(b.length);
            s.copyFrom(MemorySegment.ofArray(b));
            Posix.write(pty.master().get(), s, b.length, "pty master");
        }
    }

    static void read(int fd, StringBuilder screen) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(4096);
            long n;
            while ((n = Posix.read(fd, buf, 4096, "pty master")) > 0) {
                String s = new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                synchronized (screen) {
                    screen.append(s);
                    screen.notifyAll();
                }
            }
        } catch (Exception eioWhenTheLastSlaveCloses) {
            // done
        }
    }

    static void await(StringBuilder screen, String text, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        synchronized (screen) {
            while (screen.indexOf(text) < 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError("'" + text + "' never appeared; alive=" + p.isAlive() + "; screen:\n" + screen);
                screen.wait(Math.min(left, 100));
            }
        }
    }

    /** The launcher restored the terminal: echo and canonical mode are on again. */
    static void assertCooked(String slavePath) throws Exception {
        try (var fd = Posix.open(slavePath, io.uvac.sys.raw.fcntl_h.O_RDWR | io.uvac.sys.raw.fcntl_h.O_NOCTTY);
             Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(termios.layout());
            assertEquals(0, termios_h.tcgetattr(Posix.errnoState(), fd.get(), t));
            int lflag = termios.c_lflag(t);
            assertTrue((lflag & ECHO) != 0 && (lflag & ICANON) != 0, "terminal restored, c_lflag=0x" + Integer.toHexString(lflag));
        }
    }
}
