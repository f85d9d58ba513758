package quote

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPlainStops checks that blocks.Index stops at the bytes skipPlain
// stops at, and only those: every byte, put last of eight plain bytes,
// stops skipPlain exactly when plainStops holds it.
func TestPlainStops(t *testing.T) {
	for c := range 256 {
		s := strings.Repeat("a", 7) + string([]byte{byte(c)})
		assert.Equal(t, skipPlain(s, 0) == 0, plainStops.Has(byte(c)), "byte %#x", c)
	}
}
