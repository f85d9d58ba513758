package attribution

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// loadedInQuote scans text, loads a window from every token of it to the
// end, and checks that load marks the tokens [window.quoted] finds inside
// quotation marks, whatever token the window starts at. It returns the
// words marked in the window of the whole text.
func loadedInQuote(t *testing.T, lex *lexicon.Lexicon, text string) []string {
	t.Helper()
	sents := sentence.Split(text)
	st := new(token.Stream)
	st.Scan(text, sents, quote.Detect(text, sents), lex)
	w := &window{text: text, lex: lex, qs: st.Quotes}
	var words []string
	for from := st.Len() - 1; from >= 0; from-- {
		w.load(st, from, st.Len())
		for i, tk := range w.toks {
			require.Equal(t, w.quoted(tk.start, tk.end), tk.inQuote, "window from token %d: token %d %q", from, i, tk.text)
			if from == 0 && tk.inQuote {
				words = append(words, tk.text)
			}
		}
	}
	return words
}

func TestLoadInQuote(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"inside the marks, not the marks", `He said "we will win" today.`, []string{"we", "will", "win"}},
		{"two quotations of one sentence", "“Yes,” she said, “and no.” Then she left.", []string{"Yes", ",", "and", "no", "."}},
		{"over two paragraphs: not inside", "“One thing.\n\nAnother,” he said.", nil},
		{"never closed: not inside", `He said "we will win today.`, nil},
		{"none", "He said so.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, loadedInQuote(t, lex, tt.text))
		})
	}
}

// TestLoadInQuoteOnCorpus checks load's marks on the windows of every
// sentence of the PolNeAR dev texts.
func TestLoadInQuoteOnCorpus(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	inside := 0
	for _, text := range corpustest.Texts(t, "polnear/dev.jsonl") {
		sents := sentence.Split(text)
		st := new(token.Stream)
		st.Scan(text, sents, quote.Detect(text, sents), lex)
		w := &window{text: text, lex: lex, qs: st.Quotes}
		for _, s := range st.Sents {
			w.load(st, int(s.First), int(s.End))
			for i, tk := range w.toks {
				require.Equal(t, w.quoted(tk.start, tk.end), tk.inQuote, "token %d %q of %q", i, tk.text, text[w.toks[0].start:w.toks[len(w.toks)-1].end])
				if tk.inQuote {
					inside++
				}
			}
		}
	}
	assert.Greater(t, inside, 1000, "tokens inside quotation marks")
}

// TestQuoteAfter checks quoteAfter, which halves, against a scan, at every
// offset around quotations of several counts.
func TestQuoteAfter(t *testing.T) {
	for n := range 9 {
		qs := make([]*quote.Quote, n)
		for k := range qs {
			qs[k] = &quote.Quote{Start: 10 * k, End: 10*k + 5}
		}
		for off := -1; off <= 10*n+1; off++ {
			want := 0
			for want < n && qs[want].End <= off {
				want++
			}
			assert.Equal(t, want, quoteAfter(qs, off), "%d quotations, offset %d", n, off)
		}
	}
}

// TestTokSize checks that a window token stays as small as its comment
// says: the rules copy tokens by the thousand.
func TestTokSize(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(tok{}), uintptr(72))
}

// TestValueCache checks that the cache gives linear.NewValue of every
// string, whether its entry is empty, holds the same string, the same
// bytes elsewhere, a prefix of it at the same place, or another string.
func TestValueCache(t *testing.T) {
	text := "VBD said VBDsaid VB" + strings.Repeat("x", 300)
	var c valueCache
	for _, tt := range []struct {
		name string
		s    string
	}{
		{"empty", ""},
		{"a tag", text[0:3]},
		{"the same tag", text[0:3]},
		{"its bytes elsewhere", text[9:12]},
		{"a prefix at the same place", text[0:2]},
		{"a longer string at the same place", text[0:8]},
		{"one at the same place in the same entry", text[0 : 8+len(c)]},
		{"and the first", text[0:8]},
		{"a constant", "NNP"},
		{"the tag again", text[0:3]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, linear.NewValue(tt.s), c.of(tt.s))
		})
	}
	// Every string filling every entry, and then read again.
	words := strings.Fields(strings.Repeat("a bb ccc dddd eeeee ", 100))
	for range 2 {
		for _, w := range words {
			require.Equal(t, linear.NewValue(w), c.of(w), "%q", w)
		}
	}
}
