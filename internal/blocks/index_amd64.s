//go:build !purego

#include "textflag.h"

// func Index(t string, s *Set) int
//
// The masks of the bytes of each block of sixteen equal to each of the
// set's eight lanes (X7-X14) are ored, with the top bits of the block's
// bytes kept by the set's high lanes (X6); PMOVMSKB gathers the top bits
// of the result, one a byte of the block.
TEXT ·Index(SB), NOSPLIT, $0-32
	MOVQ  t_base+0(FP), SI
	MOVQ  t_len+8(FP), DX
	MOVQ  s+16(FP), DI
	ANDQ  $~15, DX
	XORQ  AX, AX
	TESTQ DX, DX
	JZ    done
	MOVOU 0(DI), X7
	MOVOU 16(DI), X8
	MOVOU 32(DI), X9
	MOVOU 48(DI), X10
	MOVOU 64(DI), X11
	MOVOU 80(DI), X12
	MOVOU 96(DI), X13
	MOVOU 112(DI), X14
	MOVOU 128(DI), X6

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
	MOVO     X0, X2
	PCMPEQB  X14, X2
	POR      X2, X1
	PAND     X6, X0
	POR      X1, X0
	PMOVMSKB X0, BX
	TESTL    BX, BX
	JNZ      found
	ADDQ     $16, AX
	CMPQ     AX, DX
	JNE      loop

done:
	MOVQ AX, ret+24(FP)
	RET

found:
	BSFL BX, BX
	ADDQ BX, AX
	MOVQ AX, ret+24(FP)
	RET
