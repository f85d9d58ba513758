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
