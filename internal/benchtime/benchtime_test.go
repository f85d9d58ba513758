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
