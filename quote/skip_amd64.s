//go:build !purego

#include "textflag.h"

// The bytes skipBlocks compares each byte with, sixteen of each.
DATA dquote<>+0(SB)/8, $0x2222222222222222
DATA dquote<>+8(SB)/8, $0x2222222222222222
GLOBL dquote<>(SB), RODATA|NOPTR, $16
DATA squote<>+0(SB)/8, $0x2727272727272727
DATA squote<>+8(SB)/8, $0x2727272727272727
GLOBL squote<>(SB), RODATA|NOPTR, $16
DATA btick<>+0(SB)/8, $0x6060606060606060
DATA btick<>+8(SB)/8, $0x6060606060606060
GLOBL btick<>(SB), RODATA|NOPTR, $16
DATA lfeed<>+0(SB)/8, $0x0a0a0a0a0a0a0a0a
DATA lfeed<>+8(SB)/8, $0x0a0a0a0a0a0a0a0a
GLOBL lfeed<>(SB), RODATA|NOPTR, $16

// func skipBlocks(t string) int
//
// Each block of sixteen bytes is ored with the masks of its bytes equal to
// each of the four marks; the top bit of a byte of the result is set for
// a byte outside ASCII or a mark, and PMOVMSKB gathers the top bits.
TEXT ·skipBlocks(SB), NOSPLIT, $0-24
	MOVQ  t_base+0(FP), SI
	MOVQ  t_len+8(FP), DX
	ANDQ  $~15, DX
	XORQ  AX, AX
	TESTQ DX, DX
	JZ    done
	MOVOU dquote<>(SB), X4
	MOVOU squote<>(SB), X5
	MOVOU btick<>(SB), X6
	MOVOU lfeed<>(SB), X7

loop:
	MOVOU    (SI)(AX*1), X0
	MOVO     X0, X1
	PCMPEQB  X4, X1
	MOVO     X0, X2
	PCMPEQB  X5, X2
	MOVO     X0, X3
	PCMPEQB  X6, X3
	MOVO     X0, X8
	PCMPEQB  X7, X8
	POR      X1, X0
	POR      X2, X3
	POR      X8, X0
	POR      X3, X0
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
