//go:build !purego

package blocks

// Index returns the index in t of the first byte of s in the blocks of
// sixteen bytes that t holds, or, when they hold none, their length
// (len(t) rounded down to a multiple of 16): the caller reads the rest.
//
//go:noescape
func Index(t string, s *Set) int

// Reads reports whether Index reads the blocks of a text; where it does
// not, it returns 0.
const Reads = true
