package io.uvac.netlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.netlink.Ipv4Cidr;
import org.junit.jupiter.api.Test;

/**
 * The requests, byte for byte, against iproute2's. The dumps marked "strace" were captured once, on
 * 2025-11-22, with iproute2 6.1.0 on Linux 6.18 (x86-64, little-endian), in a throwaway network and mount
 * namespace:
 *
 * <pre>
 * unshare -m -n --propagation private sh -c '
 *   mount -t tmpfs tmpfs /run; ip netns add peerns
 *   strace -x -e trace=sendmsg -e write=3 ip link add h0 type veth peer name eth0 netns peerns
 *   strace -x -e trace=sendmsg -e write=3 ip addr add 10.200.1.1/30 dev h0
 *   ip link set h0 up
 *   strace -x -e trace=sendmsg -e write=3 ip route add default via 10.200.1.2
 *   strace -x -e trace=sendmsg -e write=3 ip route add 10.0.0.0/8 via 10.200.1.2 dev h0'
 * </pre>
 *
 * There h0 had ifindex 2, ip opened /run/netns/peerns as fd 4, and every request had sequence number
 * 0x6b025224 (iproute2 uses the time); the encoders get the same values. The dumps marked "derived" are written
 * from the kernel structs (struct nlmsghdr 16 bytes, ifinfomsg 16, attributes 4-byte header, padded to 4).
 */
class RtRequestsGoldenTest {
    private static final int SEQ = 0x6b025224;
    private final NlWriter w = new NlWriter(64); // small, so that the veth request also exercises growth

    private void assertBytes(String expectedDump) {
        byte[] expected = Hex.parse(expectedDump);
        byte[] actual = w.toByteArray();
        assertEquals(Hex.format(expected), Hex.format(actual));
    }

    @Test
    void vethPairWithPeerInAnotherNamespace() {
        RtRequests.vethAdd(w, SEQ, "h0", "eth0", 4);
        // strace: ip link add h0 type veth peer name eth0 netns peerns
        assertBytes("""
                60 00 00 00 10 00 05 06  24 52 02 6b 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                07 00 03 00 68 30 00 00  38 00 12 00 08 00 01 00
                76 65 74 68 2c 00 02 00  28 00 01 00 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 08 00 1c 00
                04 00 00 00 09 00 03 00  65 74 68 30 00 00 00 00
                """);
    }

    @Test
    void vethPairWithBothEndsHere() {
        RtRequests.vethAdd(w, 7, "uvac1", "uvac1p", -1);
        // derived: no IFLA_NET_NS_FD in the peer; "uvac1\0" is 6 bytes (len 10, pad 2), "uvac1p\0" 7 (len 11, pad 1)
        assertBytes("""
                5c 00 00 00 10 00 05 06  07 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                0a 00 03 00 75 76 61 63  31 00 00 00 30 00 12 00
                08 00 01 00 76 65 74 68  24 00 02 00 20 00 01 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                0b 00 03 00 75 76 61 63  31 70 00 00
                """);
    }

    @Test
    void addressAdd() {
        RtRequests.addrAdd(w, SEQ, 2, Ipv4Cidr.parseAddress("10.200.1.1"), 30);
        // strace: ip addr add 10.200.1.1/30 dev h0
        assertBytes("""
                28 00 00 00 14 00 05 06  24 52 02 6b 00 00 00 00
                02 1e 00 00 02 00 00 00  08 00 02 00 0a c8 01 01
                08 00 01 00 0a c8 01 01
                """);
    }

    @Test
    void loopbackAddressGetsHostScope() {
        RtRequests.addrAdd(w, SEQ, 1, Ipv4Cidr.parseAddress("127.0.0.2"), 8);
        // derived: as above with ifa_scope RT_SCOPE_HOST (254), ifindex 1
        assertBytes("""
                28 00 00 00 14 00 05 06  24 52 02 6b 00 00 00 00
                02 08 00 fe 01 00 00 00  08 00 02 00 7f 00 00 02
                08 00 01 00 7f 00 00 02
                """);
    }

    @Test
    void defaultRoute() {
        RtRequests.routeAdd(w, SEQ, null, 0, Ipv4Cidr.parseAddress("10.200.1.2"), 0);
        // strace: ip route add default via 10.200.1.2
        assertBytes("""
                24 00 00 00 18 00 05 06  24 52 02 6b 00 00 00 00
                02 00 00 00 fe 03 00 01  00 00 00 00 08 00 05 00
                0a c8 01 02
                """);
    }

