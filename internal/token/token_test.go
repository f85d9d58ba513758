package token

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// scan tokenizes text with the pipeline's own sentences and quotations.
func scan(t testing.TB, text string) *Stream {
	t.Helper()
	lex, err := lexicon.Load()
	require.NoError(t, err)
	sents := sentence.Split(text)
	var s Stream
	s.Scan(text, sents, quote.Detect(text, sents), lex)
	return &s
}

// render writes the tokens of s separated by "|", with a kind mark before
// every token that is not a word: ^ punctuation, " quote mark, - dash.
func render(s *Stream) string {
	var b strings.Builder
	for i, t := range s.Toks {
		if i > 0 {
			b.WriteByte('|')
		}
		switch t.Kind() {
		case Punct:
			b.WriteByte('^')
		case Quote:
			b.WriteByte('"')
		case Dash:
			b.WriteByte('-')
		}
		b.WriteString(s.Str(i))
	}
	return b.String()
}

func TestScan(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"words and full stop", "The plan failed.", "The|plan|failed|^."},
		{"clitics", "They don't know it's Clinton's.", "They|do|n't|know|it|'s|Clinton|'s|^."},
		{"curly clitic", "We’re here.", "We|’re|here|^."},
		{"clitics only after an apostrophe", "Tests ends ns cats. Can't won’t I'd O'Neill's 'tis rock'n'roll's", "Tests|ends|ns|cats|^.|Ca|n't|wo|n’t|I|'d|O'Neill|'s|\"'|tis|rock'n'roll|'s"},
		{"a word ends at a space, a mark or the sentence", "a b,c\td—e 'f' g", "a|b|^,|c|d|-—|e|\"'|f|\"'|g"},
		{"inner marks", "A well-known U.S. firm, AT&T, paid $1,000 or 2.5%.", "A|well-known|U.S.|firm|^,|AT&T|^,|paid|$1,000|or|2.5%|^."},
		{"comma between words is a mark", "red,blue", "red|^,|blue"},
		{"title and initial", "Sen. John F. Kennedy spoke.", "Sen.|John|F.|Kennedy|spoke|^."},
		{"number abbreviation before a number", "The No. 2 said no. 3 left.", "The|No.|2|said|no.|3|left|^."},
		{"number abbreviation ending a sentence", "The answer was No. It was.", "The|answer|was|No|^.|It|was|^."},
		{"state after a hyphen", "Rep. Mica (R-Fla.) said so.", "Rep.|Mica|^(|R-Fla.|^)|said|so|^."},
		{"plural possessive", "The veterans' families came.", "The|veterans|'|families|came|^."},
		{"quote marks", "“No,” she said.", "\"“|No|^,|\"”|she|said|^."},
		{"straight quotes", `"Yes," he said.`, `""|Yes|^,|""|he|said|^.`},
		{"two apostrophes", "''Yes,'' he said.", `"''|Yes|^,|"''|he|said|^.`},
		{"dashes", "Now — or never -- then - done.", "Now|-—|or|never|---|then|--|done|^."},
		{"hyphen not spaced", "a-b -c", "a-b|^-|c"},
		{"ellipsis", "Well... maybe.", "Well|^...|maybe|^."},
		{"symbols", "@user #tag 50% _x", "@user|#tag|50%|_x"},
		{"a letter's UTF-8 read as Latin-1 stays in its word", "Enrique PeÃ±a Nieto and FranÃ§ois Hollande", "Enrique|PeÃ±a|Nieto|and|FranÃ§ois|Hollande"},
		{"the same marks alone are no word", "Ã ± 5 ±2", "Ã|^±|5|^±|2"},
		{"non-ASCII words", "Zoë Saldaña sagte: „Ja“.", "Zoë|Saldaña|sagte|^:|\"„|Ja|\"“|^."},
		{"invalid UTF-8", "ab\xffcd", "ab|^\xff|cd"},
		{"empty", "", ""},
		{"white space only", " \n\t ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, render(scan(t, tc.text)))
		})
	}
}

