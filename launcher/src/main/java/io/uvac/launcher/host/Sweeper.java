package io.uvac.launcher.host;

import io.uvac.netlink.Link;
import io.uvac.netlink.RtNetlink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Removes what a launcher that died without cleaning up (kill -9, power loss of the JVM) left on the host.
 * Its containers die with it (PR_SET_PDEATHSIG) and their veths with their namespaces, so usually there is
 * nothing to do; a veth whose namespace is still held by a surviving process is deleted here.
 */
public final class Sweeper {
    private Sweeper() {}

    /** Deletes host links named for an owner that is no longer running; returns what it removed. */
    public static List<String> sweepLinks() throws IOException {
        List<String> removed = new ArrayList<>();
        try (RtNetlink host = RtNetlink.open()) {
            for (Link link : host.links()) {
                OptionalLong owner = ResourceNames.owner(link.name());
                if (owner.isEmpty() || ResourceNames.ownerAlive(owner.getAsLong())) continue;
                try {
                    host.linkDel(link.name());
                    removed.add("link " + link.name());
                } catch (io.uvac.sys.ErrnoException.NotFound gone) {
                    // its namespace died meanwhile and took it along
                }
            }
        }
        return removed;
    }
}
