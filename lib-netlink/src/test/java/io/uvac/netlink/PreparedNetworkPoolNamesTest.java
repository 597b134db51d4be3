package io.uvac.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pool names and capacity; no root needed. */
class PreparedNetworkPoolNamesTest {

    @Test
    void namesCarryThePidAndABase36Index() {
        assertEquals("uvac4242-p0", PreparedNetworkPool.vethName(4242, 0));
        assertEquals("uvac4242-pz", PreparedNetworkPool.vethName(4242, 35));
        assertEquals("uvac4242-p10", PreparedNetworkPool.vethName(4242, 36));
    }

    @Test
    void theLargestPidStillLeavesRoomWithinIfnamsiz() {
        long maxPid = 4_194_304; // PID_MAX_LIMIT on 64-bit
        Ipv4Cidr range = Ipv4Cidr.parse("10.0.0.0/8");
        long capacity = PreparedNetworkPool.capacity(maxPid, range);
        assertEquals(36 * 36, capacity, "two base-36 digits after uvac4194304-p");
        String last = PreparedNetworkPool.vethName(maxPid, capacity - 1);
        assertEquals("uvac4194304-pzz", last);
        assertEquals(15, last.length());
        RtNetlink.requireName(last);
    }

    @Test
    void capacityIsBoundedByTheRangeToo() {
        assertEquals(64, PreparedNetworkPool.capacity(4242, Ipv4Cidr.parse("10.202.0.0/24")));
        assertEquals(0, PreparedNetworkPool.capacity(4242, Ipv4Cidr.parse("10.202.0.0/31")));
    }

    @Test
    void builderChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> PreparedNetworkPool.builder().size(0));
        assertThrows(IllegalArgumentException.class, () -> PreparedNetworkPool.builder().size(PreparedNetworkPool.MAX_SIZE + 1));
        assertThrows(IllegalStateException.class, () -> PreparedNetworkPool.builder().build(), "addresses are required");
    }

    @Test
    void preparedNetworkNeedsAtLeastASlash30() {
        assertThrows(IllegalArgumentException.class, () -> PreparedNetwork.create(null, "uvac1", Ipv4Cidr.parse("10.1.0.0/31")));
    }
}
