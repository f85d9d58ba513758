// Package fold looks words up in sets of lower-case keys without
// allocating: the lexicons of the pipeline are lower case, and the words of
// a text are looked up in them many times.
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
