package quote

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSkipBlocks checks skipBlocks against the bytes it stops at, read one
// by one: the first of them in the blocks of sixteen bytes of the text,
// or the blocks' length (0 where it reads none). The texts put a byte to stop at at every offset
// of a block and past the last block, each after plain bytes of every
// length, and mix them at random. It fails when one of the four marks or
// the bytes outside ASCII is not stopped at.
func TestSkipBlocks(t *testing.T) {
	want := func(s string) int {
		if !readsBlocks {
			return 0
		}
		n := len(s) &^ 15
		for i := 0; i < n; i++ {
			if c := s[i]; c >= 0x80 || c == '"' || c == '\'' || c == '`' || c == '\n' {
				return i
			}
		}
		return n
	}
	stops := []string{"\"", "'", "`", "\n", "’", "é", "\x80", "\xff"}
	var texts []string
	for _, stop := range stops {
		for n := 0; n <= 40; n++ {
			texts = append(texts, strings.Repeat("a", n)+stop+"bcd", strings.Repeat("x y.", n))
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := "ab .,!?\t\r-#\"'`\n\x80\xe2\xff"
	for range 2000 {
		b := make([]byte, rng.IntN(80))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(4) > 0 {
				b[i] = 'a' + byte(rng.IntN(26)) // mostly plain
			}
		}
		texts = append(texts, string(b))
	}
	for _, c := range []struct {
		name  string
		texts []string
	}{
		{"a stop at every offset", texts[:2*len(stops)*41]},
		{"random", texts[2*len(stops)*41:]},
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
