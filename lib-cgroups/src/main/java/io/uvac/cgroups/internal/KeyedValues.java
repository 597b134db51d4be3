package io.uvac.cgroups.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The "flat keyed" format of cgroup files ({@code memory.events}, {@code cpu.stat}, v1 {@code memory.oom_control},
 * {@code pids.events}, {@code cgroup.events}): one {@code key value} pair per line.
 */
public final class KeyedValues {
    private KeyedValues() {}

    public static Map<String, Long> parse(String text) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length != 2) continue;
            try {
                m.put(kv[0], Long.parseLong(kv[1]));
            } catch (NumberFormatException notANumber) {
                // A value of another shape (none today) is no counter: skip it rather than fail the whole read.
            }
        }
        return m;
    }

    public static OptionalLong get(String text, String key) {
        Long v = parse(text).get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** A single-number file ({@code memory.current}, {@code pids.current}); {@code max} reads as Long.MAX_VALUE. */
    public static long number(String text) {
        String t = text.strip();
        return t.equals("max") ? Long.MAX_VALUE : Long.parseLong(t);
    }
}
