//go:build !amd64 || purego

package tagger

// addRun is addRunGo: only amd64 has an assembly version.
func addRun(dst, src *[denseLen]float32, run []*[denseLen]float32) {
	addRunGo(dst, src, run)
}

// haveAVX is false: only amd64 has AVX instructions, and scoreVector
// uses none.
const haveAVX = false

// scoreVector scores nothing: score adds the features in Go.
func (m *model) scoreVector(scores *[256]float32, feats *[nFeat]ref) (k int, ok bool) {
	return 0, false
}

// bestVector does not look: bestClass reads the scores in Go.
func (m *model) bestVector(scores *[256]float32) (k int, ok bool) { return 0, false }
