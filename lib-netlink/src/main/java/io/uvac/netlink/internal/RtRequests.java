package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_if_addr_h.IFA_ADDRESS;
import static io.uvac.sys.raw.linux_if_addr_h.IFA_LOCAL;
import static io.uvac.sys.raw.linux_if_link_h.IFLA_EXT_MASK;
import static io.uvac.sys.raw.linux_if_link_h.IFLA_IFNAME;
import static io.uvac.sys.raw.linux_if_link_h.IFLA_INFO_DATA;
import static io.uvac.sys.raw.linux_if_link_h.IFLA_INFO_KIND;
import static io.uvac.sys.raw.linux_if_link_h.IFLA_LINKINFO;
import static io.uvac.sys.raw.linux_if_link_h.IFLA_NET_NS_FD;
import static io.uvac.sys.raw.linux_if_link_h.VETH_INFO_PEER;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_ACK;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_CREATE;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_DUMP;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_EXCL;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_REQUEST;
import static io.uvac.sys.raw.linux_rtnetlink_h.*;
import static io.uvac.sys.raw.sys_socket_h.AF_INET;
import static io.uvac.sys.raw.sys_socket_h.AF_UNSPEC;

import io.uvac.sys.raw.ifaddrmsg;
import io.uvac.sys.raw.ifinfomsg;
import io.uvac.sys.raw.net_if_h;
import io.uvac.sys.raw.rtmsg;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;

/**
 * Encoders of the rtnetlink requests uvac sends, each the message iproute2 sends for the command in its Javadoc
 * (the golden-byte tests compare them with iproute2's, captured with strace). Pure functions of their arguments
 * into an {@link NlWriter}: no socket, no validation beyond what the wire format forces; {@code RtNetlink}
 * validates names and numbers first.
 *
 * <p>Every request carries NLM_F_ACK: a request that succeeds silently is still answered, so the caller knows
 * when the kernel is done with it.
 */
public final class RtRequests {
    private RtRequests() {}

    /** Create-or-fail, as {@code ip link add}, {@code ip addr add}, {@code ip route add} do. */
    private static final int NEW = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
    private static final int CHANGE = NLM_F_REQUEST | NLM_F_ACK;
    private static final int DUMP = NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP;

    /** IFLA_INFO_KIND is an NLA_STRING: iproute2 sends it without a NUL, and the kernel takes either. */
    private static final byte[] VETH = "veth".getBytes(StandardCharsets.US_ASCII);

    /** Link replies without the ~200 bytes of counters nobody here reads. */
    private static final int LINK_EXT_MASK = RTEXT_FILTER_SKIP_STATS;

    /**
     * {@code ip link add HOST type veth peer name PEER netns NS}: one RTM_NEWLINK creates both ends, the peer
     * directly inside the namespace {@code peerNetnsFd} (-1: next to the host end).
     */
    @SuppressWarnings("try") // the nest scopes are only closed, which is their point
    public static void vethAdd(NlWriter w, int seq, String hostName, String peerName, int peerNetnsFd) {
        w.begin(RTM_NEWLINK, NEW, seq);
        ifinfomsg(w, 0, 0, 0);
        w.string(IFLA_IFNAME, hostName);
        try (var linkinfo = w.nest(IFLA_LINKINFO)) {
            w.bytes(IFLA_INFO_KIND, VETH);
            try (var data = w.nest(IFLA_INFO_DATA); var peer = w.nest(VETH_INFO_PEER)) {
                // VETH_INFO_PEER is not a plain nest: the peer is described like a whole RTM_NEWLINK body, so its
                // attributes follow a struct ifinfomsg of its own. Without it the kernel would take the first
                // 16 bytes of attributes for that header.
                ifinfomsg(w, 0, 0, 0);
                if (peerNetnsFd >= 0) w.u32(IFLA_NET_NS_FD, peerNetnsFd);
                w.string(IFLA_IFNAME, peerName);
            }
        }
    }

    /**
     * {@code ip link set dev NAME up} (or down): RTM_NEWLINK with ifi_change limiting the change to
     * {@code IFF_UP}. The link is named by {@code index}, or by {@code name} when index is 0, which the kernel
     * resolves itself: one round trip instead of iproute2's two.
     */
    public static void linkSetUp(NlWriter w, int seq, int index, String name, boolean up) {
        w.begin(RTM_NEWLINK, CHANGE, seq);
        ifinfomsg(w, index, up ? net_if_h.IFF_UP : 0, net_if_h.IFF_UP);
        if (index == 0) w.string(IFLA_IFNAME, name);
    }

    /** {@code ip link set dev NAME netns NS}: moves the link into the namespace {@code netnsFd}. */
    public static void linkSetNetns(NlWriter w, int seq, int index, String name, int netnsFd) {
        w.begin(RTM_NEWLINK, CHANGE, seq);
        ifinfomsg(w, index, 0, 0);
        w.u32(IFLA_NET_NS_FD, netnsFd);
        if (index == 0) w.string(IFLA_IFNAME, name);
    }

