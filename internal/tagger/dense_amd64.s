//go:build !purego

#include "go_asm.h"
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

// func hasAVX() bool
//
// CPUID says whether the processor has AVX and the system saves the YMM
// registers (OSXSAVE), and XGETBV whether it saves them now (bits 1 and 2
// of XCR0): both are needed for scoreAVX.
TEXT ·hasAVX(SB), NOSPLIT, $0-1
	MOVL  $1, AX
	XORL  CX, CX
	CPUID
	ANDL  $0x18000000, CX
	CMPL  CX, $0x18000000
	JNE   no
	XORL  CX, CX
	XGETBV
	ANDL  $6, AX
	CMPL  AX, $6
	JNE   no
	MOVB  $1, ret+0(FP)
	RET

no:
	MOVB $0, ret+0(FP)
	RET

DATA negInf<>+0(SB)/4, $0xff800000
GLOBL negInf<>(SB), RODATA|NOPTR, $4

// BEST sets AX to the index of the first of the 40 scores in Y0-Y4 that
// is the greatest, or -1 when the greatest is -Inf. The greatest is found
// in Y5, from -Inf: VMAXPS gives its second source when either is NaN,
// and the second is the greatest so far, so a NaN is passed over. It is
// spread to every lane of Y6, and the index is the lowest bit of the
// 40-bit mask of the lanes equal to it. It clears the upper halves of the
// YMM registers (VZEROUPPER) before the code that follows, which may use
// SSE instructions.
#define BEST \
	VBROADCASTSS negInf<>(SB), Y5 \
	VMAXPS       Y5, Y0, Y5 \
	VMAXPS       Y5, Y1, Y5 \
	VMAXPS       Y5, Y2, Y5 \
	VMAXPS       Y5, Y3, Y5 \
	VMAXPS       Y5, Y4, Y5 \
	VEXTRACTF128 $1, Y5, X6 \
	VMAXPS       X6, X5, X6 \
	VPERMILPS    $0x4e, X6, X7 \
	VMAXPS       X7, X6, X6 \
	VPERMILPS    $0xb1, X6, X7 \
	VMAXPS       X7, X6, X6 \
	MOVQ         X6, AX \
	CMPL         AX, $0xff800000 \
	JEQ          none \
	VINSERTF128  $1, X6, Y6, Y6 \
	VCMPPS       $0, Y6, Y0, Y7 \
	VMOVMSKPS    Y7, AX \
	VCMPPS       $0, Y6, Y1, Y7 \
	VMOVMSKPS    Y7, BX \
	SHLQ         $8, BX \
	ORQ          BX, AX \
	VCMPPS       $0, Y6, Y2, Y7 \
	VMOVMSKPS    Y7, BX \
	SHLQ         $16, BX \
	ORQ          BX, AX \
	VCMPPS       $0, Y6, Y3, Y7 \
	VMOVMSKPS    Y7, BX \
	SHLQ         $24, BX \
	ORQ          BX, AX \
	VCMPPS       $0, Y6, Y4, Y7 \
	VMOVMSKPS    Y7, BX \
	SHLQ         $32, BX \
	ORQ          BX, AX \
	BSFQ         AX, AX \
	JMP          found \
none: \
	MOVQ         $-1, AX \
found: \
	VZEROUPPER

// FEATURE adds the feature of the ref at off(SI) to the sums in Y0-Y4: a
// dense vector there, and a sparse one at sp, which goes on at nx. A ref
// is decoded as model.score decodes it: the weight count in its low 8
// bits, the vector number or offset above them; a dense vector is 160
// bytes, at 5*32 times its number. ANDL sets the flags of the
// count and SHRL those of the vector number, which the jumps read with no
// test of their own.
#define FEATURE(off, sp, nx) \
	MOVL   off(SI), DX \
	MOVL   DX, BX \
	ANDL   $0xff, BX \
	JNZ    sp \
	SHRL   $8, DX \
	JZ     nx \
	LEAQ   (DX)(DX*4), DX \
	SHLQ   $5, DX \
	ADDQ   R8, DX \
	VADDPS 0(DX), Y0, Y0 \
	VADDPS 32(DX), Y1, Y1 \
	VADDPS 64(DX), Y2, Y2 \
	VADDPS 96(DX), Y3, Y3 \
	VADDPS 128(DX), Y4, Y4 \
