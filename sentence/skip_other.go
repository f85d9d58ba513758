//go:build !amd64 || purego

package sentence

// skipBlocks reads no block: the scan reads the text eight bytes at a
// time. Only amd64 has an assembly version (see skip_amd64.go).
func skipBlocks(text string) int { return 0 }

// readsBlocks reports whether skipBlocks reads the blocks of a text.
const readsBlocks = false
