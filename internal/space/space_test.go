package space

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLen(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       int
	}{
		{"space", " a", 1},
		{"tab", "\ta", 1},
		{"no-break space", "\u00a0a", 2},
		{"narrow no-break space", "\u202fa", 3},
		{"ideographic space", "\u3000a", 3},
		{"line feed", "\na", 0},
		{"carriage return", "\ra", 0},
		{"line separator", "\u2028a", 0},
		{"next line", "\u0085a", 0},
		{"zero-width space, not white space", "\u200ba", 0},
		{"a letter", "a ", 0},
		{"invalid UTF-8", "\xc2", 0},
		{"past the end", "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Len(c.text, 0))
		})
	}
}
