package linear

import "math/bits"

// table is a read-only map from feature hashes to values: the hashes in
// ascending order, each with its value, beside an index of where each
// value of a hash's high bits starts. There are two to four hashes to a
// value of the high bits, so a look-up reads two adjacent index entries and
// then scans a few slots, ending early at a larger hash: a feature the
// model does not know costs what a known one costs. The table takes 16
// bytes a hash and 1 to 2 for the index, with no empty slots.
//
// A decoder makes the slots in blocks of blockLen, each when the data for
// it has arrived, and the table joins them into one slice, so that a
// look-up reads no block header. The index is built from the slots, or
// read from an encoded model, which holds it as counts.
type table[V any] struct {
	slots []slot[V]
	start []uint32 // start[b]: the first slot whose key>>shift is at least b
	shift uint
}

type slot[V any] struct {
	key uint64
	val V
}

const blockLen = 1 << 16

// newTable returns the table of the slots in blocks, whose keys ascend
// across them; every block but the last must hold blockLen slots, and
// there must be fewer than 2**32.
func newTable[V any](blocks [][]slot[V]) table[V] {
	slots := joinBlocks(blocks)
	n := len(slots)
	b := indexBits(n)
	t := table[V]{slots: slots, start: make([]uint32, 1<<b+1), shift: uint(64 - b)}
	filled := 0
	for i, s := range slots {
		for b := int(s.key >> t.shift); filled <= b; filled++ {
			t.start[filled] = uint32(i)
		}
	}
	for ; filled < len(t.start); filled++ {
		t.start[filled] = uint32(n)
	}
	return t
}

// joinBlocks returns the slots of blocks in one slice: the one block
// itself, or a copy of them all.
func joinBlocks[V any](blocks [][]slot[V]) []slot[V] {
	if len(blocks) == 1 {
		return blocks[0]
	}
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	slots := make([]slot[V], 0, n)
	for _, b := range blocks {
		slots = append(slots, b...)
	}
	return slots
}

// indexBits returns the number of high bits of a hash by which the index
// of a table of n keys finds them: two to four keys to a value of the
// bits.
func indexBits(n int) int { return max(bits.Len(uint(n))-2, 0) }

// blocksOf returns slots cut into blocks for newTable, without copying.
func blocksOf[V any](slots []slot[V]) [][]slot[V] {
	var blocks [][]slot[V]
	for i := 0; i < len(slots); i += blockLen {
		end := min(i+blockLen, len(slots))
		blocks = append(blocks, slots[i:end:end])
	}
	return blocks
}

// at returns the slot at position i.
func (t *table[V]) at(i int) *slot[V] { return &t.slots[i] }

// find returns the position of key, or -1.
func (t *table[V]) find(key uint64) int {
	if len(t.start) == 0 {
		return -1
	}
	b := key >> t.shift
	lo, hi := int(t.start[b]), int(t.start[b+1])
	slots := t.slots
	for hi-lo > 8 { // a long run, only in a table built to be slow
		if mid := int(uint(lo+hi) >> 1); slots[mid].key < key {
			lo = mid + 1
		} else {
			hi = mid + 1
		}
	}
	// Every slot of the run is read, with no branch on the keys: the
	// processor would mispredict where the scan ends, and could not start
	// the next look-up's reads meanwhile.
	j := -1
	for i, s := range slots[lo:hi] {
		if s.key == key {
			j = lo + i
		}
	}
	return j
}

// touch reads the first slot of the run of each key, all of them before
// any look-up, and returns what it read, mixed: the reads of keys that
// are not in the cache go to memory side by side, where the look-ups,
// whose scans end on data, would issue them one after another.
func (t *table[V]) touch(keys []uint64) uint64 {
	n := uint32(len(t.slots))
	if n == 0 {
		return 0
	}
	var x uint64
	for _, key := range keys {
		x ^= t.slots[min(t.start[key>>t.shift], n-1)].key
	}
	return x
}

// touchMark is a value touch practically never returns; a caller that
// tests for it keeps the reads of touch alive.
const touchMark = 0x9e3779b97f4a7c15
