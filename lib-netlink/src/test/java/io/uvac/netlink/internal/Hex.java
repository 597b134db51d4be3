package io.uvac.netlink.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Hex dumps for golden-byte tests: input may contain spaces, newlines and {@code |} column marks. */
final class Hex {
    private Hex() {}

    static byte[] parse(String dump) {
        return HexFormat.of().parseHex(dump.replaceAll("[\\s|]", ""));
    }

    /**
     * The buffers of a strace {@code -e read=FD} dump kept as a test resource: each {@code " * N bytes in buffer"}
     * line starts one, each {@code " | 00000  hex...  ascii |"} row adds up to 16 bytes. Lines starting with
     * {@code #} are comments.
     */
    static List<byte[]> straceBuffers(String resource) throws IOException {
        String text;
        try (InputStream in = Hex.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no test resource " + resource);
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<byte[]> buffers = new ArrayList<>();
        StringBuilder hex = null;
        int expected = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(" * ")) {
                if (hex != null) buffers.add(complete(hex, expected));
                expected = Integer.parseInt(line.substring(3, line.indexOf(" bytes")));
                hex = new StringBuilder();
            } else if (line.startsWith(" | ")) {
                hex.append(line, 10, 59); // the hex columns; the ASCII column follows
            }
        }
        if (hex != null) buffers.add(complete(hex, expected));
        return buffers;
    }

    private static byte[] complete(StringBuilder hex, int expected) {
        byte[] b = parse(hex.toString());
        if (b.length != expected) throw new IllegalStateException("buffer has " + b.length + " bytes, strace said " + expected);
        return b;
    }

    /** A copy of {@code bytes} in native memory, aligned as the kernel's receive buffer would be. */
    static MemorySegment nativeCopy(byte[] bytes) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, bytes.length), 8);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return s.asSlice(0, bytes.length);
    }

    /** Rows of 16 bytes, like strace's {@code -e write=} dump, for readable assertion failures. */
    static String format(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 16) {
            sb.append(String.format("%05x ", i));
            for (int j = i; j < Math.min(i + 16, bytes.length); j++) sb.append(String.format(" %02x", bytes[j]));
            sb.append('\n');
        }
        return sb.toString();
    }
}