func TestScanFacts(t *testing.T) {
	text := "Mr. Lee said “we will go.” They said so.\n\nLater, Said Lee: no."
	s := scan(t, text)
	find := func(w string, nth int) int {
		for i := range s.Toks {
			if s.Str(i) == w {
				if nth == 0 {
					return i
				}
				nth--
			}
		}
		require.Failf(t, "no token", "%q", w)
		return -1
	}
	said, will, they, said2 := find("said", 0), find("will", 0), find("They", 0), find("Said", 0)
	assert.Equal(t, "said", s.Lower(said))
	assert.Equal(t, "said", s.Lower(said2))
	assert.Equal(t, s.Toks[said].ID(), s.Toks[said2].ID(), "one form for said and Said")
	assert.NotZero(t, s.Lex(said)&lexicon.VerbWord, "said is a cue verb")
	assert.Zero(t, s.Lex(they)&lexicon.VerbWord)
	assert.True(t, s.Toks[will].InQuote())
	assert.True(t, s.Toks[find("“", 0)].InQuote(), "a quotation's marks are inside it")
	assert.False(t, s.Toks[said].InQuote())
	assert.False(t, s.Toks[they].InQuote())
	assert.Equal(t, 0, s.Paragraph(said))
	assert.NotEqual(t, s.Paragraph(said), s.Paragraph(said2))
	assert.Equal(t, s.Toks[they].Sent, s.Toks[find("so", 0)].Sent)
	assert.NotEqual(t, s.Toks[said].Sent, s.Toks[they].Sent)
	for si, st := range s.Sents {
		for i := st.First; i < st.End; i++ {
			assert.EqualValues(t, si, s.Toks[i].Sent)
		}
	}
	assert.Equal(t, said, s.At(int(s.Toks[said].Start)))
	assert.Equal(t, said, s.At(int(s.Toks[said].Start)-1), "the space before a token")
	assert.Equal(t, s.Len(), s.At(len(text)))
}

// TestScanReuse checks that a second Scan with the same Stream gives the
// same tokens as a fresh one, and leaves the first scan's strings intact;
// also when the room the first left is not counted against the second
// and falls short of it.
func TestScanReuse(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	for _, c := range []struct {
		name, a, b string
		first      string // the second token of a, lower-cased
	}{
		{"a sentence after a sentence", "Officials SAID the Plan would fail.", "“Fine,” she said.", "said"},
		// Room for 10,000 tokens, a quarter of a token a byte of the
		// second text, which at one token a byte needs four times as
		// many.
		{"a token a byte after a token in two", strings.Repeat("a ", 10000), strings.Repeat("a,", 19500), "a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s Stream
			s.Scan(c.a, nil, nil, lex)
			first := s.Lower(1)
			s.Scan(c.b, nil, quote.Detect(c.b, nil), lex)
			assert.Equal(t, c.first, first)
			assert.Equal(t, render(scan(t, c.b)), render(&s))
			checkStream(t, c.b, &s)
		})
	}
}

// checkStream asserts the invariants of a stream of text: tokens in
// order, inside the text, never empty and never white space, with only
// white space between them, and the tokens and gaps rebuilding the text.
// White space is what the sentence splitter skips between sentences too:
// the zero width space and the byte order mark ("\ufeff0" opens with one).
func checkStream(t testing.TB, text string, s *Stream) {
	t.Helper()
	var b strings.Builder
	prev := 0
	for i, tk := range s.Toks {
		require.LessOrEqual(t, prev, int(tk.Start), "token %d starts before the one before it ends", i)
		require.Less(t, tk.Start, tk.End, "token %d is empty", i)
		require.LessOrEqual(t, int(tk.End), len(text), "token %d ends past the text", i)
		gap := text[prev:tk.Start]
		for _, r := range gap {
			require.Truef(t, isGapRune(r), "token %d: gap %q holds more than white space", i, gap)
		}
		b.WriteString(gap)
		b.WriteString(s.Str(i))
		require.Equal(t, Lower(s.Str(i)), s.Lower(i))
		prev = int(tk.End)
	}
	rest := text[prev:]
	if len(s.Toks) > 0 || strings.TrimSpace(text) == "" {
		for _, r := range rest {
			require.Truef(t, isGapRune(r), "the text after the last token, %q, holds more than white space", rest)
		}
	}
	b.WriteString(rest)
	require.Equal(t, text, b.String())
}

