package token

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLowerFastPaths checks AppendLower and EqualLower, which copy and
// compare an ASCII word a byte for a byte, against appendLowerRunes and
// equalLowerRunes, which read the curly apostrophe, on every string of up
// to three pieces over pieces that hold each kind of byte they tell apart.
func TestLowerFastPaths(t *testing.T) {
	pieces := []string{"a", "Z", "@", "[", "'", "’", "\xe2", "\xe2\x80", "\xe2\x80\x98", "é", "É", "\xff", "0", " "}
	words := []string{""}
	for _, a := range pieces {
		words = append(words, a)
		for _, b := range pieces {
			words = append(words, a+b)
		}
	}
	short := len(words) // the words of up to two pieces
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				words = append(words, a+b+c)
			}
		}
	}
	for _, w := range words {
		want := string(appendLowerRunes(nil, w))
		assert.Equal(t, want, string(AppendLower(nil, w)), "AppendLower(%q)", w)
		assert.Equal(t, "x"+want, string(AppendLower([]byte("x"), w)), "AppendLower after a byte, %q", w)
		assert.Equal(t, want, Lower(w), "Lower(%q)", w)
		assert.True(t, EqualLower(want, w), "EqualLower(Lower(%q), %q)", w, w)
	}
	for _, lower := range words[:short] {
		for _, w := range words {
			assert.Equal(t, equalLowerRunes(lower, w), EqualLower(lower, w), "EqualLower(%q, %q)", lower, w)
		}
	}
}
