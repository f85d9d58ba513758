package linear

import "math/bits"

// table is a read-only map from feature hashes to values: the hashes in
// ascending order, each with its value, beside an index of where each
// value of a hash's high bits starts. There are two to four hashes to a
// value of the high bits, so a look-up reads two adjacent index entries and
// then scans a few slots, ending early at a larger hash: a feature the
// model does not know costs what a known one costs. The table takes 16
// bytes a hash and 1 to 2 for the index, with no empty slots, and is built
// in one pass over hashes that arrive in order, as they do from an encoded
// model.
type table[V any] struct {
	slots  []slot[V] // ascending keys
	start  []uint32  // start[b]: the first slot whose key>>shift is at least b
	shift  uint
	filled int // while building, the number of start entries set
}

type slot[V any] struct {
	key uint64
	val V
}

// newTable returns an empty table with room for n keys, n < 2**32, to be
// filled by add in ascending order of key and finished by done.
func newTable[V any](n int) table[V] {
	b := max(bits.Len(uint(n))-2, 0)
	return table[V]{slots: make([]slot[V], 0, n), start: make([]uint32, 1<<b+1), shift: uint(64 - b)}
}

// add adds key, greater than the keys added before, with its value.
func (t *table[V]) add(key uint64, val V) {
	for b := int(key >> t.shift); t.filled <= b; t.filled++ {
		t.start[t.filled] = uint32(len(t.slots))
	}
	t.slots = append(t.slots, slot[V]{key, val})
}

// done finishes the index after the last add.
func (t *table[V]) done() {
	for ; t.filled < len(t.start); t.filled++ {
		t.start[t.filled] = uint32(len(t.slots))
	}
}

// find returns the slot of key, or -1.
func (t *table[V]) find(key uint64) int {
	if len(t.start) == 0 {
		return -1
	}
	b := key >> t.shift
	lo, hi := int(t.start[b]), int(t.start[b+1])
	for hi-lo > 8 { // a long run, only in a table built to be slow
		if mid := int(uint(lo+hi) >> 1); t.slots[mid].key < key {
			lo = mid + 1
		} else {
			hi = mid + 1
		}
	}
	for i := lo; i < hi; i++ {
		switch k := t.slots[i].key; {
		case k == key:
			return i
		case k > key:
			return -1
		}
	}
	return -1
}
