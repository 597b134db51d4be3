# init-x86_64.S - uvac-init, an optional PID 1 for containers (static ELF, no libc).
#
#   uvac-init PROGRAM [ARG...]       (envp passed through)
#
# A container's program is normally its PID 1, and most programs never wait() for children they did not
# start, so orphans reparented to PID 1 stay zombies. uvac-init is PID 1 instead: it forks, execs PROGRAM
# in the child, forwards the stop signals it receives (HUP INT QUIT USR1 USR2 TERM WINCH) to that child
# (a PID 1 without handlers would ignore them), reaps every process that ends, and when PROGRAM ends
# exits with its status (code, or 128 + signal). PROGRAM must be a path: the parent resolved it already.
# Exit 127: PROGRAM not found; 126: not executable.
#
# Built: as -o init.o init-x86_64.S && ld -s -static -nostdlib -z noseparate-code -e _start -o uvac-init init.o
# Embedded in io.uvac.sys.spawn.InitProgram; AsmListingsTest rebuilds it and compares.
    .intel_syntax noprefix
    .text
    .globl _start
_start:
    mov r12, rsp                    # [r12] argc, [r12+8] argv[0], [r12+16] argv[1] = PROGRAM
    mov rbx, [r12]
    lea r13, [r12+8*rbx+16]         # envp
    cmp rbx, 2
    jl .Lusage

    lea r14, [rip+signals]
.Lnextsig:
    movzx edi, byte ptr [r14]
    test edi, edi
    jz .Lfork
    lea rsi, [rip+action]
    xor edx, edx
    mov r10d, 8
    mov eax, 13                     # rt_sigaction
    syscall
    inc r14
    jmp .Lnextsig

.Lfork:
    mov eax, 57                     # fork: handlers are reset by the child's execve
    syscall
    test rax, rax
    jz .Lchild
    js .Lfailfork
    mov [rip+child], eax

.Lwait:
    mov edi, -1
    lea rsi, [rip+status]
    xor edx, edx
    xor r10d, r10d
    mov eax, 61                     # wait4(-1, &status, 0, NULL): reaps orphans as well
    syscall
    cmp rax, -4                     # EINTR: a forwarded signal came in
    je .Lwait
    test rax, rax
    js .Lgone                       # ECHILD: nothing left
    cmp eax, [rip+child]
    jne .Lwait
    mov eax, [rip+status]
    mov ecx, eax
    and ecx, 0x7f
    jnz .Lsignalled
    shr eax, 8
    and eax, 0xff
    mov edi, eax
    jmp .Lexit
.Lsignalled:
    lea edi, [rcx+128]
    jmp .Lexit
.Lgone:
    xor edi, edi
    jmp .Lexit

.Lchild:
    mov rdi, [r12+16]
    lea rsi, [r12+16]
    mov rdx, r13
    mov eax, 59                     # execve(PROGRAM, &argv[1], envp)
    syscall
    mov edi, 127
    cmp rax, -2                     # ENOENT
    je .Lexit
    mov edi, 126
    jmp .Lexit

.Lusage:
.Lfailfork:
    mov edi, 125
.Lexit:
    mov eax, 231                    # exit_group
    syscall
    ud2

# Signal handler: forward to the child, never to pid 0 (that would be our whole process group).
forward:
    mov esi, edi
    mov edi, [rip+child]
    test edi, edi
    jz 1f
    mov eax, 62                     # kill(child, sig)
    syscall
1:  ret

restore:
    mov eax, 15                     # rt_sigreturn
    syscall

    .section .rodata
signals:
    .byte 1, 2, 3, 10, 12, 15, 28, 0
    .balign 8
action:                             # struct kernel_sigaction
    .quad forward                   # sa_handler
    .quad 0x14000000                # sa_flags: SA_RESTORER | SA_RESTART
    .quad restore                   # sa_restorer
    .quad 0                         # sa_mask: none

    .bss
    .balign 4
child:  .zero 4
status: .zero 4

    .section .note.GNU-stack,"",@progbits
