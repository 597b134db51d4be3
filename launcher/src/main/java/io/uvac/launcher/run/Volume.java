package io.uvac.launcher.run;

import io.uvac.launcher.LauncherException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code -v HOST:CONTAINER[:ro]}: a bind mount of a host path into the container. */
record Volume(Path host, String container, boolean readOnly) {

    static Volume parse(String spec) throws LauncherException {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty())
            throw new LauncherException("invalid volume '" + spec + "': expected HOST:CONTAINER[:ro]");
        boolean ro = false;
        if (parts.length == 3) {
            if (parts[2].equals("ro")) ro = true;
            else if (!parts[2].equals("rw")) throw new LauncherException("invalid volume option '" + parts[2] + "' in '" + spec + "': use ro or rw");
        }
        Path host = Path.of(parts[0]).toAbsolutePath().normalize();
        if (!Files.exists(host)) throw new LauncherException("volume source " + host + " does not exist");
        if (!parts[1].startsWith("/")) throw new LauncherException("volume target '" + parts[1] + "' must be an absolute path");
        return new Volume(host, parts[1], ro);
    }
}
