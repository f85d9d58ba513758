package token

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMarkQuoted checks the quotation flag of every token, which
// markQuoted sets sentence by sentence and skips in a sentence that ends
// before the next quotation starts: a token is in a quotation exactly
// when one of the stream's quotations holds it.
func TestMarkQuoted(t *testing.T) {
	for _, text := range []string{
		"No quotation here. None here either. “Here,” he said. Not here.",
		"“One. Two. Three,” she said. Then “four” and “five.” Done.",
		"He said “an unclosed quotation. That runs on.\n\nA new paragraph.",
		"First. Second. Third “q” fourth. Fifth.",
		"“All quoted.”",
		"",
	} {
		t.Run(text, func(t *testing.T) {
			s := scan(t, text)
			for i, tk := range s.Toks {
				want := false
				for _, q := range s.Quotes {
					want = want || q.Start <= int(tk.Start) && int(tk.End) <= q.End
				}
				assert.Equal(t, want, tk.InQuote(), "token %d %q", i, s.Str(i))
			}
		})
	}
}
