package token

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/quote"
)

// TestWordASCII checks that wordASCII appends the tokens that word
// appends, with the same forms, and ends where it ends (past a space
// after the word), from every byte
// of each text that is an ASCII word byte: at the end of a word, before
// each mark that may join two words or end an abbreviation, and before
// bytes outside ASCII. It fails when endsWord takes a comma after a digit
// for the end of a word.
func TestWordASCII(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	for _, c := range []struct{ name, text string }{
		{"spaces and commas", "He said, adding x y A b,c 9,x 9,1 $1,000 1, 2"},
		{"inner marks", "don't well-known U.S. AT&T 2.5% R-Ky. rock'n'roll a-b- c'"},
		{"full stops", "Sen. Smith went home. No. 2 J. Doe a.m. end."},
		{"clitics", "Clinton's Trump’s we’re can't I'd veterans' families"},
		{"marks after words", "word—dash word“quote” word) (word) word; word: word? word! word\"x\" tab\tx"},
		{"outside ASCII", "café Über PeÃ±a naïve xé x€ x\u00a0y x\xffy"},
		{"capitals", "THE Senator SAID IT The the tHe"},
		{"one byte", "a I x , A i"},
	} {
		var s1, s2 Stream
		s1.Scan(c.text, nil, quote.Detect(c.text, nil), lex)
		s2.Scan(c.text, nil, quote.Detect(c.text, nil), lex)
		for i := 0; i < len(c.text); i++ {
			if !wordByte[c.text[i]] {
				continue
			}
			s1.Toks, s2.Toks = s1.Toks[:0], s2.Toks[:0]
			j1 := s1.wordASCII(i, len(c.text), 0)
			j2 := s2.word(i, 1, len(c.text), 0)
			// wordASCII may pass the space after the word.
			if j2 < len(c.text) && c.text[j2] == ' ' && j1 == j2+1 {
				j2++
			}
			require.Equal(t, j2, j1, "%s: end of the word at %d", c.name, i)
			require.Equal(t, len(s2.Toks), len(s1.Toks), "%s: tokens of the word at %d", c.name, i)
			for k := range s1.Toks {
				assert.Equal(t, s2.Toks[k].Start, s1.Toks[k].Start, "%s: word at %d, token %d", c.name, i, k)
				assert.Equal(t, s2.Toks[k].End, s1.Toks[k].End, "%s: word at %d, token %d", c.name, i, k)
				assert.Equal(t, s2.Toks[k].Kind(), s1.Toks[k].Kind(), "%s: word at %d, token %d", c.name, i, k)
				assert.Equal(t, s2.Lower(k), s1.Lower(k), "%s: word at %d, token %d", c.name, i, k)
				assert.Equal(t, s2.Lex(k), s1.Lex(k), "%s: word at %d, token %d", c.name, i, k)
			}
		}
	}
}

// TestFormsOfWords checks the forms of the words of texts that repeat
// words in lower case, capitalised and in capitals, after another text in
// the same stream, one of them with more distinct words than the table of
// forms first has room for: every token has the form of its lower case,
// and two tokens share an id exactly when they share a form.
func TestFormsOfWords(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	var many strings.Builder
	for i := range 6000 {
		fmt.Fprintf(&many, "w%d V%d W%d said Said. ", i, i, i%7)
	}
	for _, c := range []struct{ name, text string }{
		{"cases", "Said said SAID sAid, the The THE tHe; $5 $5 @Trump @trump x_y X_Y 2016 2016."},
		{"inner marks and clitics", "Don't don't DON'T U.S. u.s. well-known Well-Known Clinton's clinton's."},
		{"outside ASCII", "Café café CAFÉ Über über naïve Naïve ’s ’S."},
		{"table grows", many.String()},
	} {
		for _, first := range []string{"", "Other words first: said the cases, w1 W2."} {
			var s Stream
			s.Scan(first, nil, quote.Detect(first, nil), lex)
			s.Scan(c.text, nil, quote.Detect(c.text, nil), lex)
			byForm := map[string]int32{}
			for i := range s.Toks {
				lower := Lower(s.Str(i))
				require.Equal(t, lower, s.Lower(i), "%s: token %d", c.name, i)
				id, ok := byForm[lower]
				if !ok {
					byForm[lower] = s.Toks[i].ID()
					continue
				}
				require.Equal(t, id, s.Toks[i].ID(), "%s: token %d, %q", c.name, i, lower)
			}
			assert.Len(t, byForm, s.Forms(), "%s: forms", c.name)
		}
	}
}
