package benchtime

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCPU checks that the processor time grows with work done, where it
// is known.
func TestCPU(t *testing.T) {
	c0, ok := CPU()
	if !ok {
		t.Skip("processor time is not known on " + runtime.GOOS)
	}
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	c1, ok := CPU()
	assert.True(t, ok)
	assert.Greater(t, c1, c0, "processor time after work (%d)", x)
}

// TestSpanMin checks that Min takes the least of each time on its own.
func TestSpanMin(t *testing.T) {
	tests := []struct{ a, b, want Span }{
		{Span{1, 4}, Span{2, 3}, Span{1, 3}},
		{Span{5, 5}, Span{5, 5}, Span{5, 5}},
		{Span{1<<63 - 1, 1<<63 - 1}, Span{7, 9}, Span{7, 9}},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.a.Min(tc.b))
	}
}

// TestTime checks that Time measures the run it is given.
func TestTime(t *testing.T) {
	x := 0
	s := Time(func() {
		for i := range 10_000_000 {
			x += i % 7
		}
	})
	assert.Positive(t, s.Wall, "wall time of work (%d)", x)
	assert.Positive(t, s.CPU, "processor time of work")
}
