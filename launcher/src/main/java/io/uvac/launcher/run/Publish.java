package io.uvac.launcher.run;

import io.uvac.launcher.LauncherException;

/** {@code -p HOSTPORT:CONTAINERPORT}: a host loopback port forwarded to a container port. */
record Publish(int hostPort, int containerPort) {

    static Publish parse(String spec) throws LauncherException {
        String[] parts = spec.split(":", -1);
        if (parts.length != 2) throw new LauncherException("invalid port mapping '" + spec + "': expected HOSTPORT:CONTAINERPORT");
        return new Publish(port(parts[0], spec), port(parts[1], spec));
    }

    private static int port(String s, String spec) throws LauncherException {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LauncherException("invalid port '" + s + "' in '" + spec + "': ports are 1 to 65535");
    }
}
