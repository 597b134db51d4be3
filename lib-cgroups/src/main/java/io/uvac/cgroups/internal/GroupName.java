package io.uvac.cgroups.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group's directory name: {@code <owner pid>.<owner start ticks>-<id>}, e.g. {@code 4242.918273-web-1}.
 * cgroupfs refuses files of our own, so the owner lives in the name; a sweep reads it back to find groups
 * whose owner is gone. The name starts with a digit and so never collides with a control file name.
 */
public record GroupName(ProcessIdentity owner, String id) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern NAME = Pattern.compile("([1-9][0-9]*)\\.([0-9]+)-(" + ID.pattern() + ")");

    public GroupName {
        checkId(id);
    }

    public static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches())
            throw new IllegalArgumentException("group id \"" + id + "\" must be 1-64 characters of A-Z a-z 0-9 _ . -"
                    + " starting with a letter or digit");
    }

    /** The name parsed, or empty for a directory that uvac did not name (left alone by sweeps). */
    public static Optional<GroupName> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new GroupName(
                    new ProcessIdentity(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))), m.group(3)));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return owner.pid() + "." + owner.startTicks() + "-" + id;
    }
}
