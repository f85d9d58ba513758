//go:build !purego

package sentence

// skipBlocks returns the index in text of the first byte of stopBytes[0],
// where the scan stops outside a list, read sixteen bytes at a time with
// the SSE2 instructions every amd64 processor has; when the blocks of
// sixteen bytes that text holds have none, it returns their length, and
// the scan reads the rest.
//
//go:noescape
func skipBlocks(text string) int

// readsBlocks reports whether skipBlocks reads the blocks of a text.
const readsBlocks = true
