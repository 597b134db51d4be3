package io.uvac.namespaces;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helper: spawn a container with stdout+stderr on a pipe, collect them, wait with a deadline. */
record Run(ExitStatus status, String output) {

    static Run of(ContainerSpec.Builder spec) throws ErrnoException {
        Fd[] pipe = Posix.pipe();
        try (Fd read = pipe[0]) {
            ContainerProcess p;
            try (Fd write = pipe[1]) {
                p = Containers.spawn(spec.stdout(write).stderr(write).build());
            }
            try (p) {
                String out = drain(read, Duration.ofSeconds(20));
                ExitStatus s = p.waitFor(Duration.ofSeconds(20))
                        .orElseThrow(() -> new AssertionError("container did not exit within 20 s; output: " + out));
                return new Run(s, out);
            }
        }
    }

    static String drain(Fd fd, Duration timeout) throws ErrnoException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(8192);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError("no EOF on the output pipe within " + timeout + ": " + out);
                if (Posix.poll(fd.get(), io.uvac.sys.raw.poll_h.POLLIN, (int) left) == 0) continue;
                long n = Posix.read(fd.get(), buf, buf.byteSize(), "output pipe");
                if (n == 0) return out.toString(StandardCharsets.UTF_8);
                out.write(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), 0, (int) n);
            }
        }
    }

    int code() {
        return status.shellCode();
    }
}
