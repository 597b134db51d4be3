package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_netlink_h.NLMSG_ALIGN;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_DST;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_GATEWAY;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_OIF;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTA_TABLE;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTM_F_CLONED;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTM_NEWADDR;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTM_NEWLINK;
import static io.uvac.sys.raw.linux_rtnetlink_h.RTM_NEWROUTE;
import static io.uvac.sys.raw.linux_rtnetlink_h.RT_TABLE_MAIN;
import static io.uvac.sys.raw.sys_socket_h.AF_INET;

import io.uvac.netlink.Address;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.Link;
import io.uvac.netlink.Route;
import io.uvac.sys.raw.ifaddrmsg;
import io.uvac.sys.raw.ifinfomsg;
import io.uvac.sys.raw.linux_if_addr_h;
import io.uvac.sys.raw.linux_if_link_h;
import io.uvac.sys.raw.net_if_h;
import io.uvac.sys.raw.rtmsg;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.util.Optional;

/**
 * Decoders of the rtnetlink replies uvac reads. Each takes the cursor positioned on one message and returns the
 * record, or null for a message the caller did not ask for (another family, another table, a cloned route).
 * Malformed input is a {@link MalformedMessageException}, never a read outside the message.
 */
public final class RtReplies {
    private RtReplies() {}

    // Highest attribute types read here; anything above is skipped.
    private static final int IFLA_MAX = linux_if_link_h.IFLA_LINKINFO;
    private static final int IFLA_INFO_MAX = linux_if_link_h.IFLA_INFO_KIND;
    private static final int IFA_MAX = linux_if_addr_h.IFA_LABEL;
    private static final int RTA_MAX = RTA_TABLE;
    private static final Inet4Address ANY = Ipv4Cidr.parseAddress("0.0.0.0");

    /** An RTM_NEWLINK message as a {@link Link}. */
    public static Link link(NlMessages m) {
        if (m.type() != RTM_NEWLINK) return null;
        m.requirePayload(ifinfomsg.sizeof(), "struct ifinfomsg");
        MemorySegment b = m.buffer();
        long h = m.payload();
        int index = b.get(ValueLayout.JAVA_INT, h + ifinfomsg.ifi_index$offset());
        int flags = b.get(ValueLayout.JAVA_INT, h + ifinfomsg.ifi_flags$offset());
        NlAttributes a = NlAttributes.parse(b, h + NLMSG_ALIGN((int) ifinfomsg.sizeof()), m.end(), IFLA_MAX);
        if (!a.has(linux_if_link_h.IFLA_IFNAME))
            throw new MalformedMessageException("RTM_NEWLINK for ifindex " + index + " has no IFLA_IFNAME");
        Optional<String> kind = Optional.empty();
        if (a.has(linux_if_link_h.IFLA_LINKINFO)) {
            NlAttributes info = a.nested(linux_if_link_h.IFLA_LINKINFO, IFLA_INFO_MAX);
            if (info.has(linux_if_link_h.IFLA_INFO_KIND)) kind = Optional.of(info.string(linux_if_link_h.IFLA_INFO_KIND));
        }
        return new Link(index, a.string(linux_if_link_h.IFLA_IFNAME), flags, (flags & net_if_h.IFF_UP) != 0, kind,
                a.u32(linux_if_link_h.IFLA_MTU, 0));
    }

    /** An IPv4 RTM_NEWADDR message as an {@link Address}; null for other families. */
    public static Address address(NlMessages m) {
        if (m.type() != RTM_NEWADDR) return null;
        m.requirePayload(ifaddrmsg.sizeof(), "struct ifaddrmsg");
        MemorySegment b = m.buffer();
        long h = m.payload();
        if (Byte.toUnsignedInt(b.get(ValueLayout.JAVA_BYTE, h + ifaddrmsg.ifa_family$offset())) != AF_INET) return null;
        int prefixLength = Byte.toUnsignedInt(b.get(ValueLayout.JAVA_BYTE, h + ifaddrmsg.ifa_prefixlen$offset()));
        int index = b.get(ValueLayout.JAVA_INT, h + ifaddrmsg.ifa_index$offset());
        NlAttributes a = NlAttributes.parse(b, h + NLMSG_ALIGN((int) ifaddrmsg.sizeof()), m.end(), IFA_MAX);
        // IFA_ADDRESS is the peer on point-to-point links; IFA_LOCAL is always our own end.
        int which = a.has(linux_if_addr_h.IFA_LOCAL) ? linux_if_addr_h.IFA_LOCAL : linux_if_addr_h.IFA_ADDRESS;
        if (!a.has(which)) throw new MalformedMessageException("RTM_NEWADDR for ifindex " + index + " has no address");
        if (prefixLength > 32) throw new MalformedMessageException("RTM_NEWADDR with IPv4 prefix length " + prefixLength);
        String label = a.has(linux_if_addr_h.IFA_LABEL) ? a.string(linux_if_addr_h.IFA_LABEL) : "";
        return new Address(index, Ipv4Cidr.of(a.inet4(which), prefixLength), label);
    }

    /** An IPv4 RTM_NEWROUTE message of the main table as a {@link Route}; null for anything else. */
    public static Route mainTableRoute(NlMessages m) {
        if (m.type() != RTM_NEWROUTE) return null;
        m.requirePayload(rtmsg.sizeof(), "struct rtmsg");
        MemorySegment b = m.buffer();
        long h = m.payload();
        if (Byte.toUnsignedInt(b.get(ValueLayout.JAVA_BYTE, h + rtmsg.rtm_family$offset())) != AF_INET) return null;
        if ((b.get(ValueLayout.JAVA_INT, h + rtmsg.rtm_flags$offset()) & RTM_F_CLONED) != 0) return null;
        int prefixLength = Byte.toUnsignedInt(b.get(ValueLayout.JAVA_BYTE, h + rtmsg.rtm_dst_len$offset()));
        NlAttributes a = NlAttributes.parse(b, h + NLMSG_ALIGN((int) rtmsg.sizeof()), m.end(), RTA_MAX);
        // rtm_table is one byte; tables above 255 are only in RTA_TABLE, which wins when present.
        int table = a.u32(RTA_TABLE, Byte.toUnsignedInt(b.get(ValueLayout.JAVA_BYTE, h + rtmsg.rtm_table$offset())));
        if (table != RT_TABLE_MAIN) return null;
        if (prefixLength > 32) throw new MalformedMessageException("RTM_NEWROUTE with IPv4 prefix length " + prefixLength);
        Inet4Address dst = a.has(RTA_DST) ? a.inet4(RTA_DST) : ANY;
        Optional<Inet4Address> gateway = a.has(RTA_GATEWAY) ? Optional.of(a.inet4(RTA_GATEWAY)) : Optional.empty();
        return new Route(Ipv4Cidr.of(dst, prefixLength), gateway, a.u32(RTA_OIF, 0));
    }
}
