package io.uvac.cgroups;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A set of CPU or memory-node numbers in the kernel's list format ({@code cpuset.cpus}, {@code
 * /sys/devices/system/cpu/online}): {@code "0-3,6"}. Immutable; {@link #toString()} gives the canonical form.
 *
 * <pre>
 * CpuList one = CpuList.parse("1");
 * CpuList.parse("0-1").containsAll(one);   // true
 * </pre>
 */
public final class CpuList {
    /** The kernel's NR_CPUS limit is 8192; a larger number is a typo, not a CPU. */
    static final int MAX_ID = 8191;
    private static final CpuList EMPTY = new CpuList(new BitSet());

    private final BitSet ids;

    private CpuList(BitSet ids) {
        this.ids = ids;
    }

    public static CpuList empty() {
        return EMPTY;
    }

    public static CpuList of(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            check(id, Arrays.toString(ids));
            b.set(id);
        }
        return new CpuList(b);
    }

    /**
     * Parses {@code "0-3,6"}; surrounding whitespace (the kernel's trailing newline) is ignored and an empty
     * text is the empty list, as an unfilled v1 {@code cpuset.cpus} reads.
     */
    public static CpuList parse(String text) {
        String t = text.strip();
        BitSet b = new BitSet();
        if (t.isEmpty()) return EMPTY;
        for (String part : t.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    b.set(check(Integer.parseInt(p), text));
                } else {
                    int from = check(Integer.parseInt(p.substring(0, dash)), text);
                    int to = check(Integer.parseInt(p.substring(dash + 1)), text);
                    if (to < from)
                        throw new IllegalArgumentException("list \"" + text + "\": range " + p + " runs backwards");
                    b.set(from, to + 1);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("list \"" + text + "\": \"" + p
                        + "\" is not a number N or a range N-M (format: 0-3,6)");
            }
        }
        return new CpuList(b);
    }

    private static int check(int id, String text) {
        if (id < 0 || id > MAX_ID)
            throw new IllegalArgumentException("list \"" + text + "\": " + id + " is out of range 0-" + MAX_ID);
        return id;
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public int size() {
        return ids.cardinality();
    }

    public boolean contains(int id) {
        return id >= 0 && ids.get(id);
    }

    public boolean containsAll(CpuList other) {
        return other.minus(this).isEmpty();
    }

    /** The members of this list that {@code other} lacks. */
    public CpuList minus(CpuList other) {
        BitSet b = (BitSet) ids.clone();
        b.andNot(other.ids);
        return new CpuList(b);
    }

    public int[] toArray() {
        return ids.stream().toArray();
    }

    /** The kernel's list format, ranges collapsed: {@code "0-3,6"}; empty for the empty list. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        int i = ids.nextSetBit(0);
        while (i >= 0) {
            int end = ids.nextClearBit(i) - 1;
            if (!s.isEmpty()) s.append(',');
            s.append(i);
            if (end > i) s.append('-').append(end);
            i = ids.nextSetBit(end + 1);
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuList c && c.ids.equals(ids);
    }

    @Override
    public int hashCode() {
        return ids.hashCode();
    }
}
