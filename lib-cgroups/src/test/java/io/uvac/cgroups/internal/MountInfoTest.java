package io.uvac.cgroups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {

    @Test
    void parsesFieldsAroundAVariableNumberOfOptionalFields() {
        List<MountEntry> m = MountInfo.parse("""
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:9 master:2 - cgroup cgroup rw,cpu,cpuacct
                """);
        assertEquals(new MountEntry(31, 23, "/", Path.of("/sys/fs/cgroup"), "tmpfs", "tmpfs", List.of("rw", "mode=755")), m.get(0));
        assertEquals(new MountEntry(32, 31, "/", Path.of("/sys/fs/cgroup/cpu,cpuacct"), "cgroup", "cgroup",
                List.of("rw", "cpu", "cpuacct")), m.get(1));
    }

    @Test
    void decodesOctalEscapesInPaths() {
        MountEntry e = MountInfo.parse("40 1 0:40 /a\\134b /mnt/my\\040cgroups rw - cgroup2 none rw\n").get(0);
        assertEquals(Path.of("/mnt/my cgroups"), e.mountPoint());
        assertEquals("/a\\b", e.root());
        assertEquals("no\\8escape", MountInfo.unescape("no\\8escape"));
    }

    @Test
    void malformedLineIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> MountInfo.parse("1 2 3\n"));
        assertEquals("mountinfo line 1 is malformed: 1 2 3", e.getMessage());
    }
}
