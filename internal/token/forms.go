package token

import (
	"slices"
	"unsafe"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
)

// This file holds the table of the stream's distinct lower-case forms,
// which gives each token its id and each word its lexicon kind, and the
// lower-casing the table rests on: Lower, NeedsLower and AppendLower, and
// hashLower and EqualLower, which hash and compare a word's form without
// building it.

// initSlots makes the form table empty, for about n forms.
func (s *Stream) initSlots(n int) {
	size := 256
	for size < 2*n {
		size <<= 1
	}
	if cap(s.slots) < size {
		s.slots = make([]int32, size)
	}
	s.slots = s.slots[:size]
	clear(s.slots)
	s.roomForForms()
}

// roomForForms gives the forms, their kinds and hashes room for as many
// as the table holds, so that they grow with it, doubling, and not a
// little at a time.
func (s *Stream) roomForForms() {
	n := len(s.slots)/2 - len(s.forms)
	s.forms, s.kinds, s.hash = slices.Grow(s.forms, n), slices.Grow(s.kinds, n), slices.Grow(s.hash, n)
}

// intern returns the id of the lower-case form of w, adding it when new;
// a word's form gets its lexicon kind.
func (s *Stream) intern(w string, word bool) int32 {
	// An ASCII word is hashed as it is lowered, in one pass; its form is
	// itself when it has no capital.
	h, upper, ascii := fold.HashLower(w)
	if !ascii {
		h, upper = hashLower(w), true
	}
	return s.internHash(w, word, h, upper, ascii)
}

// internHash is intern of w, whose form's fold.Hash is h; upper is false
// only when w is its own form, and ascii reports whether w is ASCII.
func (s *Stream) internHash(w string, word bool, h uint32, upper, ascii bool) int32 {
	mask := uint32(len(s.slots) - 1)
	k := h & mask
	for ; s.slots[k] != 0; k = (k + 1) & mask {
		id := s.slots[k] - 1
		if s.hash[id] == h && (upper && EqualLower(s.forms[id], w) || !upper && s.forms[id] == w) {
			return id
		}
	}
	return s.newForm(w, word, h, upper, ascii, k)
}

// findASCII returns the id of the form of w, an ASCII word of word bytes
// alone whose form's fold.Hash is h, or -1 and the free slot of the table
// where its form goes: intern's look-up, with no call, as the form is
// compared with the word a byte at a time, lowered through wordLower.
func (s *Stream) findASCII(w string, h uint32, upper bool) (id int32, k uint32) {
	mask := uint32(len(s.slots) - 1)
	for k = h & mask; ; k = (k + 1) & mask {
		slot := s.slots[k]
		if slot == 0 {
			return -1, k
		}
		if id = slot - 1; s.hash[id] == h && equalWordLower(s.forms[id], w, upper) {
			return id, k
		}
	}
}

