package io.uvac.bench.report;

import java.util.Locale;

/** Number formats shared by the table and the chart. */
final class Format {
    private Format() {}

    /** Microseconds with precision that suits the magnitude: 7.3, 85, 1 234. */
    static String us(double v) {
        if (Math.abs(v) < 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
    }

    static String ratio(double r) {
        if (r >= 100) return String.format(Locale.ROOT, "%.0f×", r);
        if (r >= 10) return String.format(Locale.ROOT, "%.1f×", r);
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
