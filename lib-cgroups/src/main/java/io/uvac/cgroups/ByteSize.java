package io.uvac.cgroups;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as people write them on a command line: {@code 10M}, {@code 512k}, {@code 1.5G}, {@code 4096}.
 * Units are binary multiples whatever their spelling ({@code k}, {@code kb}, {@code KiB} all mean 1024), as in
 * docker's {@code --memory}; a fraction of a byte is dropped ({@code 1.1k} is 1126 bytes).
 *
 * <pre>
 * long limit = ByteSize.parse("1.5G");   // 1610612736
 * ByteSize.format(20L &lt;&lt; 20);             // "20M"
 * </pre>
 */
public final class ByteSize {
    private ByteSize() {}

    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z]*)");
    private static final Map<String, Integer> SHIFTS = Map.ofEntries(
            Map.entry("", 0), Map.entry("b", 0),
            Map.entry("k", 10), Map.entry("kb", 10), Map.entry("kib", 10),
            Map.entry("m", 20), Map.entry("mb", 20), Map.entry("mib", 20),
            Map.entry("g", 30), Map.entry("gb", 30), Map.entry("gib", 30),
            Map.entry("t", 40), Map.entry("tb", 40), Map.entry("tib", 40),
            Map.entry("p", 50), Map.entry("pb", 50), Map.entry("pib", 50));
    private static final String UNITS = "b, k, m, g, t, p; e.g. 10M, 512k, 1.5G";

    /** Bytes in {@code text}; throws IllegalArgumentException naming the text and what is wrong with it. */
    public static long parse(String text) {
        if (text == null) throw new IllegalArgumentException("size is missing");
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("size \"" + text + "\" is empty");
        if (t.startsWith("-")) throw new IllegalArgumentException("size \"" + text + "\" is negative");
        Matcher m = SIZE.matcher(t);
        if (!m.matches())
            throw new IllegalArgumentException("size \"" + text + "\" is not a number with an optional unit (" + UNITS + ")");
        Integer shift = SHIFTS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (shift == null)
            throw new IllegalArgumentException("size \"" + text + "\" has an unknown unit \"" + m.group(2) + "\" (" + UNITS + ")");
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift))
                .setScale(0, RoundingMode.DOWN);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)
            throw new IllegalArgumentException("size \"" + text + "\" exceeds the largest size, 2^63-1 bytes");
        return bytes.longValueExact();
    }

    /** The shortest exact spelling: {@code 20M} for 20 MiB, {@code 1536k} for 1.5 MiB, plain bytes otherwise. */
    public static String format(long bytes) {
        String[] units = {"", "k", "M", "G", "T", "P"};
        int i = 0;
        long v = bytes;
        while (i < units.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            i++;
        }
        return v + units[i];
    }
}
