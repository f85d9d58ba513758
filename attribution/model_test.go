package attribution

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// TestEmbeddedModel checks that the embedded model decodes, encodes to the
// same bytes, and says where it comes from.
func TestEmbeddedModel(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("built without a model")
	}
	m, err := DecodeModel(bytes.NewReader(embeddedModel))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.Encode(&b))
	assert.True(t, bytes.Equal(embeddedModel, b.Bytes()), "encoding the decoded model gives other bytes")
	assert.Contains(t, m.String(), "PolNeAR train, sha256 ")
	_, err = DecodeModel(bytes.NewReader(embeddedModel[:len(embeddedModel)/2]))
	assert.Error(t, err, "half a model")
	_, err = DecodeModel(bytes.NewReader([]byte("not a model")))
	assert.Error(t, err)
}

// BenchmarkDecodeModel decodes the embedded model, as the first New of a
// process does once.
func BenchmarkDecodeModel(b *testing.B) {
	b.SetBytes(int64(len(embeddedModel)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeModel(bytes.NewReader(embeddedModel)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestChooseFrameParts checks that chooseFrame, which scores the parts of
// a cue's frames once each and shares them, gives every frame the score
// of all its features together.
func TestChooseFrameParts(t *testing.T) {
	m, err := DefaultModel()
	require.NoError(t, err)
	if m == nil {
		t.Skip("built without a model")
	}
	r, err := New()
	require.NoError(t, err)
	text := corpustest.ReadFile(t, "seed/blinken-paris.txt") +
		"\n\nSmith Clinton said that Ruiz warned the tax would rise. Jones told reporters on Tuesday that he would not run, aides said, and she added: “We will see.”\n"
	frames := 0
	choose := func(rd *reader, c *cue, fr []frame) int {
		k := rd.chooseFrame(m, c, fr)
		for i := range fr {
			if fr[i].a.Extent.Empty() {
				continue
			}
			var fs linear.Features
			rd.cueFeatures(c, linear.NewValue(rd.w.cueLemma(c)), &fs)
			rd.frameFeatures(c, &fr[i], &fs)
			assert.InDelta(t, m.frames.Score(&fs), fr[i].score, 1e-9, "frame %d of %q", i, fr[i].a.Cue.Text)
			frames++
		}
		return k
	}
	sents := sentence.Split(text)
	r.resolveWith(text, sents, quote.Detect(text, sents), choose)
	assert.Greater(t, frames, 20)
}

// TestWindowValues checks the feature values a window keeps for its
// tokens against their strings, as a cue verb's tag changes.
func TestWindowValues(t *testing.T) {
	w := testWindow(t, "The article read well, officials said.")
	for i, tk := range w.toks {
		assert.Equal(t, linear.NewValue(tk.lower), w.lowerValue(i))
		assert.Equal(t, linear.NewValue(tk.tag), w.tagValue(i))
	}
	tagged := w.toks[2].tag
	w.readAsVerb(2)
	assert.Equal(t, linear.NewValue("VBD"), w.tagValue(2))
	w.untag(2)
	assert.Equal(t, linear.NewValue(tagged), w.tagValue(2))
}

// TestInnerLink checks the feature of what joins a modifier to the head
// of a speaker's noun phrase, by which the model tells the end of a longer
// phrase ("sources privy to negotiations") from a whole one.
func TestInnerLink(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"preposition", "[A person familiar with the planning] says the talks will go on.", "with"},
		{"participle", "[A new batch of emails released this week] showed that she knew.", "of"},
		{"participle first", "[Emails released this week] showed that she knew.", "VBN"},
		{"gerund", "[Voters looking for an outsider] supported him.", "VBG"},
		{"relative", "[The man who runs the shop] said the road was closed.", "WP"},
		{"none", "[The senior senator] said the bill would pass.", "none"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, start, end := bracketed(t, tc.in)
			w := testWindow(t, text)
			s0, s1 := w.tokenRange(span.Of(text, start, end))
			assert.Equal(t, tc.want, w.innerLink(s0, s1).String())
		})
	}
}

// TestTokenRange checks tokenRange, which halves, against a scan.
func TestTokenRange(t *testing.T) {
	w := testWindow(t, "“We will see,” Smith said, and the tax (which rose) fell.")
	scan := func(start, end int) (int, int) {
		s := 0
		for s < len(w.toks) && w.toks[s].start < start {
			s++
		}
		e := s
		for e < len(w.toks) && w.toks[e].end <= end {
			e++
		}
		return s, e
	}
	for start := 0; start <= len(w.text); start++ {
		for end := start; end <= len(w.text); end++ {
			s, e := w.tokenRange(span.Span{Start: start, End: end})
			ws, we := scan(start, end)
			require.Equal(t, [2]int{ws, we}, [2]int{s, e}, "[%d, %d)", start, end)
		}
	}
}

// TestReportingVerbOutsideLexicon checks that a sentence whose only cue is
// a verb the lexicon does not know is read when the model has learned
// that the verb reports (its stem weighs above zero), and that only such
// sentences are tagged for it: the others come to nothing either way.
func TestReportingVerbOutsideLexicon(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("built without a model")
	}
	r, err := New()
	require.NoError(t, err)
	tests := []struct {
		text, word string
		reports    bool
	}{
		{"The senator voted for the bill.", "voted", true},
		{"The council released its budget.", "released", true},
		{"The ferry sank near the pier.", "sank", false},
	}
	var fs linear.Features
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			for _, w := range strings.FieldsFunc(strings.ToLower(tc.text), func(r rune) bool { return !unicode.IsLetter(r) }) {
				assert.Zero(t, r.lex.Kind(w), "the test wants words the lexicon does not know: %q", w)
			}
			assert.Equal(t, tc.reports, r.model.reports(&fs, stem(tc.word)))
			sents := sentence.Split(tc.text)
			got := r.Resolve(tc.text, sents, quote.Detect(tc.text, sents))
			if !tc.reports {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Contains(t, got[0].Cue.Text, tc.word)
		})
	}
}

