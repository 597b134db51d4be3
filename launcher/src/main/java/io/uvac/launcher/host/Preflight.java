package io.uvac.launcher.host;

import io.uvac.launcher.LauncherException;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.Route;
import io.uvac.netlink.RtNetlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks that turn a bad environment into one clear line before anything is created. */
public final class Preflight {
    private static final int CAP_NET_ADMIN = 12, CAP_SYS_ADMIN = 21;

    private Preflight() {}

    /** Root with CAP_SYS_ADMIN (namespaces, mounts) and CAP_NET_ADMIN (veth, addresses). */
    public static void requirePrivileges() throws LauncherException {
        long caps;
        try {
            caps = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapEff:")).map(l -> Long.parseUnsignedLong(l.substring(7).trim(), 16))
                    .findFirst().orElse(0L);
        } catch (IOException e) {
            throw new LauncherException("cannot read /proc/self/status: " + e.getMessage());
        }
        for (int[] cap : new int[][] {{CAP_SYS_ADMIN}, {CAP_NET_ADMIN}}) {
            if ((caps & (1L << cap[0])) == 0)
                throw new LauncherException("uva_container needs root with CAP_SYS_ADMIN and CAP_NET_ADMIN "
                        + "(namespaces, mounts, veth pairs); run it as root, e.g. sudo ./uva_container");
        }
    }

    /** The program a container will run must exist on the host tree the container sees. */
    public static Path requireExecutable(String name, String path, String installHint) throws LauncherException {
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        throw new LauncherException(name + " not found in the containers' PATH (" + path + "): " + installHint);
    }

    /** Refuses a subnet the host already routes: the container would shadow or be shadowed by it. */
    public static void requireUnrouted(RtNetlink host, List<Ipv4Cidr> subnets) throws LauncherException, IOException {
        for (Route r : host.routes()) {
            Ipv4Cidr dst = r.destination();
            for (Ipv4Cidr want : subnets) {
                if (dst.prefixLength() > 0 && dst.overlaps(want))
                    throw new LauncherException("address range " + want + " is already routed on the host (" + r
                            + "); choose another pool with --pool");
            }
        }
    }
}