// isGapRune reports whether r may stand between tokens: white space.
func isGapRune(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"“No,” she said. “We won't.”",
		"Sen. J. Doe (R-Fla.) said -- again -- that 1,000 U.S. troops' families'd go...",
		"''Yes,'' he said.\n\nThe veterans' pay rose 2.5%.",
		"ab\xffcd\x00 ’90s ‘quoted’ «guillemets» „low“",
		"\u200b\u00a0 — – ― - --- .... ???",
		"PeÃ±a SarukhÃ\u0083Â¡n Ã Â ±Ã\xc3",
	} {
		f.Add(s)
	}
	lex, err := lexicon.Load()
	require.NoError(f, err)
	var s Stream
	f.Fuzz(func(t *testing.T, text string) {
		sents := sentence.Split(text)
		s.Scan(text, sents, quote.Detect(text, sents), lex)
		checkStream(t, text, &s)
		if utf8.ValidString(text) {
			for i := range s.Toks {
				require.True(t, utf8.ValidString(s.Str(i)))
			}
		}
	})
}

func BenchmarkScan(b *testing.B) {
	lex, err := lexicon.Load()
	require.NoError(b, err)
	text := strings.Repeat("“We will not raise taxes,” Gov. Maria Lopez (D-Calif.) said on Tuesday. The state's 1,000 workers didn't agree.\n\n", 200)
	sents := sentence.Split(text)
	qs := quote.Detect(text, sents)
	var s Stream
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Scan(text, sents, qs, lex)
	}
}

// TestTokenRoom checks that the count made ahead of the tokens is at least
// their number, and not far above it, on text of every kind.
func TestTokenRoom(t *testing.T) {
	for _, c := range []struct {
		name, text string
	}{
		{"empty", ""},
		{"news", "“We will not raise taxes,” Governor Maria Lopez told reporters on Tuesday. Clinton's aides didn't say."},
		{"marks", `"""'''!!!???...---((()))`},
		{"quoted words", strings.Repeat(`"word" `, 50)},
		{"curly", strings.Repeat("“a” ‘b’ — … ", 20)},
		{"no space", strings.Repeat("abc", 300)},
		{"non-Latin", "Он сказал: «Мы не будем повышать налоги». 他说：“我们不会加税。”"},
		{"numbers", "The U.S. paid $1,000.50 at 2.5% on 12/05/2026 (a.m.)."},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s Stream
			s.Scan(c.text, nil, nil, nil)
			room := tokenRoom(c.text)
			assert.GreaterOrEqual(t, room, s.Len(), "room for the tokens")
			assert.LessOrEqual(t, room, 2*s.Len()+1, "room at most twice the tokens")
		})
	}
}

// TestOutermost checks which quotations a stream takes as outermost: an
// unclosed quotation opened by a straight or single mark gives way to the
// closed quotations in other marks inside it, and one opened by a curly
// double mark, or holding its own kind of marks, does not.
func TestOutermost(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"closed and nested", "He said “we will ‘win’ it” then.", []string{"“we will ‘win’ it”"}},
		{"a stray straight mark opens the paragraph", "\"Trump walked on, chanting “U-S-A! U-S-A!”", []string{"“U-S-A! U-S-A!”"}},
		{"an unclosed curly opener is kept", "She said “it was nice, ‘so nice’ to meet you\n\nThen she left.", []string{"“it was nice, ‘so nice’ to meet you"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scan(t, tt.text)
			var got []string
			for _, q := range s.Quotes {
				got = append(got, q.Text)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestFormHash checks that FormHash gives fold.Hash of each form of a
// text, and whether the form is ASCII, for forms of words in lower case,
// capitalised, with a curly apostrophe, outside ASCII, and of marks.
func TestFormHash(t *testing.T) {
	for _, text := range []string{
		"The senator said, “We don’t know.” THE SENATOR said so.",
		"Ça va très bien, Über-Präsident İstanbul’s café.",
		"Veterans’ families — \"quoted\" 1,000 U.S. Sen. J. Doe's.",
	} {
		st := scan(t, text)
		for id := range int32(st.Forms()) {
			form := st.Form(id)
			h, ascii := st.FormHash(id)
			assert.Equal(t, fold.Hash(form), h, "text %q, form %q", text, form)
			assert.Equal(t, isASCII(form), ascii, "text %q, form %q", text, form)
		}
	}
}

// TestIsAlnumRune checks isAlnumRune against Unicode's letters and digits
// for every rune.
func TestIsAlnumRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if want := unicode.IsLetter(r) || unicode.IsDigit(r); isAlnumRune(r) != want {
			require.Equal(t, want, isAlnumRune(r), "%U", r)
		}
	}
}
