package io.uvac.cgroups.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parser for {@code /proc/<pid>/mountinfo}. A line reads
 * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}: a variable number of
 * optional fields ends at the lone {@code -}. Paths escape space, tab, newline and backslash as octal
 * ({@code \040}); those are decoded here.
 */
public final class MountInfo {
    private MountInfo() {}

    public static List<MountEntry> parse(String text) {
        List<MountEntry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) continue;
            entries.add(parseLine(line, lineNo));
        }
        return entries;
    }

    private static MountEntry parseLine(String line, int lineNo) {
        String[] f = line.trim().split(" ");
        int dash = Arrays.asList(f).indexOf("-");
        if (f.length < 7 || dash < 6 || f.length < dash + 3)
            throw new IllegalArgumentException("mountinfo line " + lineNo + " is malformed: " + line);
        try {
            List<String> superOptions = dash + 3 < f.length ? List.of(f[dash + 3].split(",")) : List.of();
            return new MountEntry(Integer.parseInt(f[0]), Integer.parseInt(f[1]), unescape(f[3]),
                    Path.of(unescape(f[4])), f[dash + 1], unescape(f[dash + 2]), superOptions);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mountinfo line " + lineNo + " is malformed: " + line, e);
        }
    }

    /** Decodes the kernel's {@code \ooo} escapes (fs/proc_namespace.c, mangle()). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }
}
