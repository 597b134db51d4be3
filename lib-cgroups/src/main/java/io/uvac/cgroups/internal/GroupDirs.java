package io.uvac.cgroups.internal;

import io.uvac.cgroups.Controller;
import java.util.List;
import java.util.Optional;

/** The directories of one group, one per hierarchy, and which of them serves each controller. */
public record GroupDirs(List<GroupDir> all) {

    public GroupDirs {
        all = List.copyOf(all);
    }

    public Optional<GroupDir> of(Controller c) {
        return all.stream().filter(d -> d.hierarchy().serves(c)).findFirst();
    }

    public Optional<GroupDir> unified() {
        return all.stream().filter(GroupDir::unified).findFirst();
    }

    public List<GroupDir> v1() {
        return all.stream().filter(d -> !d.unified()).toList();
    }
}
