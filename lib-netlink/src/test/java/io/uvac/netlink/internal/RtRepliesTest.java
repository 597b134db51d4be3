package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_DST;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_OIF;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_TABLE;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTM_F_CLONED;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTM_NEWROUTE;
import static io.uvac.sys.raw.linux_rtnetlink_h.RT_TABLE_MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.netlink.Address;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.Link;
import io.uvac.netlink.Route;
import io.uvac.sys.raw.linux_if_link_h;
import io.uvac.sys.raw.linux_netlink_h;
import io.uvac.sys.raw.net_if_h;
import io.uvac.sys.raw.rtmsg;
import io.uvac.sys.raw.sys_socket_h;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The decoders on real kernel replies (captured with strace, see the resources' headers) and on edge cases. */
class RtRepliesTest {

    /** Decodes every data message of the buffers, and checks that the dump ends with a successful NLMSG_DONE. */
    static <T> List<T> decodeDump(List<byte[]> buffers, Function<NlMessages, T> decode) {
        List<T> out = new ArrayList<>();
        boolean done = false;
        NlMessages m = new NlMessages();
        for (byte[] b : buffers) {
            m.reset(Hex.nativeCopy(b), b.length);
            while (m.next()) {
                if (m.type() == linux_netlink_h.NLMSG_DONE) {
                    assertNull(NlAcks.refusal(m, "RTM_GETX", () -> "dump"));
                    done = true;
                    continue;
                }
                T item = decode.apply(m);
                if (item != null) out.add(item);
            }
        }
        assertTrue(done, "the dump ended with NLMSG_DONE");
        return out;
    }

    @Test
    void mainTableRoutesOfARealDump() throws Exception {
        List<Route> routes = decodeDump(Hex.straceBuffers("/strace/ip-4-route-show-table-all.txt"), RtReplies::mainTableRoute);
        assertEquals(List.of(
                new Route(Ipv4Cidr.parse("10.9.0.0/16"), Optional.of(Ipv4Cidr.parseAddress("10.200.1.2")), 3),
                new Route(Ipv4Cidr.parse("10.66.0.0/16"), Optional.empty(), 0),
                new Route(Ipv4Cidr.parse("10.77.0.2/32"), Optional.empty(), 2),
                new Route(Ipv4Cidr.parse("10.200.1.0/30"), Optional.empty(), 3)), routes,
                "the six local-table routes are left out");
    }

    @Test
    void addressesOfARealDump() throws Exception {
        List<byte[]> buffers = Hex.straceBuffers("/strace/ip-4-addr-show.txt");
        // ip dumps links first: buffers 0-2 are RTM_GETLINK's reply, 3-4 RTM_GETADDR's.
        List<Address> addresses = decodeDump(buffers.subList(3, 5), RtReplies::address);
        assertEquals(List.of(
                new Address(1, Ipv4Cidr.parse("127.0.0.1/8"), "lo"),
                new Address(2, Ipv4Cidr.parse("10.77.0.1/32"), "p0"), // IFA_LOCAL, not the peer in IFA_ADDRESS
                new Address(3, Ipv4Cidr.parse("10.200.1.1/30"), "h0")), addresses);
    }

    @Test
    void linksOfARealDump() throws Exception {
        List<byte[]> buffers = Hex.straceBuffers("/strace/ip-4-addr-show.txt");
        List<Link> links = decodeDump(buffers.subList(0, 3), RtReplies::link);
        assertEquals(3, links.size());
        int running = net_if_h.IFF_UP | net_if_h.IFF_RUNNING | net_if_h.IFF_LOWER_UP;
        Link lo = links.get(0), p0 = links.get(1), h0 = links.get(2);
        assertEquals(new Link(1, "lo", lo.flags(), true, Optional.empty(), 65536), lo);
        assertEquals(running | net_if_h.IFF_LOOPBACK, lo.flags() & (running | net_if_h.IFF_LOOPBACK));
        assertEquals(new Link(2, "p0", p0.flags(), true, Optional.of("veth"), 1500), p0);
        assertEquals(new Link(3, "h0", h0.flags(), true, Optional.of("veth"), 1500), h0);
        assertEquals(running | net_if_h.IFF_BROADCAST | net_if_h.IFF_MULTICAST, h0.flags());
    }

    private static NlMessages route(int family, int rtmTable, Integer rtaTable, int flags) {
        NlWriter w = new NlWriter(64);
        w.begin(RTM_NEWROUTE, linux_netlink_h.NLM_F_MULTI, 1);
        int at = w.struct(rtmsg.sizeof());
        w.putByte(at + (int) rtmsg.rtm_family$offset(), family);
        w.putByte(at + (int) rtmsg.rtm_dst_len$offset(), 24);
        w.putByte(at + (int) rtmsg.rtm_table$offset(), rtmTable);
        w.putInt(at + (int) rtmsg.rtm_flags$offset(), flags);
        w.bytes(RTA_DST, new byte[] {10, 1, 2, 0});
        if (rtaTable != null) w.u32(RTA_TABLE, rtaTable);
        w.u32(RTA_OIF, 4);
        NlMessages m = new NlMessages().reset(w.message(), w.length());
        assertTrue(m.next());
        return m;
    }

    @Test
    void routeTableAboveTwoFiftyFiveIsOnlyInRtaTable() {
        // rtm_table then says RT_TABLE_COMPAT (252); RTA_TABLE has the real one.
        assertNull(RtReplies.mainTableRoute(route(sys_socket_h.AF_INET, 252, 1000, 0)));
        assertEquals(new Route(Ipv4Cidr.parse("10.1.2.0/24"), Optional.empty(), 4),
                RtReplies.mainTableRoute(route(sys_socket_h.AF_INET, RT_TABLE_MAIN, RT_TABLE_MAIN, 0)));
        assertEquals(new Route(Ipv4Cidr.parse("10.1.2.0/24"), Optional.empty(), 4),
                RtReplies.mainTableRoute(route(sys_socket_h.AF_INET, RT_TABLE_MAIN, null, 0)), "rtm_table alone");
    }

    @Test
    void otherFamiliesAndClonedRoutesAreLeftOut() {
        assertNull(RtReplies.mainTableRoute(route(sys_socket_h.AF_INET6, RT_TABLE_MAIN, null, 0)));
        assertNull(RtReplies.mainTableRoute(route(sys_socket_h.AF_INET, RT_TABLE_MAIN, null, RTM_F_CLONED)));
    }

    @Test
    void linkWithoutNameIsMalformed() {
        NlWriter w = new NlWriter(64);
        w.begin(io.uvac.sys.raw.linux_rtnetlink_h.RTM_NEWLINK, 0, 1);
        w.struct(io.uvac.sys.raw.ifinfomsg.sizeof());
        w.u32(linux_if_link_h.IFLA_MTU, 1500);
        NlMessages m = new NlMessages().reset(w.message(), w.length());
        assertTrue(m.next());
        assertThrows(MalformedMessageException.class, () -> RtReplies.link(m));
    }

    @Test
    void messageTooShortForItsHeaderIsMalformed() {
        NlWriter w = new NlWriter(64);
        w.begin(RTM_NEWROUTE, 0, 1);
        w.struct(8); // an rtmsg is 12 bytes
        NlMessages m = new NlMessages().reset(w.message(), w.length());
        assertTrue(m.next());
        assertThrows(MalformedMessageException.class, () -> RtReplies.mainTableRoute(m));
    }
}
