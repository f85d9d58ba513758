//go:build !amd64 || purego

package quote

// skipBlocks reads no block: skipPlain reads the text eight bytes at a
// time. Only amd64 has an assembly version (see skip_amd64.go).
func skipBlocks(t string) int { return 0 }

// readsBlocks reports whether skipBlocks reads the blocks of a text.
const readsBlocks = false
