// Package bloom is a Bloom filter of strings with a single hash, built once
// and then read-only. The word lists of the pipeline hold a few thousand
// entries, and most words of a text are in none of them: a clear bit says
// so in a few nanoseconds, without the hash-map look-up that would fail.
package bloom

import "github.com/whosaid/whosaid/internal/fold"

// bitsPerWord sizes the filter: with one hash, a word that was never added
// passes about one time in bitsPerWord.
const bitsPerWord = 64

// Filter answers "certainly not added" or "maybe added" for a string. The
// zero Filter and a nil *Filter hold nothing. It is safe for concurrent
// reads once built.
type Filter struct {
	bits []uint64
	mask uint32
}

// New returns a filter sized for n words.
func New(n int) *Filter {
	size := uint32(64)
	for int(size) < n*bitsPerWord && size < 1<<30 {
		size <<= 1
	}
	return &Filter{bits: make([]uint64, size/64), mask: size - 1}
}

// Add records w.
func (f *Filter) Add(w string) {
	h := fold.Hash(w) & f.mask
	f.bits[h/64] |= 1 << (h % 64)
}

// Has reports whether w may have been added; false means it was not.
func (f *Filter) Has(w string) bool {
	if f == nil || len(f.bits) == 0 {
		return false
	}
	h := fold.Hash(w) & f.mask
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// HasHash reports whether a word whose fold.Hash is h may have been
// added, as Has does of the word.
func (f *Filter) HasHash(h uint32) bool {
	if f == nil || len(f.bits) == 0 {
		return false
	}
	h &= f.mask
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// HasFold reports whether the lower-case form of w may have been added,
// lower-casing ASCII letters as it reads. A word with a non-ASCII byte may
// always have been: its lower-case form is not computed.
func (f *Filter) HasFold(w string) bool {
	if f == nil || len(f.bits) == 0 {
		return false
	}
	h, _, ok := fold.HashLower(w)
	if !ok {
		return true
	}
	h &= f.mask
	return f.bits[h/64]&(1<<(h%64)) != 0
}
