package io.uvac.sys.internal;

import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.sys_mount_h;
import java.util.ArrayList;
import java.util.List;

/** Flag words rendered by name for error messages and plan traces, as runc does for mount flags. */
public final class Flags {
    private Flags() {}

    private static final Object[][] CLONE = {
        {sched_h.CLONE_VM, "CLONE_VM"}, {sched_h.CLONE_FS, "CLONE_FS"}, {sched_h.CLONE_FILES, "CLONE_FILES"},
        {sched_h.CLONE_SIGHAND, "CLONE_SIGHAND"}, {sched_h.CLONE_PIDFD, "CLONE_PIDFD"},
        {sched_h.CLONE_VFORK, "CLONE_VFORK"}, {sched_h.CLONE_PARENT, "CLONE_PARENT"},
        {sched_h.CLONE_THREAD, "CLONE_THREAD"}, {sched_h.CLONE_NEWNS, "CLONE_NEWNS"},
        {sched_h.CLONE_NEWCGROUP, "CLONE_NEWCGROUP"}, {sched_h.CLONE_NEWUTS, "CLONE_NEWUTS"},
        {sched_h.CLONE_NEWIPC, "CLONE_NEWIPC"}, {sched_h.CLONE_NEWUSER, "CLONE_NEWUSER"},
        {sched_h.CLONE_NEWPID, "CLONE_NEWPID"}, {sched_h.CLONE_NEWNET, "CLONE_NEWNET"},
        {sched_h.CLONE_CLEAR_SIGHAND, "CLONE_CLEAR_SIGHAND"}, {sched_h.CLONE_INTO_CGROUP, "CLONE_INTO_CGROUP"},
    };

    private static final Object[][] MOUNT = {
        {sys_mount_h.MS_RDONLY, "MS_RDONLY"}, {sys_mount_h.MS_NOSUID, "MS_NOSUID"}, {sys_mount_h.MS_NODEV, "MS_NODEV"},
        {sys_mount_h.MS_NOEXEC, "MS_NOEXEC"}, {sys_mount_h.MS_REMOUNT, "MS_REMOUNT"},
        {sys_mount_h.MS_NOATIME, "MS_NOATIME"}, {sys_mount_h.MS_BIND, "MS_BIND"}, {sys_mount_h.MS_MOVE, "MS_MOVE"},
        {sys_mount_h.MS_REC, "MS_REC"}, {sys_mount_h.MS_SILENT, "MS_SILENT"}, {sys_mount_h.MS_PRIVATE, "MS_PRIVATE"},
        {sys_mount_h.MS_SLAVE, "MS_SLAVE"}, {sys_mount_h.MS_SHARED, "MS_SHARED"},
        {sys_mount_h.MS_STRICTATIME, "MS_STRICTATIME"},
    };

    public static String clone(long flags) {
        return render(flags, CLONE);
    }

    public static String mount(long flags) {
        return render(flags, MOUNT);
    }

    /** {@code src=tmpfs, dst=/tmp, type=tmpfs, flags=MS_NOSUID|MS_NODEV, data=mode=755}; absent parts left out. */
    public static String describeMount(String source, String target, String fstype, long flags, String data) {
        List<String> parts = new ArrayList<>();
        if (source != null) parts.add("src=" + source);
        parts.add("dst=" + target);
        if (fstype != null) parts.add("type=" + fstype);
        parts.add("flags=" + mount(flags));
        if (data != null) parts.add("data=" + data);
        return String.join(", ", parts);
    }

    private static String render(long flags, Object[][] table) {
        if (flags == 0) return "0";
        StringBuilder sb = new StringBuilder();
        long rest = flags;
        for (Object[] row : table) {
            long bit = (Long) row[0];
            if ((flags & bit) == bit) {
                if (!sb.isEmpty()) sb.append('|');
                sb.append(row[1]);
                rest &= ~bit;
            }
        }
        if (rest != 0) {
            if (!sb.isEmpty()) sb.append('|');
            sb.append("0x").append(Long.toHexString(rest));
        }
        return sb.toString();
    }
}
