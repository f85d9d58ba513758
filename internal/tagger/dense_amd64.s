//go:build !purego

#include "textflag.h"

// func addRunSSE(dst, src *[denseLen]float32, run []*[denseLen]float32)
//
// The 40 sums live in X0-X9, four classes each, from src; each vector of
// run is added to them in turn, through X10-X13; then they are stored to
// dst. Every access is unaligned-safe (MOVUPS).
TEXT ·addRunSSE(SB), NOSPLIT, $0-40
	MOVQ   dst+0(FP), DI
	MOVQ   src+8(FP), SI
	MOVQ   run_base+16(FP), BX
	MOVQ   run_len+24(FP), CX
	MOVUPS 0(SI), X0
	MOVUPS 16(SI), X1
	MOVUPS 32(SI), X2
	MOVUPS 48(SI), X3
	MOVUPS 64(SI), X4
	MOVUPS 80(SI), X5
	MOVUPS 96(SI), X6
	MOVUPS 112(SI), X7
	MOVUPS 128(SI), X8
	MOVUPS 144(SI), X9
	TESTQ  CX, CX
	JZ     store

loop:
	MOVQ   (BX), AX
	MOVUPS 0(AX), X10
	MOVUPS 16(AX), X11
	MOVUPS 32(AX), X12
	MOVUPS 48(AX), X13
	ADDPS  X10, X0
	ADDPS  X11, X1
	ADDPS  X12, X2
	ADDPS  X13, X3
	MOVUPS 64(AX), X10
	MOVUPS 80(AX), X11
	MOVUPS 96(AX), X12
	MOVUPS 112(AX), X13
	ADDPS  X10, X4
	ADDPS  X11, X5
	ADDPS  X12, X6
	ADDPS  X13, X7
	MOVUPS 128(AX), X10
	MOVUPS 144(AX), X11
	ADDPS  X10, X8
	ADDPS  X11, X9
	ADDQ   $8, BX
	DECQ   CX
	JNZ    loop

store:
	MOVUPS X0, 0(DI)
	MOVUPS X1, 16(DI)
	MOVUPS X2, 32(DI)
	MOVUPS X3, 48(DI)
	MOVUPS X4, 64(DI)
	MOVUPS X5, 80(DI)
	MOVUPS X6, 96(DI)
	MOVUPS X7, 112(DI)
	MOVUPS X8, 128(DI)
	MOVUPS X9, 144(DI)
	RET