nx:

// SPARSE adds the sparse feature of BX weights whose ref is in DX, from
// the label sp, to the scores in memory, where the sums are stored before
// and loaded back after, and goes on at nx; pr is its loop's label.
#define SPARSE(sp, pr, nx) \
sp: \
	SHRL    $8, DX \
	VMOVUPS Y0, 0(DI) \
	VMOVUPS Y1, 32(DI) \
	VMOVUPS Y2, 64(DI) \
	VMOVUPS Y3, 96(DI) \
	VMOVUPS Y4, 128(DI) \
	LEAQ    (R9)(DX*1), R11 \
	LEAQ    (R10)(DX*4), R12 \
pr: \
	MOVBQZX (R11), R13 \
	VMOVSS  (DI)(R13*4), X5 \
	VADDSS  (R12), X5, X5 \
	VMOVSS  X5, (DI)(R13*4) \
	INCQ    R11 \
	ADDQ    $4, R12 \
	DECL    BX \
	JNZ     pr \
	VMOVUPS 0(DI), Y0 \
	VMOVUPS 32(DI), Y1 \
	VMOVUPS 64(DI), Y2 \
	VMOVUPS 96(DI), Y3 \
	VMOVUPS 128(DI), Y4 \
	JMP     nx

// func scoreAVX(scores *[256]float32, feats *[nFeat]ref, v *vectors) int
//
// The 40 sums live in Y0-Y4, eight classes each, from the bias; each
// feature is added to them as it is read (FEATURE), the 13 of them one
// after another with no loop, a sparse one out of line (SPARSE). The
// scores are stored, and the best is found as bestAVX finds it.
TEXT ·scoreAVX(SB), NOSPLIT, $0-32
	MOVQ    scores+0(FP), DI
	MOVQ    feats+8(FP), SI
	MOVQ    v+16(FP), AX
	MOVQ    vectors_dense(AX), R8
	MOVQ    vectors_cls(AX), R9
	MOVQ    vectors_wts(AX), R10
	MOVQ    vectors_bias(AX), AX
	VMOVUPS 0(AX), Y0
	VMOVUPS 32(AX), Y1
	VMOVUPS 64(AX), Y2
	VMOVUPS 96(AX), Y3
	VMOVUPS 128(AX), Y4
	FEATURE(0, sparse0, next0)
	FEATURE(4, sparse1, next1)
	FEATURE(8, sparse2, next2)
	FEATURE(12, sparse3, next3)
	FEATURE(16, sparse4, next4)
	FEATURE(20, sparse5, next5)
	FEATURE(24, sparse6, next6)
	FEATURE(28, sparse7, next7)
	FEATURE(32, sparse8, next8)
	FEATURE(36, sparse9, next9)
	FEATURE(40, sparse10, next10)
	FEATURE(44, sparse11, next11)
	FEATURE(48, sparse12, next12)
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	VMOVUPS Y4, 128(DI)
	BEST
	MOVQ    AX, ret+24(FP)
	RET

	SPARSE(sparse0, pair0, next0)
	SPARSE(sparse1, pair1, next1)
	SPARSE(sparse2, pair2, next2)
	SPARSE(sparse3, pair3, next3)
	SPARSE(sparse4, pair4, next4)
	SPARSE(sparse5, pair5, next5)
	SPARSE(sparse6, pair6, next6)
	SPARSE(sparse7, pair7, next7)
	SPARSE(sparse8, pair8, next8)
	SPARSE(sparse9, pair9, next9)
	SPARSE(sparse10, pair10, next10)
	SPARSE(sparse11, pair11, next11)
	SPARSE(sparse12, pair12, next12)

// func bestAVX(scores *[denseLen]float32) int
TEXT ·bestAVX(SB), NOSPLIT, $0-16
	MOVQ    scores+0(FP), DI
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVUPS 64(DI), Y2
	VMOVUPS 96(DI), Y3
	VMOVUPS 128(DI), Y4
	BEST
	MOVQ    AX, ret+8(FP)
	RET
