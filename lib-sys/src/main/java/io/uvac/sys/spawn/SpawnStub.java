package io.uvac.sys.spawn;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.NativeLib;
import io.uvac.sys.raw.sys_mman_h;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.HexFormat;

/**
 * The machine-code stub of {@code lib-sys/src/main/asm/spawn-x86_64.S}, mapped executable once per JVM.
 *
 * <p>The page is mapped read-write, filled, then made read-execute (never writable and executable at once).
 * The downcall is an ordinary one on purpose: with CLONE_VFORK the calling thread waits in the kernel until
 * the child execs, and a thread linked {@code critical} would hold up every safepoint of the JVM meanwhile.
 */
final class SpawnStub {
    /** Assembled from spawn-x86_64.S; AsmListingsTest proves the two agree. */
    static final String X86_64_HEX = "53415441554889fb488b3b488b7308b8b30100000f054885c07406415d415c5bc34c8d63204c8b6b184d85ed7444498b0424498b7c2408498b742410498b5424184d8b5424204d8b4424284d8b4c24300f05483d01f0ffff73094983c44049ffcdebc649f74424380100000075ecf7d8eb0231c04c89e14829d94883e92048c1e906894314894b10bf7f000000b8e70000000f050f0b";

    private SpawnStub() {}

    private static final class Holder {
        static final MethodHandle HANDLE = link();
    }

    static MethodHandle handle() {
        // Checked here, not only in the holder's initialiser, whose exception would turn into an
        // ExceptionInInitializerError once and a NoClassDefFoundError on every later call.
        if (!supported())
            throw new UnsupportedOperationException("uvac's spawn stub exists for x86-64 only; this JVM runs on "
                    + System.getProperty("os.arch"));
        return Holder.HANDLE;
    }

    static boolean supported() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) || "x86_64".equals(arch);
    }

    private static MethodHandle link() {
        if (!supported())
            throw new UnsupportedOperationException("uvac's spawn stub exists for x86-64 only; this JVM runs on "
                    + System.getProperty("os.arch"));
        byte[] code = HexFormat.of().parseHex(X86_64_HEX);
        long size = 4096;
        MemorySegment page = sys_mman_h.mmap(Posix.errnoState(), MemorySegment.NULL, size,
                sys_mman_h.PROT_READ | sys_mman_h.PROT_WRITE, sys_mman_h.MAP_PRIVATE | sys_mman_h.MAP_ANONYMOUS, -1, 0);
        if (page.address() == -1L)
            throw new IllegalStateException(ErrnoException.of("mmap", "spawn stub page", NativeLib.errno(Posix.errnoState())));
        page = page.reinterpret(size);
        MemorySegment.copy(code, 0, page, ValueLayout.JAVA_BYTE, 0, code.length);
        if (sys_mman_h.mprotect(Posix.errnoState(), page, size, sys_mman_h.PROT_READ | sys_mman_h.PROT_EXEC) != 0)
            throw new IllegalStateException(ErrnoException.of("mprotect", "spawn stub page, PROT_READ|PROT_EXEC",
                    NativeLib.errno(Posix.errnoState())));
        // The page lives as long as the JVM: the handle may be called at any time until exit.
        return NativeLib.LINKER.downcallHandle(page, FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    }

    static long invoke(MemorySegment block) {
        try {
            return (long) handle().invokeExact(block);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}
