//go:build !purego

package quote

// skipBlocks returns the index in t of the first byte that skipPlain stops
// at (a byte of a multi-byte character, a straight quote mark, a backtick
// or a line feed), read sixteen bytes at a time with the SSE2 instructions
// every amd64 processor has; when the blocks of sixteen bytes that t holds
// have none, it returns their length, and skipPlain reads the rest.
//
//go:noescape
func skipBlocks(t string) int

// readsBlocks reports whether skipBlocks reads the blocks of a text.
const readsBlocks = true
