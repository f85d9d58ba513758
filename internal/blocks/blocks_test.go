package blocks

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestIndex checks Index against the bytes of the set, read one by one:
// the first of them in the blocks of sixteen bytes of the text, or the
// blocks' length (0 where Index reads none). The sets are those of the
// scanners (the quote scanner's four marks and the bytes outside ASCII,
// the sentence scanner's eight stops) and sets with one byte and with
// eight and the bytes outside ASCII. The texts put each byte of the set,
// and bytes outside it, at every offset of a block and past the last
// block, after plain bytes of every length, and mix them at random. It
// fails when a lane is read from the wrong place (a byte of the set is
// passed over) or the high lanes are read as set when they are not.
func TestIndex(t *testing.T) {
	for _, c := range []struct {
		name string
		set  *Set
	}{
		{"quote marks, line feed, outside ASCII", New(true, '"', '\'', '`', '\n')},
		{"terminators, line breaks, E2, marks", New(false, '.', '!', '?', '\n', '\r', 0xE2, '"', '`')},
		{"one byte", New(false, '.')},
		{"eight bytes, outside ASCII", New(true, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := func(s string) int {
				if !Reads {
					return 0
				}
				n := len(s) &^ 15
				for i := range n {
					if c.set.Has(s[i]) {
						return i
					}
				}
				return n
			}
			var texts []string
			for _, b := range []string{"\"", "'", "`", "\n", "\r", ".", "!", "?", "a", "h", "…", "“", "é", "\x80", "\xff", "x"} {
				for n := 0; n <= 40; n++ {
					texts = append(texts, strings.Repeat("y", n)+b+"bcd", strings.Repeat("x y,", n))
				}
			}
			rng := rand.New(rand.NewPCG(5, 6))
			alphabet := ".!?\n\r\"'`\xe2 ,;:-#\t\x80\xa6\xffah"
			for range 2000 {
				b := make([]byte, rng.IntN(80))
				for i := range b {
					b[i] = 'i' + byte(rng.IntN(18)) // mostly plain
					if rng.IntN(4) == 0 {
						b[i] = alphabet[rng.IntN(len(alphabet))]
					}
				}
				texts = append(texts, string(b))
			}
			for _, s := range texts {
				for i := 0; i <= len(s); i++ {
					if !assert.Equal(t, want(s[i:]), Index(s[i:], c.set), "%q from %d", s, i) {
						return
					}
				}
			}
		})
	}
}

// TestNew checks the sets New makes, byte by byte, and that it refuses
// sets Index cannot read.
func TestNew(t *testing.T) {
	for _, c := range []struct {
		name string
		high bool
		in   []byte
	}{
		{"one byte", false, []byte{'.'}},
		{"four bytes and outside ASCII", true, []byte{'"', '\'', '`', '\n'}},
		{"eight bytes", false, []byte{'.', '!', '?', '\n', '\r', 0xE2, '"', '`'}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := New(c.high, c.in...)
			for b := range 256 {
				want := c.high && b >= 0x80 || strings.IndexByte(string(c.in), byte(b)) >= 0
				assert.Equal(t, want, s.Has(byte(b)), "byte %#x", b)
			}
		})
	}
	assert.Panics(t, func() { New(false) })
	assert.Panics(t, func() { New(false, 1, 2, 3, 4, 5, 6, 7, 8, 9) })
}
