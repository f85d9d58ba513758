// Package blocks finds, sixteen bytes at a time, the first byte of a text
// that is in a small set. It is the fast path of the sentence and quote
// scanners, which pass over most of a text's bytes looking for a handful
// (terminators, quote marks, line feeds). On amd64 [Index] is written in
// the SSE2 instructions every amd64 processor has; elsewhere, and under the
// purego build tag, it reads nothing, and the scanners read the text with
// their own Go steps.
package blocks

// Set is a set of at most eight bytes, and, when [New] is asked for them,
// of every byte outside ASCII, laid out as [Index] reads it. Make it once,
// with New.
type Set struct {
	// lanes holds each byte of the set sixteen times, one lane a byte of
	// a block; a set of fewer than eight bytes repeats its first.
	lanes [8][16]byte
	// high is 0x80 in every lane when the set holds the bytes outside
	// ASCII, and 0 otherwise: Index keeps the top bit of each byte of a
	// block with it.
	high [16]byte
}

// New returns the set of the bytes of in and, when high is true, of every
// byte outside ASCII. It panics when in holds no byte or more than eight:
// sets are made once, when a package is loaded, and one that Index cannot
// read is a mistake in the program.
func New(high bool, in ...byte) *Set {
	if len(in) == 0 || len(in) > len(Set{}.lanes) {
		panic("blocks: a Set holds one to eight bytes")
	}
	var s Set
	for k := range s.lanes {
		c := in[0]
		if k < len(in) {
			c = in[k]
		}
		for j := range s.lanes[k] {
			s.lanes[k][j] = c
		}
	}
	if high {
		for j := range s.high {
			s.high[j] = 0x80
		}
	}
	return &s
}

// Has reports whether c is in s.
func (s *Set) Has(c byte) bool {
	if c >= 0x80 && s.high[0] != 0 {
		return true
	}
	for k := range s.lanes {
		if s.lanes[k][0] == c {
			return true
		}
	}
	return false
}
