package io.uvac.cgroups.internal;

import java.nio.file.Path;

/** A group's directory in one hierarchy. */
public record GroupDir(Hierarchy hierarchy, Path path) {
    public boolean unified() {
        return hierarchy.unified();
    }

    public Path file(String name) {
        return path.resolve(name);
    }
}
