package io.uvac.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 address with a prefix length, as in {@code 10.200.1.2/30}: an interface address (host bits kept) or,
 * after {@link #network()}, the network it belongs to. Immutable; parsing is strict (four decimal octets without
 * leading zeros, a prefix of 0..32) and never resolves names.
 *
 * <pre>
 * Ipv4Cidr pool = Ipv4Cidr.parse("10.200.0.0/16");
 * Ipv4Cidr link = pool.subnet(30, 7);            // 10.200.0.28/30
 * Inet4Address host = link.host(1);               // 10.200.0.29
 * Inet4Address container = link.host(2);          // 10.200.0.30
 * boolean clash = routes.stream().anyMatch(r -> !r.isDefault() &amp;&amp; r.destination().overlaps(link));
 * </pre>
 */
public final class Ipv4Cidr {
    private static final String CIDR = "IPv4 CIDR";

    private final int address;
    private final int prefixLength;

    private Ipv4Cidr(int address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code "a.b.c.d/n"}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Ipv4Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) throw invalid(CIDR, text, "missing \"/prefix-length\"");
        int address = parseAddress(CIDR, text, text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 2 || !digits(prefix) || (prefix.length() > 1 && prefix.charAt(0) == '0'))
            throw invalid(CIDR, text, "prefix length \"" + prefix + "\" is not a number 0..32");
        int length = Integer.parseInt(prefix);
        if (length > 32) throw invalid(CIDR, text, "prefix length " + length + " is outside 0..32");
        return new Ipv4Cidr(address, length);
    }

    /** {@code address/prefixLength}; host bits are kept. */
    public static Ipv4Cidr of(Inet4Address address, int prefixLength) {
        Objects.requireNonNull(address, "address");
        requirePrefixLength(prefixLength);
        return new Ipv4Cidr(toInt(address), prefixLength);
    }

    /** Parses a dotted-quad IPv4 address strictly ({@code "10.0.0.1"}); never a host name. */
    public static Inet4Address parseAddress(String text) {
        Objects.requireNonNull(text, "text");
        return toInet(parseAddress("IPv4 address", text, text));
    }

    /** The address as given, host bits included. */
    public Inet4Address address() {
        return toInet(address);
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** The network: host bits cleared, same prefix length. {@code 10.200.1.2/30} gives {@code 10.200.1.0/30}. */
    public Ipv4Cidr network() {
        return isNetwork() ? this : new Ipv4Cidr(address & mask(prefixLength), prefixLength);
    }

    /** True when no host bit is set, e.g. {@code 10.200.1.0/30} but not {@code 10.200.1.2/30}. */
    public boolean isNetwork() {
        return (address & ~mask(prefixLength)) == 0;
    }

    /** {@code 255.255.255.252} for a /30. */
    public Inet4Address netmask() {
        return toInet(mask(prefixLength));
    }

    /** How many addresses the network spans: 2^(32 - prefix length). */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The address {@code n} places into the network: {@code host(0)} is the network address itself. */
    public Inet4Address host(long n) {
        if (n < 0 || n >= size())
            throw new IllegalArgumentException("host " + n + " is outside " + network() + " (0.." + (size() - 1) + ")");
        return toInet((address & mask(prefixLength)) + (int) n);
    }

    /**
     * The {@code index}-th network of {@code newPrefixLength} inside this network: {@code 10.200.0.0/16}
     * {@code .subnet(30, 2)} is {@code 10.200.0.8/30}.
     */
    public Ipv4Cidr subnet(int newPrefixLength, long index) {
        requirePrefixLength(newPrefixLength);
        if (newPrefixLength < prefixLength)
            throw new IllegalArgumentException("a /" + newPrefixLength + " does not fit inside " + network());
        long count = 1L << (newPrefixLength - prefixLength);
        if (index < 0 || index >= count)
            throw new IllegalArgumentException("subnet " + index + " is outside " + network() + " (it holds " + count
                    + " /" + newPrefixLength + " networks)");
        long step = 1L << (32 - newPrefixLength);
        return new Ipv4Cidr((int) ((address & mask(prefixLength)) + index * step), newPrefixLength);
    }

    /** True when {@code a} lies inside this network. */
    public boolean contains(Inet4Address a) {
        return ((toInt(a) ^ address) & mask(prefixLength)) == 0;
    }

    /** True when every address of {@code other}'s network lies inside this network. */
    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && ((other.address ^ address) & mask(prefixLength)) == 0;
    }

    /** True when the two networks share at least one address (one contains the other: prefixes nest). */
    public boolean overlaps(Ipv4Cidr other) {
        int shorter = Math.min(prefixLength, other.prefixLength);
        return ((other.address ^ address) & mask(shorter)) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Cidr c && c.address == address && c.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
        return address * 31 + prefixLength;
    }

    /** {@code "10.200.1.2/30"}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return dotted(address) + "/" + prefixLength;
    }

    static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static Inet4Address toInet(int a) {
        byte[] b = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    private static String dotted(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }

    private static void requirePrefixLength(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32)
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
    }

    /** {@code part} is the address text inside {@code whole}, the {@code kind} of text error messages quote. */
    private static int parseAddress(String kind, String whole, String part) {
        String[] octets = part.split("\\.", -1);
        if (octets.length != 4) throw invalid(kind, whole, "\"" + part + "\" is not four dot-separated octets");
        int a = 0;
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !digits(o))
                throw invalid(kind, whole, "octet \"" + o + "\" is not a number 0..255");
            if (o.length() > 1 && o.charAt(0) == '0')
                throw invalid(kind, whole, "octet \"" + o + "\" has a leading zero (octal or decimal?)");
            int v = Integer.parseInt(o);
            if (v > 255) throw invalid(kind, whole, "octet " + v + " is outside 0..255");
            a = a << 8 | v;
        }
        return a;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++)
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static IllegalArgumentException invalid(String kind, String text, String why) {
        return new IllegalArgumentException("invalid " + kind + " \"" + text + "\": " + why);
    }
}
