package io.uvac.sys.spawn;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.NativeLib;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.sys_mman_h;
import io.uvac.sys.raw.sys_syscall_h;
import io.uvac.sys.raw.unistd_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;

/**
 * uvac-init, the optional PID 1 of {@code lib-sys/src/main/asm/init-x86_64.S}: a static ELF of under 1 KiB
 * that forks the container's program, forwards stop signals to it and reaps every orphan. It reaches the
 * container without touching any filesystem: the bytes live in a sealed memfd that the spawn plan execs with
 * {@code execveat(fd, "", ..., AT_EMPTY_PATH)}.
 */
public final class InitProgram {
    /** Built from init-x86_64.S; AsmListingsTest rebuilds it with as and ld and compares. */
    static final String X86_64_ELF_HEX = "7f454c4602010100000000000000000002003e0001000000e80040000000000040000000000000002802000000000000000000004000380003004000" +
            "050004000100000005000000000000000000000000004000000000000000400000000000080200000000000008020000000000000010000000000000" +
            "010000000600000008020000000000000812400000000000081240000000000000000000000000000800000000000000001000000000000051e57464" +
            "060000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000004989e4498b1c244d" +
            "8d6cdc104883fb020f8cb40000004c8d35db000000410fb63e85ff741b488d35d400000031d241ba08000000b80d0000000f0549ffc6ebddb8390000" +
            "000f054885c07458787c8905cc100000bfffffffff488d35c410000031d24531d2b83d0000000f054883f8fc74e24885c078293b05a310000075d58b" +
            "059f10000089c183e17f750cc1e80825ff00000089c7eb378db980000000eb2f31ffeb2b498b7c2410498d7424104c89eab83b0000000f05bf7f0000" +
            "004883f8fe740cbf7e000000eb05bf7d000000b8e70000000f050f0b89fe8b3d4010000085ff7407b83e0000000f05c3b80f0000000f050000000000" +
            "0102030a0c0f1c00c0014000000000000000001400000000d4014000000000000000000000000000002e7368737472746162002e74657874002e726f" +
            "64617461002e627373000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
            "000000000000000000000000000000000b000000010000000600000000000000e800400000000000e800000000000000f30000000000000000000000" +
            "000000000100000000000000000000000000000011000000010000000200000000000000e001400000000000e0010000000000002800000000000000" +
            "000000000000000008000000000000000000000000000000190000000800000003000000000000000812400000000000080200000000000008000000" +
            "000000000000000000000000040000000000000000000000000000000100000003000000000000000000000000000000000000000802000000000000" +
            "1e00000000000000000000000000000001000000000000000000000000000000";

    private InitProgram() {}

    private static final class Holder {
        static final Fd MEMFD = create();
    }

    /** The sealed, close-on-exec memfd holding the program, made once per JVM. */
    public static Fd memfd() {
        return Holder.MEMFD;
    }

    private static Fd create() {
        if (!SpawnStub.supported())
            throw new UnsupportedOperationException("uvac-init exists for x86-64 only; this JVM runs on "
                    + System.getProperty("os.arch"));
        byte[] elf = HexFormat.of().parseHex(X86_64_ELF_HEX);
        try (Arena a = Arena.ofConfined()) {
            long fd = unistd_h.syscall6(Posix.errnoState(), sys_syscall_h.SYS_memfd_create, a.allocateFrom("uvac-init").address(),
                    sys_mman_h.MFD_CLOEXEC | sys_mman_h.MFD_ALLOW_SEALING, 0, 0, 0, 0);
            if (fd < 0) throw new IllegalStateException(ErrnoException.of("memfd_create", "uvac-init", NativeLib.errno(Posix.errnoState())));
            Fd memfd = Fd.adopt((int) fd);
            MemorySegment bytes = a.allocate(elf.length);
            bytes.copyFrom(MemorySegment.ofArray(elf));
            long n = Posix.write(memfd.get(), bytes, elf.length, "uvac-init memfd");
            if (n != elf.length) throw new IllegalStateException("short write to the uvac-init memfd: " + n);
            // Sealed: nobody, not even another root process through /proc/PID/fd, can change what containers exec.
            int seals = fcntl_h.F_SEAL_SEAL | fcntl_h.F_SEAL_SHRINK | fcntl_h.F_SEAL_GROW | fcntl_h.F_SEAL_WRITE;
            if (unistd_h.syscall6(Posix.errnoState(), sys_syscall_h.SYS_fcntl, memfd.get(), fcntl_h.F_ADD_SEALS, seals, 0, 0, 0) < 0)
                throw new IllegalStateException(ErrnoException.of("fcntl", "F_ADD_SEALS uvac-init", NativeLib.errno(Posix.errnoState())));
            return memfd;
        } catch (ErrnoException e) {
            throw new IllegalStateException(e);
        }
    }
}
