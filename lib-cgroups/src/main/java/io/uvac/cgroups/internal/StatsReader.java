package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupStats;
import io.uvac.cgroups.Controller;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads a {@link CgroupStats} from whichever files the group's hierarchies have. */
public final class StatsReader {
    private final CgroupFs fs;

    public StatsReader(CgroupFs fs) {
        this.fs = fs;
    }

    public CgroupStats read(GroupDirs dirs) throws IOException {
        OptionalLong current = OptionalLong.empty(), peak = OptionalLong.empty(), oom = OptionalLong.empty();
        Optional<GroupDir> mem = dirs.of(Controller.MEMORY);
        if (mem.isPresent()) {
            GroupDir d = mem.get();
            current = number(d.file(d.unified() ? "memory.current" : "memory.usage_in_bytes"));
            peak = number(d.file(d.unified() ? "memory.peak" : "memory.max_usage_in_bytes"));
            oom = keyed(d.file(d.unified() ? "memory.events" : "memory.oom_control"), "oom_kill");
        }
        Optional<GroupDir> pidsDir = dirs.of(Controller.PIDS);
        OptionalLong pids = pidsDir.isPresent() ? number(pidsDir.get().file("pids.current")) : OptionalLong.empty();
        return new CgroupStats(current, peak, oom, cpuUsage(dirs), pids);
    }

    private Optional<Duration> cpuUsage(GroupDirs dirs) throws IOException {
        Optional<GroupDir> acct = dirs.of(Controller.CPUACCT);
        if (acct.isPresent()) {
            OptionalLong ns = number(acct.get().file("cpuacct.usage"));
            if (ns.isPresent()) return Optional.of(Duration.ofNanos(ns.getAsLong()));
        }
        // cpu.stat's usage_usec is core on cgroup2: present even where the cpu controller is not enabled.
        Optional<GroupDir> v2 = dirs.unified();
        if (v2.isPresent()) {
            OptionalLong us = keyed(v2.get().file("cpu.stat"), "usage_usec");
            if (us.isPresent()) return Optional.of(Duration.ofNanos(us.getAsLong() * 1000));
        }
        return Optional.empty();
    }

    private OptionalLong number(Path file) throws IOException {
        Optional<String> text = readIfPresent(file);
        return text.isPresent() ? OptionalLong.of(KeyedValues.number(text.get())) : OptionalLong.empty();
    }

    private OptionalLong keyed(Path file, String key) throws IOException {
        Optional<String> text = readIfPresent(file);
        return text.isPresent() ? KeyedValues.get(text.get(), key) : OptionalLong.empty();
    }

    /** Empty when this kernel lacks the file (memory.peak before 5.19, memory.swap.* without swap accounting). */
    private Optional<String> readIfPresent(Path file) throws IOException {
        try {
            return Optional.of(fs.read(file));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }
}
