package io.uvac.sys.raw;

/**
 * x86-64 system call numbers ({@code <asm/unistd_64.h>}, as {@code SYS_*} in {@code <sys/syscall.h>}).
 * Spawn plans are arrays of raw syscalls, so they need the numbers themselves; an aarch64 table would sit
 * beside this one with the stub for that architecture.
 */
public final class sys_syscall_h {
    private sys_syscall_h() {}

    public static final long SYS_write = 1, SYS_close = 3, SYS_ioctl = 16, SYS_rt_sigprocmask = 14, SYS_rt_sigaction = 13,
            SYS_dup3 = 292, SYS_execve = 59, SYS_exit_group = 231, SYS_chdir = 80, SYS_fchdir = 81,
            SYS_mkdir = 83, SYS_symlink = 88, SYS_umask = 95, SYS_setsid = 112, SYS_mknod = 133,
            SYS_pivot_root = 155, SYS_prctl = 157, SYS_chroot = 161, SYS_mount = 165, SYS_umount2 = 166,
            SYS_sethostname = 170, SYS_setdomainname = 171, SYS_setns = 308, SYS_pidfd_send_signal = 424,
            SYS_pidfd_open = 434, SYS_clone3 = 435, SYS_close_range = 436, SYS_setgid = 106, SYS_setuid = 105,
            SYS_setgroups = 116, SYS_getpid = 39, SYS_fcntl = 72, SYS_memfd_create = 319, SYS_execveat = 322;
}
