package attribution

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// testWindow returns the tagged window of the first sentence of text (with
// the sentences that follow an abbreviation, as Resolve reads them).
func testWindow(t testing.TB, text string) *window {
	t.Helper()
	lex, err := lexicon.Load()
	require.NoError(t, err)
	tg, err := loadTagger()
	require.NoError(t, err)
	sents := sentence.Split(text)
	require.NotEmpty(t, sents, "no sentence in %q", text)
	st := new(token.Stream)
	st.Scan(text, sents, quote.Detect(text, sents), lex)
	w := &window{text: text, lex: lex, qs: st.Quotes}
	w.load(st, 0, st.Len())
	w.tagAll(tg)
	return w
}

// bracketed parses a sentence with one pair of brackets around the span a
// grammar function should find, "[Hugh Hill, a doctor,] said", and
// returns the sentence without them and the span's byte range.
func bracketed(t testing.TB, s string) (text string, start, end int) {
	t.Helper()
	start, end = strings.IndexByte(s, '['), strings.IndexByte(s, ']')
	require.True(t, start >= 0 && end > start, "no [span] in %q", s)
	return s[:start] + s[start+1:end] + s[end+1:], start, end - 1
}

// tokenAt returns the index of the token of w that starts at byte offset
// off, failing the test when none does.
func (w *window) tokenAt(t testing.TB, off int) int {
	t.Helper()
	for i, tk := range w.toks {
		if tk.start == off {
			return i
		}
	}
	require.Failf(t, "no token", "no token starts at %d in %q", off, w.text)
	return -1
}

// tokenAfter returns the index of the first token of w that starts at or
// after byte offset off, or len(w.toks).
func (w *window) tokenAfter(off int) int {
	i := 0
	for i < len(w.toks) && w.toks[i].start < off {
		i++
	}
	return i
}

// spanText returns the text of tokens [s, e) of w.
func (w *window) spanText(s, e int) string {
	if s >= e {
		return ""
	}
	return w.text[w.toks[s].start:w.toks[e-1].end]
}

// TestLeftNP checks the subject noun phrase that ends before the token
// after the brackets.
func TestLeftNP(t *testing.T) {
	tests := []struct {
		name, in string
		gerund   bool
	}{
		{"name", "[Hugh Hill] said the plan was dead.", false},
		{"appositive", "[Hugh Hill, a doctor], said the plan was dead.", false},
		{"relative clause", "[Anna Berg, who runs the shelter], warned that the beds were full.", false},
		{"title and party", "[Rep. Ann Cole (D-Ore.)] said the vote was close.", false},
		{"of phrase", "[A spokesman for the Justice Department] said it would appeal.", false},
		{"quantifier", "[Most] believe the economy is improving.", false},
		{"participle after the noun", "[Voters polled] said they liked him.", false},
		{"reduced relative with time", "[A report released last year] found that the river was polluted.", false},
		{"gerund stops at of", "It showed footage of [Trump] saying he would win.", true},
		{"pronoun", "Later [she] said it was over.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, end := bracketed(t, tc.in)
			w := testWindow(t, text)
			// The cue is the first word after the brackets.
			cue := w.tokenAfter(end)
			for cue < len(w.toks) && w.toks[cue].kind != token.Word {
				cue++
			}
			got, _, ok := w.leftNP(cue, tc.gerund)
			require.True(t, ok, "no noun phrase before %q", text[end:])
			assert.Equal(t, text[start:end], w.spanText(got, w.tokenAfter(end)))
		})
	}
}

// TestRightNP checks the noun phrase that starts at the bracket.
func TestRightNP(t *testing.T) {
	tests := []struct {
		name, in string
		appos    bool
	}{
		{"plain", "“We are ready,” said [the mayor].", false},
		{"appositive", "“We are ready,” said [Jane Doe, a spokeswoman for the city].", true},
		{"relative clause", "“No,” said [an official who asked not to be named].", true},
		{"time word left out", "The plan is dead, said [the official] on Tuesday.", false},
		{"source on a panel", "It passed, said [a source on the panel].", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, end := bracketed(t, tc.in)
			w := testWindow(t, text)
			s, e, ok := w.rightNP(w.tokenAt(t, start), tc.appos)
			require.True(t, ok)
			assert.Equal(t, text[start:end], w.spanText(s, e))
		})
	}
}

// TestClauseEnd checks where the clause that starts at the bracket ends.
func TestClauseEnd(t *testing.T) {
	tests := []struct{ name, in string }{
		{"sentence end", "The mayor said [the pier was safe]."},
		{"before adding", "The mayor said [the pier was safe], adding that it would open soon."},
		{"before according to", "[The pier was safe], according to the mayor."},
		{"semicolon", "He said [it was over]; she disagreed."},
		{"aside between dashes", "She said [a rift -- mainly in cities -- with the police had grown]."},
		{"quotation kept", "He said [the plan was “dead on arrival”]."},
		{"before which", "He said [the plan was dead], which surprised no one."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, end := bracketed(t, tc.in)
			w := testWindow(t, text)
			assert.Equal(t, text[start:end], text[start:w.clauseEnd(w.tokenAt(t, start))])
		})
	}
}