// TestVerbAfterCommaQuote checks that a verb the lexicon does not know,
// and the model has not learned, reports a quotation whose words end with
// a comma when it follows the quotation, right after it or after its
// subject: the comma inside the marks says the attribution follows. A
// quotation that ends its sentence gives the verb after it no such
// reading, unless the sentence after is only a speaker and a verb of
// saying: a full stop stands for the comma.
func TestVerbAfterCommaQuote(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("built without a model")
	}
	r, err := New()
	require.NoError(t, err)
	tests := []struct {
		text, verb, speaker string
	}{
		{"“You are wrong about all of it,” Oliver barked.", "barked", "Oliver"},
		{"“It is about time we won,” crowed the actress Jamie Lee Curtis.", "crowed", "the actress Jamie Lee Curtis"},
		{"“We are not done yet,” the senator growled.", "growled", "the senator"},
		{"“We are not done yet.” The senator growled.", "", ""},
		// A full stop where the comma of an inverted attribution should
		// be: the sentence is only the speaker and the cue.
		{"“You will find the emails that are missing.” Trump said.", "said", "Trump"},
	}
	var fs linear.Features
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			if tc.verb != "" && tc.verb != "said" {
				assert.Zero(t, r.lex.Kind(tc.verb), "the test wants a verb the lexicon does not know")
				assert.False(t, r.model.reports(&fs, stem(tc.verb)), "the test wants a verb the model has not learned")
			}
			sents := sentence.Split(tc.text)
			got := r.Resolve(tc.text, sents, quote.Detect(tc.text, sents))
			require.Len(t, got, 1)
			assert.Equal(t, tc.verb, got[0].Cue.Text)
			assert.Equal(t, tc.speaker, got[0].Speaker.Text)
		})
	}
}

// TestStatementBeforeParagraph checks that a cue whose object names what
// is said, before a colon that ends its paragraph, introduces the
// quotation that opens the next ("released the following statement:"),
// as a bare cue does ("said:").
func TestStatementBeforeParagraph(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("built without a model")
	}
	r, err := New()
	require.NoError(t, err)
	tests := []struct {
		text, cue, speaker string
	}{
		{"When the mayor died, President Clinton released the following statement:\n\n“Hillary and I offer our condolences to his family.”", "released", "President Clinton"},
		{"The senator issued a brief statement:\n\n“We will win this seat back.”", "issued", "The senator"},
		{"The senator said:\n\n“We will win this seat back.”", "said", "The senator"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			sents := sentence.Split(tc.text)
			got := r.Resolve(tc.text, sents, quote.Detect(tc.text, sents))
			require.Len(t, got, 1)
			assert.Equal(t, tc.cue, got[0].Cue.Text)
			assert.Equal(t, tc.speaker, got[0].Speaker.Text)
			assert.Equal(t, Direct, got[0].Type)
		})
	}
}
