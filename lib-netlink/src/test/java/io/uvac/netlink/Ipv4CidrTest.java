package io.uvac.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Ipv4CidrTest {

    private static Ipv4Cidr c(String s) {
        return Ipv4Cidr.parse(s);
    }

    private static String host(Ipv4Cidr c, long n) {
        return c.host(n).getHostAddress();
    }

    @Test
    void keepsTheAddressAndKnowsItsNetwork() {
        Ipv4Cidr c = c("10.200.1.2/30");
        assertEquals("10.200.1.2", c.address().getHostAddress());
        assertEquals(30, c.prefixLength());
        assertEquals("10.200.1.2/30", c.toString());
        assertFalse(c.isNetwork());
        assertEquals(c("10.200.1.0/30"), c.network());
        assertTrue(c.network().isNetwork());
        assertEquals("255.255.255.252", c.netmask().getHostAddress());
        assertEquals(4, c.size());
        assertEquals(c, Ipv4Cidr.of(Ipv4Cidr.parseAddress("10.200.1.2"), 30));
        assertEquals(c.hashCode(), c("10.200.1.2/30").hashCode());
        assertNotEquals(c, c.network());
    }

    @Test
    void hostsCountFromTheNetworkAddress() {
        Ipv4Cidr c = c("10.200.1.2/30");
        assertEquals("10.200.1.0", host(c, 0));
        assertEquals("10.200.1.1", host(c, 1));
        assertEquals("10.200.1.2", host(c, 2));
        assertEquals("10.200.1.3", host(c, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> c.host(4));
        assertEquals("host 4 is outside 10.200.1.0/30 (0..3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.host(-1));
        assertEquals("255.255.255.255", host(c("0.0.0.0/0"), 0xFFFF_FFFFL));
        assertEquals("192.0.2.7", host(c("192.0.2.7/32"), 0));
    }

    @Test
    void subnetsSplitAPool() {
        Ipv4Cidr pool = c("10.200.0.0/16");
        assertEquals(c("10.200.0.0/30"), pool.subnet(30, 0));
        assertEquals(c("10.200.0.28/30"), pool.subnet(30, 7));
        assertEquals(c("10.200.255.252/30"), pool.subnet(30, 16383));
        assertEquals(c("10.200.0.0/16"), c("10.200.3.4/16").subnet(16, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.subnet(30, 16384));
        assertThrows(IllegalArgumentException.class, () -> pool.subnet(8, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.subnet(33, 0));
        assertEquals(c("128.0.0.0/1"), c("0.0.0.0/0").subnet(1, 1));
    }

    @Test
    void containsAndOverlaps() {
        Ipv4Cidr net = c("10.200.0.0/16");
        assertTrue(net.contains(Ipv4Cidr.parseAddress("10.200.255.255")));
        assertFalse(net.contains(Ipv4Cidr.parseAddress("10.201.0.0")));
        assertTrue(net.contains(c("10.200.1.0/30")));
        assertTrue(net.contains(net));
        assertFalse(c("10.200.1.0/30").contains(net));
        assertTrue(net.overlaps(c("10.200.1.0/30")));
        assertTrue(c("10.200.1.0/30").overlaps(net));
        assertTrue(c("10.200.1.1/30").overlaps(c("10.200.1.2/31")), "host bits do not matter");
        assertFalse(c("10.200.1.0/30").overlaps(c("10.200.1.4/30")), "neighbours");
        assertTrue(c("0.0.0.0/0").overlaps(c("192.0.2.0/24")));
        assertTrue(c("0.0.0.0/0").contains(Ipv4Cidr.parseAddress("255.255.255.255")));
        assertTrue(c("192.0.2.1/32").overlaps(c("192.0.2.1/32")));
        assertFalse(c("192.0.2.1/32").overlaps(c("192.0.2.2/32")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1                | invalid IPv4 CIDR "10.0.0.1": missing "/prefix-length"
            10.0.0.1/33             | invalid IPv4 CIDR "10.0.0.1/33": prefix length 33 is outside 0..32
            10.0.0.1/-1             | invalid IPv4 CIDR "10.0.0.1/-1": prefix length "-1" is not a number 0..32
            10.0.0.1/               | invalid IPv4 CIDR "10.0.0.1/": prefix length "" is not a number 0..32
            10.0.0.1/08             | invalid IPv4 CIDR "10.0.0.1/08": prefix length "08" is not a number 0..32
            10.0.0.1/8/8            | invalid IPv4 CIDR "10.0.0.1/8/8": prefix length "8/8" is not a number 0..32
            10.0.0/8                | invalid IPv4 CIDR "10.0.0/8": "10.0.0" is not four dot-separated octets
            10.0.0.0.0/8            | invalid IPv4 CIDR "10.0.0.0.0/8": "10.0.0.0.0" is not four dot-separated octets
            10.0.0.256/8            | invalid IPv4 CIDR "10.0.0.256/8": octet 256 is outside 0..255
            10.0.0.010/8            | invalid IPv4 CIDR "10.0.0.010/8": octet "010" has a leading zero (octal or decimal?)
            10..0.1/8               | invalid IPv4 CIDR "10..0.1/8": octet "" is not a number 0..255
            10.0.0.+1/8             | invalid IPv4 CIDR "10.0.0.+1/8": octet "+1" is not a number 0..255
            ' 10.0.0.1/8'           | invalid IPv4 CIDR " 10.0.0.1/8": octet " 10" is not a number 0..255
            localhost/8             | invalid IPv4 CIDR "localhost/8": "localhost" is not four dot-separated octets
            """)
    void rejectsWithAClearMessage(String text, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void parsesAddressesStrictly() {
        assertEquals("192.0.2.1", Ipv4Cidr.parseAddress("192.0.2.1").getHostAddress());
        assertEquals("invalid IPv4 address \"192.0.2.1/24\": octet \"1/24\" is not a number 0..255",
                assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parseAddress("192.0.2.1/24")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parseAddress("example.com"));
        assertThrows(NullPointerException.class, () -> Ipv4Cidr.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.of(Ipv4Cidr.parseAddress("1.2.3.4"), 33));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.of(Ipv4Cidr.parseAddress("1.2.3.4"), -1));
    }

    @Test
    void edgesOfTheRange() {
        assertEquals(c("0.0.0.0/0"), c("1.2.3.4/0").network());
        assertEquals("0.0.0.0", c("1.2.3.4/0").netmask().getHostAddress());
        assertEquals(1L << 32, c("0.0.0.0/0").size());
        assertEquals("255.255.255.255", c("255.255.255.255/32").netmask().getHostAddress());
        assertEquals(1, c("255.255.255.255/32").size());
        assertTrue(c("255.255.255.255/32").isNetwork());
    }
}
