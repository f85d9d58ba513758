package sentence

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSkipBlocks checks skipBlocks against stopBytes[0], read byte by
// byte: the first stop in the blocks of sixteen bytes of the text, or the
// blocks' length (0 where it reads none). The texts put each stop at every
// offset of a block and past the last block, after plain bytes of every
// length, and mix stops, spaces and other bytes at random. It fails when
// one of the eight stops is passed over, or a space in a list's set is
// stopped at.
func TestSkipBlocks(t *testing.T) {
	want := func(s string) int {
		if !readsBlocks {
			return 0
		}
		n := len(s) &^ 15
		for i := 0; i < n; i++ {
			if stopBytes[0][s[i]] {
				return i
			}
		}
		return n
	}
	var stops []string
	for c := range 256 {
		if stopBytes[0][c] {
			stops = append(stops, string([]byte{byte(c)}))
		}
	}
	stops = append(stops, "…", "“", "é")
	var atOffsets, random []string
	for _, stop := range stops {
		for n := 0; n <= 40; n++ {
			atOffsets = append(atOffsets, strings.Repeat("a", n)+stop+"bcd", strings.Repeat("x y,", n))
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := ".!?\n\r\"`\xe2 ,;:'-#\t\x80\xa6\xff"
	for range 2000 {
		b := make([]byte, rng.IntN(80))
		for i := range b {
			b[i] = 'a' + byte(rng.IntN(26)) // mostly plain
			if rng.IntN(4) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		random = append(random, string(b))
	}
	for _, c := range []struct {
		name  string
		texts []string
	}{
		{"a stop at every offset", atOffsets},
		{"random", random},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, s := range c.texts {
				for i := 0; i <= len(s); i++ {
					if !assert.Equal(t, want(s[i:]), skipBlocks(s[i:]), "%q from %d", s, i) {
						return
					}
				}
			}
		})
	}
}
