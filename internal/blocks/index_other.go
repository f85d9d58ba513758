//go:build !amd64 || purego

package blocks

// Index reads no block and returns 0: only amd64 has a version that reads
// them (see index_amd64.go), and the caller reads the whole text.
func Index(t string, s *Set) int { return 0 }

// Reads reports whether Index reads the blocks of a text; where it does
// not, it returns 0.
const Reads = false
