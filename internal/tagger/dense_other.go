//go:build !amd64 || purego

package tagger

// addRun is addRunGo: only amd64 has an assembly version.
func addRun(dst, src *[denseLen]float32, run []*[denseLen]float32) {
	addRunGo(dst, src, run)
}
