//go:build !purego

#include "textflag.h"

// The bytes of stopBytes[0] that skipBlocks compares each byte with,
// sixteen of each.
DATA fstop<>+0(SB)/8, $0x2e2e2e2e2e2e2e2e
DATA fstop<>+8(SB)/8, $0x2e2e2e2e2e2e2e2e
GLOBL fstop<>(SB), RODATA|NOPTR, $16
DATA excl<>+0(SB)/8, $0x2121212121212121
DATA excl<>+8(SB)/8, $0x2121212121212121
GLOBL excl<>(SB), RODATA|NOPTR, $16
DATA quest<>+0(SB)/8, $0x3f3f3f3f3f3f3f3f
DATA quest<>+8(SB)/8, $0x3f3f3f3f3f3f3f3f
GLOBL quest<>(SB), RODATA|NOPTR, $16
DATA lfeed<>+0(SB)/8, $0x0a0a0a0a0a0a0a0a
DATA lfeed<>+8(SB)/8, $0x0a0a0a0a0a0a0a0a
GLOBL lfeed<>(SB), RODATA|NOPTR, $16
DATA cret<>+0(SB)/8, $0x0d0d0d0d0d0d0d0d
DATA cret<>+8(SB)/8, $0x0d0d0d0d0d0d0d0d
GLOBL cret<>(SB), RODATA|NOPTR, $16
DATA lead<>+0(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA lead<>+8(SB)/8, $0xe2e2e2e2e2e2e2e2
GLOBL lead<>(SB), RODATA|NOPTR, $16
DATA dquote<>+0(SB)/8, $0x2222222222222222
DATA dquote<>+8(SB)/8, $0x2222222222222222
GLOBL dquote<>(SB), RODATA|NOPTR, $16
DATA btick<>+0(SB)/8, $0x6060606060606060
DATA btick<>+8(SB)/8, $0x6060606060606060
GLOBL btick<>(SB), RODATA|NOPTR, $16

// func skipBlocks(text string) int
//
// The masks of the bytes of each block of sixteen equal to each of the
// eight stops, in X7-X14, are ored, and PMOVMSKB gathers their top bits.
TEXT ·skipBlocks(SB), NOSPLIT, $0-24
	MOVQ  text_base+0(FP), SI
	MOVQ  text_len+8(FP), DX
	ANDQ  $~15, DX
	XORQ  AX, AX
	TESTQ DX, DX
	JZ    done
	MOVOU fstop<>(SB), X7
	MOVOU excl<>(SB), X8
	MOVOU quest<>(SB), X9
	MOVOU lfeed<>(SB), X10
	MOVOU cret<>(SB), X11
	MOVOU lead<>(SB), X12
	MOVOU dquote<>(SB), X13
	MOVOU btick<>(SB), X14

loop:
	MOVOU    (SI)(AX*1), X0
	MOVO     X0, X1
	PCMPEQB  X7, X1
	MOVO     X0, X2
	PCMPEQB  X8, X2
	POR      X2, X1
	MOVO     X0, X2
	PCMPEQB  X9, X2
	POR      X2, X1
	MOVO     X0, X2
	PCMPEQB  X10, X2
	POR      X2, X1
	MOVO     X0, X2
	PCMPEQB  X11, X2
	POR      X2, X1
	MOVO     X0, X2
	PCMPEQB  X12, X2
	POR      X2, X1
	MOVO     X0, X2
	PCMPEQB  X13, X2
	POR      X2, X1
	PCMPEQB  X14, X0
	POR      X1, X0
	PMOVMSKB X0, BX
	TESTL    BX, BX
	JNZ      found
	ADDQ     $16, AX
	CMPQ     AX, DX
	JNE      loop

done:
	MOVQ AX, ret+16(FP)
	RET

found:
	BSFL BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+16(FP)
	RET
