package sentence

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPlainStops checks that blocks.Index stops at the bytes of
// stopBytes[0], where the scan stops outside a list, and only those.
func TestPlainStops(t *testing.T) {
	for c := range 256 {
		assert.Equal(t, stopBytes[0][c], plainStops.Has(byte(c)), "byte %#x", c)
	}
}
