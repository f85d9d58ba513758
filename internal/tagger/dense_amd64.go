//go:build !purego

package tagger

// addRun is addRunGo with the SSE instructions every amd64 processor has:
// four classes to an instruction, each of them added as addRunGo adds it,
// in IEEE single precision with the same rounding, so the sums are
// bit-identical.
func addRun(dst, src *[denseLen]float32, run []*[denseLen]float32) {
	addRunSSE(dst, src, run)
}

//go:noescape
func addRunSSE(dst, src *[denseLen]float32, run []*[denseLen]float32)

// haveAVX is set when the processor has AVX instructions and the system
// saves their registers.
var haveAVX = hasAVX()

func hasAVX() bool

// scoreVector is model.score in AVX instructions, where m.avx is set, and
// reports whether it scored; it returns the weighted class of the highest
// score, the lowest on a tie, or -1 when none beats -Inf, as bestVector
// does. It keeps the 40 sums in registers from the bias to the last
// feature, eight classes to an instruction, where scoreGo gathers each
// run of dense features and adds it through memory; each class adds the
// same weights in the same order, in IEEE single precision with the same
// rounding, so the scores are bit-identical.
func (m *model) scoreVector(scores *[256]float32, feats *[nFeat]ref) (k int, ok bool) {
	if !m.avx {
		return 0, false
	}
	return scoreAVX(scores, feats, &m.vec), true
}

// scoreAVX reads nFeat features, 13: the count is written in the
// assembly.
var _ = [1]struct{}{}[nFeat-13]

//go:noescape
func scoreAVX(scores *[256]float32, feats *[nFeat]ref, v *vectors) int

// bestVector is the weighted class of the highest score, the lowest on a
// tie, or -1 when none beats -Inf, as model.bestClass finds it, in AVX
// instructions where m.avx is set; ok reports whether it looked.
func (m *model) bestVector(scores *[256]float32) (k int, ok bool) {
	if !m.avx {
		return 0, false
	}
	return bestAVX((*[denseLen]float32)(scores[:denseLen])), true
}

//go:noescape
func bestAVX(scores *[denseLen]float32) int
