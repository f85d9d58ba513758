package tagger

import (
	"fmt"
	"math/bits"
)

// keyHash returns a fingerprint x of s and its hash. x holds the last eight
// bytes of s, or for a shorter s every byte of it, so that two strings of
// at most eight bytes are equal exactly when their lengths and x are.
func keyHash(s string) (x, h uint64) {
	const k0, k1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	n := len(s)
	h = uint64(n) ^ k0
	switch {
	case n > 8:
		for i := 0; i < n-8; i += 8 {
			h = mix(h^le64(s[i:]), k1)
		}
		x = le64(s[n-8:])
	case n >= 4:
		x = uint64(le32(s)) | uint64(le32(s[n-4:]))<<32
	case n > 0:
		x = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	}
	return x, mix(h^x, k1)
}

// mix folds the 128-bit product of a and b.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// le64 and le32 read the first bytes of s, little-endian; the compiler
// makes each one load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// find returns the index of argument s, or 0 if the model has no such
// argument.
//
// The arguments are indexed by an open-addressing table built for them,
// smaller and cheaper to probe than a map[string]int32 with its 16-byte
// keys: a slot is a uint32 holding an argument index in its low bits and
// hash bits above them, so a probe of a wrong slot almost always ends
// without reading a string, and a hit is confirmed against the argument's
// row, which the caller reads next anyway. The row holds the fingerprint
// and length, which settle words of up to 8 bytes, most of them.
func (m *model) find(s string) int32 {
	x, h := keyHash(s)
	tag := uint32(h) &^ m.idMask
	for i := h >> (m.shift & 63); ; i = (i + 1) & m.slotMask {
		e := m.slots[i]
		if e == 0 {
			return 0
		}
		if e&^m.idMask != tag {
			continue
		}
		id := int32(e & m.idMask)
		r := &m.rows[id]
		if r.kx == x && int(r.klen) == len(s) && (len(s) <= 8 || m.keys[m.koff[id]:][:len(s)-8] == s[:len(s)-8]) {
			return id
		}
	}
}

// buildIndex indexes the argument strings, given by index, and records
// each one's fingerprint and length in its row and the bytes that the
// fingerprint leaves out in m.keys. The table is kept at most 2/3 full.
func (m *model) buildIndex(args []string) error {
	n := len(args)
	idBits := uint(bits.Len(uint(n)))
	if idBits > 24 {
		return fmt.Errorf("too many arguments: %d", n)
	}
	m.idMask = 1<<idBits - 1
	size := 16
	for size < n+n/2 {
		size <<= 1
	}
	m.slots = make([]uint32, size)
	m.slotMask = uint64(size - 1)
	m.shift = uint(64 - bits.TrailingZeros(uint(size)))
	keys := make([]byte, 0, 8*n)
	m.koff = make([]uint32, n)
	for id := 1; id < n; id++ {
		s := args[id]
		if len(s) > 0xffff {
			return fmt.Errorf("argument of %d bytes", len(s))
		}
		x, h := keyHash(s)
		r := &m.rows[id]
		r.kx, r.klen = x, uint16(len(s))
		if len(s) > 8 {
			m.koff[id] = uint32(len(keys))
			keys = append(keys, s[:len(s)-8]...)
		}
		i := h >> m.shift
		for m.slots[i] != 0 {
			i = (i + 1) & m.slotMask
		}
		m.slots[i] = uint32(h)&^m.idMask | uint32(id)
	}
	m.keys = string(keys)
	return nil
}
