package io.uvac.namespaces.internal;

import io.uvac.sys.spawn.RawStep;
import java.util.List;

/** The rendered steps of one spawn; {@code toString()} is the readable trace used in errors and tests. */
public record Plan(long cloneFlags, int cgroupDirFd, List<RawStep> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++)
            sb.append("step ").append(i + 1).append('/').append(steps.size()).append(' ').append(steps.get(i)).append('\n');
        return sb.toString();
    }
}
