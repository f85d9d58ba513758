package token

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/quote"
)

// TestByteForms checks the forms that add gives tokens of one byte from
// byteForms, where intern would look them up: every token has the form of
// its lower case, and two tokens share an id exactly when they share a
// form, in a stream scanned again, whose first text had other forms.
func TestByteForms(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	texts := []string{
		"I said a word, A word; i said: “a”. (B) b - c ' C's $ % @ # _ \xff \xff.",
		"Other forms first: x, y and z. Then A a I i, and the marks , . ; : ( ) ' \" - again.",
		"a A a, \xfe \xfe I i I.",
	}
	var s Stream
	for _, first := range texts {
		for _, text := range texts {
			s.Scan(first, nil, quote.Detect(first, nil), lex)
			s.Scan(text, nil, quote.Detect(text, nil), lex)
			byForm := map[string]int32{}
			for i := range s.Toks {
				lower := Lower(s.Str(i))
				require.Equal(t, lower, s.Lower(i), "token %d of %q", i, text)
				id, ok := byForm[lower]
				if !ok {
					byForm[lower] = s.Toks[i].ID()
					continue
				}
				assert.Equal(t, id, s.Toks[i].ID(), "token %d of %q: %q", i, text, lower)
			}
			assert.Len(t, byForm, s.Forms(), "%q: forms", text)
		}
	}
}