    /** {@code ip link del dev NAME}: by {@code index}, or by {@code name} when index is 0. */
    public static void linkDel(NlWriter w, int seq, int index, String name) {
        w.begin(RTM_DELLINK, CHANGE, seq);
        ifinfomsg(w, index, 0, 0);
        if (index == 0) w.string(IFLA_IFNAME, name);
    }

    /** {@code ip link show dev NAME}: one link, by {@code index} or by {@code name} when index is 0. */
    public static void linkGet(NlWriter w, int seq, int index, String name) {
        w.begin(RTM_GETLINK, CHANGE, seq);
        ifinfomsg(w, index, 0, 0);
        w.u32(IFLA_EXT_MASK, LINK_EXT_MASK);
        if (index == 0) w.string(IFLA_IFNAME, name);
    }

    /** {@code ip link show}: every link of the socket's namespace. */
    public static void linkDump(NlWriter w, int seq) {
        w.begin(RTM_GETLINK, DUMP, seq);
        ifinfomsg(w, 0, 0, 0);
        w.u32(IFLA_EXT_MASK, LINK_EXT_MASK);
    }

    /**
     * {@code ip addr add ADDRESS/PREFIX dev IFINDEX}: IFA_LOCAL is the interface's address, IFA_ADDRESS the same
     * again (it names the peer only on point-to-point links). Loopback addresses get host scope, as iproute2
     * gives them.
     */
    public static void addrAdd(NlWriter w, int seq, int index, Inet4Address address, int prefixLength) {
        w.begin(RTM_NEWADDR, NEW, seq);
        int at = w.struct(ifaddrmsg.sizeof());
        w.putByte(at + (int) ifaddrmsg.ifa_family$offset(), AF_INET);
        w.putByte(at + (int) ifaddrmsg.ifa_prefixlen$offset(), prefixLength);
        w.putByte(at + (int) ifaddrmsg.ifa_scope$offset(), address.isLoopbackAddress() ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE);
        w.putInt(at + (int) ifaddrmsg.ifa_index$offset(), index);
        w.inet4(IFA_LOCAL, address);
        w.inet4(IFA_ADDRESS, address);
    }

    /** {@code ip -4 addr show}: every IPv4 address of the socket's namespace. */
    public static void addrDump(NlWriter w, int seq) {
        w.begin(RTM_GETADDR, DUMP, seq);
        int at = w.struct(ifaddrmsg.sizeof());
        w.putByte(at + (int) ifaddrmsg.ifa_family$offset(), AF_INET);
    }

    /**
     * {@code ip route add DST/LEN [via GATEWAY] [dev IFINDEX]} in the main table; {@code gateway} may be null
     * (a directly connected route, link scope) and {@code oif} 0 (the kernel picks the interface that reaches
     * the gateway). The default route has prefix length 0 and no RTA_DST.
     */
    public static void routeAdd(NlWriter w, int seq, Inet4Address destination, int prefixLength,
                                Inet4Address gateway, int oif) {
        w.begin(RTM_NEWROUTE, NEW, seq);
        int at = rtmsg(w, AF_INET);
        w.putByte(at + (int) rtmsg.rtm_dst_len$offset(), prefixLength);
        w.putByte(at + (int) rtmsg.rtm_table$offset(), RT_TABLE_MAIN);
        w.putByte(at + (int) rtmsg.rtm_protocol$offset(), RTPROT_BOOT);
        w.putByte(at + (int) rtmsg.rtm_scope$offset(), gateway == null ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE);
        w.putByte(at + (int) rtmsg.rtm_type$offset(), RTN_UNICAST);
        if (prefixLength > 0) w.inet4(RTA_DST, destination);
        if (gateway != null) w.inet4(RTA_GATEWAY, gateway);
        if (oif != 0) w.u32(RTA_OIF, oif);
    }

    /** {@code ip -4 route show table all}: IPv4 routes of every table; the caller keeps the main table's. */
    public static void routeDump(NlWriter w, int seq) {
        w.begin(RTM_GETROUTE, DUMP, seq);
        rtmsg(w, AF_INET);
    }

    /** The name of a request type, for error messages. */
    public static String typeName(int type) {
        return switch (type) {
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            case RTM_SETLINK -> "RTM_SETLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case RTM_GETADDR -> "RTM_GETADDR";
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_GETROUTE -> "RTM_GETROUTE";
            default -> "netlink message type " + type;
        };
    }

    private static void ifinfomsg(NlWriter w, int index, int flags, int change) {
        int at = w.struct(ifinfomsg.sizeof());
        w.putByte(at + (int) ifinfomsg.ifi_family$offset(), AF_UNSPEC);
        w.putInt(at + (int) ifinfomsg.ifi_index$offset(), index);
        w.putInt(at + (int) ifinfomsg.ifi_flags$offset(), flags);
        w.putInt(at + (int) ifinfomsg.ifi_change$offset(), change);
    }

    private static int rtmsg(NlWriter w, int family) {
        int at = w.struct(rtmsg.sizeof());
        w.putByte(at + (int) rtmsg.rtm_family$offset(), family);
        return at;
    }
}
