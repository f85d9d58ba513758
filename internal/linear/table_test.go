package linear

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTouch checks that touch reads, for each key, the first slot of the
// run its high bits pick, or the last slot when that run is empty at the
// end of the table, and reads nothing of an empty table.
func TestTouch(t *testing.T) {
	// Eight keys, two to a value of the top two bits; indexBits(8) is 2.
	keys := []uint64{1, 2, 1<<62 | 3, 1<<62 | 4, 2<<62 | 5, 2<<62 | 6, 3<<62 | 7, 3<<62 | 8}
	slots := make([]slot[float32], len(keys))
	for i, k := range keys {
		slots[i] = slot[float32]{k, float32(i)}
	}
	full := newTable(blocksOf(slots))
	// The first four keys, indexed by their top bit, all 0: the run of
	// the keys whose top bit is 1 is empty, at the end.
	short := newTable(blocksOf(slots[:4]))
	for _, c := range []struct {
		name  string
		tab   table[float32]
		query []uint64
		want  uint64
	}{
		{"no keys", full, nil, 0},
		{"the first run", full, []uint64{9}, 1},
		{"runs of two keys", full, []uint64{2<<62 | 9, 3<<62 | 1}, (2<<62 | 5) ^ (3<<62 | 7)},
		{"an empty run at the end: the last slot", short, []uint64{2<<62 | 1}, 1<<62 | 4},
		{"an empty table", table[float32]{}, []uint64{1, math.MaxUint64}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.tab.touch(c.query))
		})
	}
}