// equalWordLower reports whether lower is Lower(w), for a w of ASCII word
// bytes alone; upper is false only when w has no capital, and is then
// compared as it is.
func equalWordLower(lower, w string, upper bool) bool {
	if len(lower) != len(w) {
		return false
	}
	if !upper {
		for i := 0; i < len(w); i++ {
			if lower[i] != w[i] {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(w); i++ {
		if lower[i] != wordLower[w[i]] {
			return false
		}
	}
	return true
}

// newForm adds the form of w, whose form's fold.Hash is h and which intern
// did not find, with the free slot k of the table, and returns its id; the
// table grows first when it would be more than half full, and k is then
// found again.
func (s *Stream) newForm(w string, word bool, h uint32, upper, ascii bool, k uint32) int32 {
	if 2*(len(s.forms)+1) > len(s.slots) {
		s.growSlots()
		mask := uint32(len(s.slots) - 1)
		for k = h & mask; s.slots[k] != 0; k = (k + 1) & mask {
		}
	}
	lw := w
	if upper {
		lw = s.lower.lower(w)
	}
	// h is fold.Hash(lw): FNV-1a of the form's bytes, folded as fold.Hash
	// folds it, whichever way it was computed. The lexicon's filter hashes
	// its words so.
	var kind lexicon.WordKind
	if word && s.lex != nil {
		kind = s.lex.KindHash(lw, h)
	}
	s.forms = append(s.forms, lw)
	s.kinds = append(s.kinds, formKind{lex: kind, wide: !ascii && !isASCII(lw)})
	s.hash = append(s.hash, h)
	s.slots[k] = int32(len(s.forms))
	return int32(len(s.forms) - 1)
}

// growSlots doubles the form table.
func (s *Stream) growSlots() {
	s.slots = make([]int32, 2*len(s.slots))
	s.roomForForms()
	mask := uint32(len(s.slots) - 1)
	for i, h := range s.hash {
		k := h & mask
		for s.slots[k] != 0 {
			k = (k + 1) & mask
		}
		s.slots[k] = int32(i + 1)
	}
}

// isASCII reports whether s has no byte outside ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hashLower is fold.Hash of Lower(w), computed in one pass without
// building it.
func hashLower(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); {
		var c byte
		c, i = lowerAt(w, i)
		h = (h ^ uint32(c)) * 16777619
	}
	return h ^ h>>16
}

// EqualLower reports whether lower is Lower(w).
func EqualLower(lower, w string) bool {
	// Lower(w) has w's length unless w holds the curly apostrophe, which
	// sends it the slow way: the bytes are compared one for one before it.
	if len(lower) != len(w) {
		return equalLowerRunes(lower, w)
	}
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c-'A' < 26:
			if lower[i] != c+'a'-'A' {
				return false
			}
		case c == 0xE2:
			return equalLowerRunes(lower, w)
		case lower[i] != c:
			return false
		}
	}
	return true
}

// equalLowerRunes is EqualLower for a w that may hold the curly
// apostrophe.
func equalLowerRunes(lower, w string) bool {
	j := 0
	for i := 0; i < len(w); {
		var c byte
		c, i = lowerAt(w, i)
		if j >= len(lower) || lower[j] != c {
			return false
		}
		j++
	}
	return j == len(lower)
}

// lowerBuf holds the lower-case forms that differ from their words, so
// that a capitalised word costs no allocation of its own. Bytes once
// written are never changed, and a full chunk is left to the strings that
// view it, so those strings stay valid and fixed.
type lowerBuf struct{ b []byte }

// lower returns Lower(s), viewing lb's bytes when it differs from s.
func (lb *lowerBuf) lower(s string) string {
	if !NeedsLower(s) {
		return s
	}
	if cap(lb.b)-len(lb.b) < len(s) {
		lb.b = make([]byte, 0, max(2048, len(s)))
	}
	n := len(lb.b)
	lb.b = AppendLower(lb.b, s)
	return unsafe.String(&lb.b[n], len(lb.b)-n)
}

// Lower lower-cases the ASCII letters of s and writes the curly apostrophe
// ’ as ', the spelling of the lexicons; it allocates only when s changes.
func Lower(s string) string {
	if !NeedsLower(s) {
		return s
	}
	return string(AppendLower(make([]byte, 0, len(s)), s))
}

// NeedsLower reports whether Lower changes s.
func NeedsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
			return true
		}
	}
	return false
}

// AppendLower appends Lower(s) to b.
func AppendLower(b []byte, s string) []byte {
	// s is copied and its capitals lowered in place, where it was written
	// a byte at a time; the curly apostrophe, which shortens it, sends it
	// the slow way.
	n := len(b)
	b = append(b, s...)
	t := b[n:]
	for i, c := range t {
		switch {
		case c-'A' < 26:
			t[i] = c + 'a' - 'A'
		case c == 0xE2:
			return appendLowerRunes(b[:n], s)
		}
	}
	return b
}

// appendLowerRunes is AppendLower for an s that may hold the curly
// apostrophe, which it writes '.
func appendLowerRunes(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		var c byte
		c, i = lowerAt(s, i)
		b = append(b, c)
	}
	return b
}

// lowerAt returns the byte of Lower(s) that s[i] starts, and the index in s
// after it: an ASCII letter lowered, the curly apostrophe ’ (three bytes)
// as ', any other byte as it is.
func lowerAt(s string, i int) (byte, int) {
	switch c := s[i]; {
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A', i + 1
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99:
		return '\'', i + 3
	default:
		return c, i + 1
	}
}
