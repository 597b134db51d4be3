# spawn-x86_64.S - uvac's spawn stub: clone3, then a plan of raw syscalls in the child.
#
# long uvac_spawn(struct spawn_block *b)      SysV ABI, called through an ordinary (non-critical) downcall
#   b+0   struct clone_args *      b+8   sizeof(struct clone_args)
#   b+16  int32 failed step        the parent presets -1; the child stores the index of the step that failed
#   b+20  int32 errno              ... and its errno (0: the plan ended without an execve)
#   b+24  int64 n                  number of steps
#   b+32  steps[n], 64 bytes each: nr, a0, a1, a2, a3, a4, a5, flags (bit 0: failure allowed)
#
# Parent: returns the raw clone3 result (child pid, or -errno); nothing else runs on the parent side.
# Child:  runs the steps with raw syscalls. It touches no memory but the block (shared with the parent
#         through CLONE_VM) and calls no libc or JVM code: a CLONE_VM child of a JVM may execute nothing
#         that could take a lock the other threads hold. It never returns: execve replaces it, or it
#         records the failing step in the block and calls exit_group(127). Under CLONE_VFORK the parent's
#         clone3 returns only after that, so the parent reads b+16/b+20 without further synchronisation.
#         The child needs no stack of its own beyond what the kernel uses; clone_args.stack is set anyway
#         because a CLONE_VM child must never share the parent thread's stack.
#
# Bytes embedded in io.uvac.sys.spawn.SpawnStub; AsmListingsTest assembles this file with `as` and
# compares. Regenerate: as -o s.o spawn-x86_64.S && objcopy -O binary -j .text s.o s.bin && xxd -i s.bin
    .intel_syntax noprefix
    .text
    .globl uvac_spawn
uvac_spawn:
    push rbx
    push r12
    push r13
    mov rbx, rdi
    mov rdi, [rbx]
    mov rsi, [rbx+8]
    mov eax, 435                # clone3
    syscall
    test rax, rax
    jz .Lchild
    pop r13
    pop r12
    pop rbx
    ret

.Lchild:
    lea r12, [rbx+32]           # r12: current step
    mov r13, [rbx+24]           # r13: steps left
.Lnext:
    test r13, r13
    jz .Lend
    mov rax, [r12]
    mov rdi, [r12+8]
    mov rsi, [r12+16]
    mov rdx, [r12+24]
    mov r10, [r12+32]
    mov r8,  [r12+40]
    mov r9,  [r12+48]
    syscall
    cmp rax, -4095
    jae .Lfailed                # -4095..-1 is -errno
.Lskip:
    add r12, 64
    dec r13
    jmp .Lnext

.Lfailed:
    test qword ptr [r12+56], 1
    jnz .Lskip                  # this step may fail
    neg eax
    jmp .Lreport
.Lend:
    xor eax, eax
.Lreport:
    mov rcx, r12
    sub rcx, rbx
    sub rcx, 32
    shr rcx, 6                  # index of the step
    mov [rbx+20], eax
    mov [rbx+16], ecx
    mov edi, 127
    mov eax, 231                # exit_group
    syscall
    ud2

    .section .note.GNU-stack,"",@progbits