    @Test
    void routeWithDestinationGatewayAndDevice() {
        RtRequests.routeAdd(w, SEQ, Ipv4Cidr.parseAddress("10.0.0.0"), 8, Ipv4Cidr.parseAddress("10.200.1.2"), 2);
        // strace: ip route add 10.0.0.0/8 via 10.200.1.2 dev h0
        assertBytes("""
                34 00 00 00 18 00 05 06  24 52 02 6b 00 00 00 00
                02 08 00 00 fe 03 00 01  00 00 00 00 08 00 01 00
                0a 00 00 00 08 00 05 00  0a c8 01 02 08 00 04 00
                02 00 00 00
                """);
    }

    @Test
    void directlyConnectedRouteHasLinkScope() {
        RtRequests.routeAdd(w, 1, Ipv4Cidr.parseAddress("192.168.7.0"), 24, null, 3);
        // derived: rtm_scope RT_SCOPE_LINK (253), RTA_DST and RTA_OIF, no RTA_GATEWAY
        assertBytes("""
                2c 00 00 00 18 00 05 06  01 00 00 00 00 00 00 00
                02 18 00 00 fe 03 fd 01  00 00 00 00 08 00 01 00
                c0 a8 07 00 08 00 04 00  03 00 00 00
                """);
    }

    @Test
    void linkUpByIndex() {
        RtRequests.linkSetUp(w, SEQ, 2, null, true);
        // derived from strace's decoding of ip link set h0 up: {nlmsg_len=32, RTM_NEWLINK,
        // NLM_F_REQUEST|NLM_F_ACK}, {ifi_family=AF_UNSPEC, ifi_index=2, ifi_flags=IFF_UP, ifi_change=0x1}
        assertBytes("""
                20 00 00 00 10 00 05 00  24 52 02 6b 00 00 00 00
                00 00 00 00 02 00 00 00  01 00 00 00 01 00 00 00
                """);
    }

    @Test
    void linkUpByNameIsOneRequest() {
        RtRequests.linkSetUp(w, SEQ, 0, "lo", true);
        // derived: ifi_index 0 and IFLA_IFNAME, which the kernel resolves (iproute2 asks for the index first)
        assertBytes("""
                28 00 00 00 10 00 05 00  24 52 02 6b 00 00 00 00
                00 00 00 00 00 00 00 00  01 00 00 00 01 00 00 00
                07 00 03 00 6c 6f 00 00
                """);
    }

    @Test
    void linkDelete() {
        RtRequests.linkDel(w, SEQ, 2, null);
        // derived from strace's decoding of ip link del h0: {nlmsg_len=32, RTM_DELLINK,
        // NLM_F_REQUEST|NLM_F_ACK}, {ifi_family=AF_UNSPEC, ifi_index=2, ifi_flags=0, ifi_change=0}
        assertBytes("""
                20 00 00 00 11 00 05 00  24 52 02 6b 00 00 00 00
                00 00 00 00 02 00 00 00  00 00 00 00 00 00 00 00
                """);
    }

    @Test
    void linkGetByName() {
        RtRequests.linkGet(w, SEQ, 0, "h0");
        // derived; iproute2's lookup of h0 is the same but for NLM_F_ACK and RTEXT_FILTER_VF in the mask
        assertBytes("""
                30 00 00 00 12 00 05 00  24 52 02 6b 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                08 00 1d 00 08 00 00 00  07 00 03 00 68 30 00 00
                """);
    }

    @Test
    void dumps() {
        RtRequests.linkDump(w, 5);
        // derived: NLM_F_REQUEST|NLM_F_ACK|NLM_F_DUMP = 0x305, ifinfomsg, IFLA_EXT_MASK = RTEXT_FILTER_SKIP_STATS
        assertBytes("""
                28 00 00 00 12 00 05 03  05 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                08 00 1d 00 08 00 00 00
                """);
        RtRequests.addrDump(w, 6);
        // derived: RTM_GETADDR, ifaddrmsg with ifa_family AF_INET
        assertBytes("""
                18 00 00 00 16 00 05 03  06 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 00
                """);
        RtRequests.routeDump(w, 7);
        // derived: RTM_GETROUTE, rtmsg with rtm_family AF_INET
        assertBytes("""
                1c 00 00 00 1a 00 05 03  07 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 00  00 00 00 00
                """);
    }

    @Test
    void moveLinkToNamespace() {
        RtRequests.linkSetNetns(w, 9, 0, "uvac1", 12);
        // derived: IFLA_NET_NS_FD (28) = 12, then IFLA_IFNAME naming the link
        assertBytes("""
                34 00 00 00 10 00 05 00  09 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                08 00 1c 00 0c 00 00 00  0a 00 03 00 75 76 61 63
                31 00 00 00
                """);
    }
}
