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
// The slots are held in blocks of blockLen, so that a decoder can make
// each block when the data for it has arrived, without copying. The index
// is built from the slots, or read from an encoded model, which holds it
// as counts.
type table[V any] struct {
	blocks [][]slot[V] // every block but the last holds blockLen slots
	n      int         // the number of slots
	start  []uint32    // start[b]: the first slot whose key>>shift is at least b
	shift  uint
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
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	b := indexBits(n)
	t := table[V]{blocks: blocks, n: n, start: make([]uint32, 1<<b+1), shift: uint(64 - b)}
	i, filled := 0, 0
	for _, blk := range blocks {
		for _, s := range blk {
			for b := int(s.key >> t.shift); filled <= b; filled++ {
				t.start[filled] = uint32(i)
			}
			i++
		}
	}
	for ; filled < len(t.start); filled++ {
		t.start[filled] = uint32(n)
	}
	return t
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
func (t *table[V]) at(i int) *slot[V] { return &t.blocks[i/blockLen][i%blockLen] }

// find returns the position of key, or -1.
func (t *table[V]) find(key uint64) int {
	if len(t.start) == 0 {
		return -1
	}
	b := key >> t.shift
	lo, hi := int(t.start[b]), int(t.start[b+1])
	for hi-lo > 8 { // a long run, only in a table built to be slow
		if mid := int(uint(lo+hi) >> 1); t.at(mid).key < key {
			lo = mid + 1
		} else {
			hi = mid + 1
		}
	}
	// Every slot of the run is read, with no branch on the keys: the
	// processor would mispredict where the scan ends, and could not start
	// the next look-up's reads meanwhile.
	j := -1
	for i := lo; i < hi; i++ {
		if t.at(i).key == key {
			j = i
		}
	}
	return j
}
