package room

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		name                    string
		len, done, total, limit int
		wantMin, wantMax        int
	}{
		{"the rate under the bound", 10000, 100, 1000, 200000, 112500, 114000},
		{"the bound before the rate", 10000, 100, 1000, 50000, 50000, 51000},
		{"at the bound: one more, as append grows", 10000, 100, 1000, 10000, 10001, 13500},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := Within(make([]int, c.len), 0, c.done, c.total, c.limit)
			assert.Len(t, s, c.len)
			assert.GreaterOrEqual(t, cap(s), c.wantMin)
			assert.LessOrEqual(t, cap(s), c.wantMax)
		})
	}
}

func TestFor(t *testing.T) {
	for _, c := range []struct {
		name             string
		len, cap, from   int
		done, total      int
		wantMin, wantMax int
	}{
		{"room left: as it is", 3, 10, 0, 1, 2, 10, 10},
		{"no rate yet: doubles", 10000, 10000, 0, 0, 1000, 20000, 20500},
		{"read: doubles", 10000, 10000, 0, 1000, 1000, 20000, 20500},
		{"a tenth read: the rest at its rate", 10000, 10000, 0, 100, 1000, 112500, 114000},
		{"nearly read: a quarter more", 10000, 10000, 0, 990, 1000, 12500, 13500},
		{"the rate of the elements from from on", 10000, 10000, 9000, 100, 1000, 20250, 21000},
		{"empty: sixteen", 0, 0, 0, 0, 0, 16, 32},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := For(make([]int, c.len, c.cap), c.from, c.done, c.total)
			assert.Len(t, s, c.len)
			assert.GreaterOrEqual(t, cap(s), c.wantMin)
			assert.LessOrEqual(t, cap(s), c.wantMax)
		})
	}
}
