// Package fold reads words as their lower-case forms without allocating:
// it looks them up in sets of lower-case keys and hashes them. The lexicons
// of the pipeline are lower case, and the words of a text are looked up in
// them many times.
package fold

// In reports whether w, with its ASCII letters lower-cased and every other
// byte kept, is a key of set. A word of up to 32 bytes is folded on the
// stack.
func In(set map[string]bool, w string) bool {
	var buf [32]byte
	b := buf[:0]
	if len(w) > len(buf) {
		b = make([]byte, 0, len(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return set[string(b)]
}

// Hash is FNV-1a of s with its high bits folded onto the low ones: a cheap
// hash for the short words of a text.
func Hash(s string) uint32 {
	h := uint32(offset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * prime
	}
	return h ^ h>>16
}

// HashLower is Hash of s with its ASCII letters lower-cased, computed as it
// reads s once; upper reports whether s had an upper-case letter. ok is
// false when s has a byte outside ASCII: its lower-case form is then not
// computed, and h means nothing.
func HashLower(s string) (h uint32, upper, ok bool) {
	h = offset
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			upper = true
		case c >= 0x80:
			return 0, false, false
		}
		h = (h ^ uint32(c)) * prime
	}
	return h ^ h>>16, upper, true
}

// The FNV-1a parameters for 32 bits.
const (
	offset = 2166136261
	prime  = 16777619
)
