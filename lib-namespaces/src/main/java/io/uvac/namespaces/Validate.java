package io.uvac.namespaces;

import java.nio.charset.StandardCharsets;

/** Checks shared by the spec records: everything that reaches the kernel is a C string, so no NUL. */
final class Validate {
    private Validate() {}

    static void noNul(String what, String value) {
        if (value == null) throw new IllegalArgumentException(what + " is missing");
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains a NUL byte: " + printable(value));
    }

    static void path(String what, String value) {
        noNul(what, value);
        if (value.isEmpty()) throw new IllegalArgumentException(what + " is empty");
        if (value.getBytes(StandardCharsets.UTF_8).length >= 4096)
            throw new IllegalArgumentException(what + " is longer than PATH_MAX (4096 bytes)");
    }

    static void absolute(String what, String value) {
        path(what, value);
        if (!value.startsWith("/")) throw new IllegalArgumentException(what + " must be an absolute path: " + value);
    }

    /**
     * A path inside the container that something is mounted on. A {@code ..} component would walk out of the
     * rootfs (targets are resolved under it before pivot_root), and a mount over {@code /} itself would hide
     * the rootfs the plan is about to pivot into; both are refused here rather than failing half-way through
     * the plan, after the process exists.
     */
    static void mountTarget(String what, String value) {
        absolute(what, value);
        for (String part : value.split("/"))
            if (part.equals("..")) throw new IllegalArgumentException(what + " must not contain '..': " + value);
        if (value.replace("/", "").replace(".", "").isEmpty())
            throw new IllegalArgumentException(what + " must not be the root directory: " + value);
    }

    static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
