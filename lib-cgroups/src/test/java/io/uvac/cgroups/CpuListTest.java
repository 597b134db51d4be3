package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuListTest {

    @Test
    void parsesTheKernelFormatAndPrintsItCanonically() {
        assertEquals("0-3,6", CpuList.parse("0-3,6\n").toString());
        assertEquals("0-2", CpuList.parse("2,0,1").toString());
        assertEquals("1", CpuList.parse(" 1 ").toString());
        assertArrayEquals(new int[] {0, 1, 2, 3, 6}, CpuList.parse("0-3,6").toArray());
        assertEquals(5, CpuList.parse("0-3,6").size());
        assertTrue(CpuList.parse("\n").isEmpty(), "an unfilled v1 cpuset.cpus reads as an empty line");
        assertEquals(CpuList.of(0, 1), CpuList.parse("0-1"));
    }

    @Test
    void setOperations() {
        CpuList host = CpuList.parse("0-1");
        assertTrue(host.containsAll(CpuList.of(1)));
        assertFalse(host.containsAll(CpuList.parse("1-3")));
        assertEquals("2-3", CpuList.parse("1-3").minus(host).toString());
        assertTrue(host.contains(0));
        assertFalse(host.contains(-1));
    }

    @Test
    void rejectsMalformedLists() {
        assertEquals("list \"1-\": \"1-\" is not a number N or a range N-M (format: 0-3,6)", fail("1-"));
        assertEquals("list \"a\": \"a\" is not a number N or a range N-M (format: 0-3,6)", fail("a"));
        assertEquals("list \"3-1\": range 3-1 runs backwards", fail("3-1"));
        assertEquals("list \"0,,1\": \"\" is not a number N or a range N-M (format: 0-3,6)", fail("0,,1"));
        assertEquals("list \"9000\": 9000 is out of range 0-8191", fail("9000"));
        assertThrows(IllegalArgumentException.class, () -> CpuList.of(-1));
    }

    private static String fail(String text) {
        return assertThrows(IllegalArgumentException.class, () -> CpuList.parse(text)).getMessage();
    }
}
