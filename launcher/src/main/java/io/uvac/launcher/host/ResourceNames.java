package io.uvac.launcher.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every host link a launcher makes carries its pid in the name ({@code uvac<pid>-<n>}), so a later launcher can
 * tell leftovers of a dead one (killed with -9) from the live objects of a running one. (cgroups are named by
 * lib-cgroups the same way, with the owner's start time added.)
 */
public final class ResourceNames {
    public static final String PREFIX = "uvac";
    private static final Pattern OWNED = Pattern.compile(PREFIX + "(\\d+)-.*");

    private ResourceNames() {}

    /** A host interface name, at most 15 bytes (IFNAMSIZ - 1). */
    public static String hostInterface(long ownerPid, int index) {
        String name = PREFIX + ownerPid + "-" + index;
        if (name.length() > 15) throw new IllegalArgumentException("interface name too long: " + name);
        return name;
    }

    /** The owner pid encoded in {@code name}, if it is one of ours. */
    public static OptionalLong owner(String name) {
        Matcher m = OWNED.matcher(name);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** True while {@code pid} is a running uvac launcher (not merely a recycled pid of something else). */
    public static boolean ownerAlive(long pid) {
        if (pid == ProcessHandle.current().pid()) return true;
        try {
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
            return cmdline.contains("io.uvac");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
