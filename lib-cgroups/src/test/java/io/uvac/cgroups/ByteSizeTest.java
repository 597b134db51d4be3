package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
        "10M, 10485760", "512k, 524288", "1.5G, 1610612736", "4096, 4096", "4096b, 4096", "1K, 1024",
        "2kb, 2048", "3KiB, 3072", "1m, 1048576", "20MiB, 20971520", "1t, 1099511627776", "1.1k, 1126",
        "' 64M ', 67108864", "0, 0", "8191P, 9222246136947933184"})
    void parses(String text, long bytes) {
        assertEquals(bytes, ByteSize.parse(text));
    }

    @Test
    void rejectsWithTheTextAndTheReason() {
        assertEquals("size \"-1M\" is negative", fail("-1M"));
        assertEquals("size \"\" is empty", fail(""));
        assertEquals("size \"10X\" has an unknown unit \"X\" (b, k, m, g, t, p; e.g. 10M, 512k, 1.5G)", fail("10X"));
        assertEquals("size \"M\" is not a number with an optional unit (b, k, m, g, t, p; e.g. 10M, 512k, 1.5G)", fail("M"));
        assertEquals("size \"1.M\" is not a number with an optional unit (b, k, m, g, t, p; e.g. 10M, 512k, 1.5G)", fail("1.M"));
        assertEquals("size \"8192P\" exceeds the largest size, 2^63-1 bytes", fail("8192P"));
        assertEquals("size is missing", fail(null));
    }

    private static String fail(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text)).getMessage();
    }

    @Test
    void formatsExactly() {
        assertEquals("20M", ByteSize.format(20L << 20));
        assertEquals("1536k", ByteSize.format(1536L << 10));
        assertEquals("1000", ByteSize.format(1000));
        assertEquals("0", ByteSize.format(0));
        assertEquals("1G", ByteSize.format(1L << 30));
    }
}
