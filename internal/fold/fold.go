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

// HashStart is the state of Hash before any byte, HashByte adds a byte
// to a state, and HashEnd returns the hash of the state: Hash(s) is
// HashEnd of HashStart with each byte of s added in turn. A reader that
// goes over a word's bytes for another reason, as the token stream finds
// where a word ends, hashes them as it goes, where Hash would read them
// again.
const HashStart uint32 = offset

// HashByte returns the state h with the byte c added.
func HashByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * prime }

// HashEnd returns the hash of the bytes added to the state h.
func HashEnd(h uint32) uint32 { return h ^ h>>16 }

// The FNV-1a parameters for 32 bits.
const (
	offset = 2166136261
	prime  = 16777619
)

// Bits is a filter of 512 bits over a set of lower-case words, one bit
// for each, chosen by its length and its first and last bytes: a word
// whose bit is not set is not in the set, whatever its case, and most
// words are turned away so, with no folding and no hashing. The zero
// Bits is empty; a Bits is read-only once its words are added.
type Bits [8]uint64

// Add sets the bit of w, a lower-case word.
func (b *Bits) Add(w string) {
	if w != "" {
		k := bitOf(w[0], w[len(w)-1], len(w))
		b[k>>6] |= 1 << (k & 63)
	}
}

// MayHold reports whether the bit of w, with its ASCII letters
// lower-cased, is set: false when w, so lower-cased, is not one of the
// words added.
func (b *Bits) MayHold(w string) bool {
	if w == "" {
		return false
	}
	k := bitOf(lowerByte(w[0]), lowerByte(w[len(w)-1]), len(w))
	return b[k>>6]&(1<<(k&63)) != 0
}

// MayHoldLower is MayHold of w, a lower-case word, which it does not
// fold.
func (b *Bits) MayHoldLower(w string) bool {
	if w == "" {
		return false
	}
	k := bitOf(w[0], w[len(w)-1], len(w))
	return b[k>>6]&(1<<(k&63)) != 0
}

// bitOf is the bit of a word of n bytes whose first and last bytes are
// first and last.
func bitOf(first, last byte, n int) uint {
	return (uint(first)*0x9e + uint(last)*0x3b + uint(n)*0x61) & 511
}

// lowerByte returns c lower-cased if it is an ASCII capital.
func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
