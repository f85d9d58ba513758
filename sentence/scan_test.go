package sentence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStopAtEveryOffset checks that the scanner, which passes plain text
// eight bytes a step, stops at a terminator, a line break or a quote mark
// wherever it falls among the eight.
func TestStopAtEveryOffset(t *testing.T) {
	for _, end := range []string{".", "!", "?", "\n\n", "…"} {
		for k := range 20 {
			first := "Then " + strings.Repeat("a", k) + "word" + end
			text := first + " Next one here."
			sents := Split(text)
			require.Len(t, sents, 2, "%q", text)
			assert.Equal(t, strings.TrimSpace(first), sents[0].Text, "%q", text)
			assert.Equal(t, "Next one here.", sents[1].Text, "%q", text)
		}
	}
}
