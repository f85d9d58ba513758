package verify

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// shape writes a parsed claim as its words, with "…" for an ellipsis and
// "[n]" for an insertion that stands for up to n source words.
func shape(p parsedClaim) string {
	var out []string
	for _, t := range p.toks {
		switch t.kind {
		case cWord:
			out = append(out, t.folded)
		case cGap:
			out = append(out, "…")
		case cWild:
			out = append(out, "["+string(rune('0'+t.skip))+"]")
		}
	}
	return strings.Join(out, " ")
}

func TestParseClaim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"We will win.", "we will win"},
		{"We will ... win", "we will … win"},
		{"We will… win", "we will … win"},
		{"We will . . . win", "we will … win"},
		{"We will [...] win", "we will … win"},
		{"We will [ … ] win", "we will … win"},
		{"We will.... Win", "we will … win"},
		{"... we will win ...", "we will win"},
		{"[He] said [the bridge] will stand", "said [4] will stand"},
		{"[T]he bridge will stand", "the bridge will stand"},
		{"the bridge[’s] future", "the bridge's future"},
		{"we will [never, ever, under any circumstances] win", "we will [6] win"},
		{"we will … [never] win", "we will … win"},
		{"an [unclosed bracket", "an unclosed bracket"},
		{"U.S. aid rose 5%", "us aid rose 5 percent"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, shape(parseClaim(tt.in)), tt.in)
	}
}
