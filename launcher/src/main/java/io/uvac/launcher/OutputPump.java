package io.uvac.launcher;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Copies a container's output pipe to this terminal, each line prefixed with the container's name. Runs on
 * a platform thread: read(2) blocks, which would pin a virtual thread's carrier.
 */
public final class OutputPump {
    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    /** Takes ownership of {@code source} and closes it at EOF. */
    public static OutputPump start(String prefix, Fd source, PrintStream out) {
        Thread t = Thread.ofPlatform().daemon(true).name("uvac-output-" + prefix).start(() -> pump(prefix, source, out));
        return new OutputPump(t);
    }

    private static void pump(String prefix, Fd source, PrintStream out) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (source; Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(8192);
            long n;
            while ((n = Posix.read(source.get(), buf, buf.byteSize(), prefix + " output")) > 0) {
                for (byte b : buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)) {
                    if (b == '\n') {
                        emit(prefix, line, out);
                    } else {
                        line.write(b);
                    }
                }
            }
            if (line.size() > 0) emit(prefix, line, out);
        } catch (ErrnoException e) {
            out.println("[" + prefix + "] (output lost: " + e.getMessage() + ")");
        }
    }

    private static void emit(String prefix, ByteArrayOutputStream line, PrintStream out) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        synchronized (out) {
            out.println("[" + prefix + "] " + text);
        }
    }

    /** Waits up to {@code millis} for the output to end (all writers closed). */
    public void join(long millis) throws InterruptedException {
        thread.join(millis);
    }
}
