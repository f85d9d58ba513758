package whosaid_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// interrupted is a quotation interrupted by its attribution, as news text
// has it: the words said are the two fragments, not the narration.
const interrupted = "“We expected better,” journalist Anne Lapix told Blinken. “You speak French.”\n\n" +
	"“We will rebuild,” said Mayor Ann Cole. “It will take time.”\n"

func TestTextIsTheWordsSaid(t *testing.T) {
	attrs := whosaid.Extract(interrupted)
	require.NotEmpty(t, attrs)
	tests := []struct {
		name, want, narration string
	}{
		{"run over a sentence", "“We expected better,” “You speak French.”", "told Blinken"},
		{"inverted cue", "“We will rebuild,” “It will take time.”", "said Mayor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found *whosaid.Attribution
			for i := range attrs {
				if attrs[i].Text == tt.want {
					found = &attrs[i]
				}
			}
			require.NotNil(t, found, "no attribution with text %q in %+v", tt.want, attrs)
			assert.NotContains(t, found.Text, tt.narration)
			assert.Contains(t, found.Extent.Text, tt.narration, "Extent covers the narration")
			assert.Len(t, found.Spans, 2)
		})
	}
}

// TestTextOnTheSeedArticle checks the interrupted quotation of the
// reference article: its text holds the journalist's words, not the
// sentence that names her.
func TestTextOnTheSeedArticle(t *testing.T) {
	text := corpustest.ReadFile(t, "seed/blinken-paris.txt")
	var hit bool
	for _, a := range whosaid.Extract(text) {
		assert.Equal(t, attribution.JoinSpans(a.Spans), a.Text)
		if strings.Contains(a.Extent.Text, "journalist Anne-Sophie Lapix told Blinken") {
			hit = true
			assert.NotContains(t, a.Text, "journalist Anne-Sophie Lapix told Blinken")
			assert.Contains(t, a.Text, "We expected a better dialogue")
		}
	}
	assert.True(t, hit, "the interrupted quotation was not found")
}

func TestZeroValuesMeanNone(t *testing.T) {
	var a whosaid.Attribution
	assert.Equal(t, whosaid.Unknown, a.Type)
	assert.Equal(t, "unknown", a.Type.String())
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Nil(t, m["speaker"], "no speaker is null")
	assert.Nil(t, m["cue"], "no cue is null")
	assert.NotContains(t, m, "addressee", "no addressee is left out")
	assert.NotContains(t, m, "entity", "no entity is left out")
}

func TestAttributionJSONIsTheRecordFormat(t *testing.T) {
	text := "“We will not raise taxes,” Governor Maria Lopez told reporters on Tuesday."
	attrs := whosaid.Extract(text)
	require.Len(t, attrs, 1)
	b, err := json.Marshal(attrs[0])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "direct", m["type"])
	assert.Equal(t, "“We will not raise taxes,”", m["text"])
	assert.Equal(t, []any{[]any{0.0, 30.0}}, m["spans"])
	assert.Equal(t, 1.0, m["entity"], "the entity is its id")
	sp := m["speaker"].(map[string]any)
	assert.Equal(t, "Governor Maria Lopez", sp["text"])
	assert.Equal(t, "Maria Lopez", sp["name"])
	assert.Equal(t, "reporters", m["addressee"].(map[string]any)["text"])

	// The record's line is the same bytes as json.Marshal of the record.
	rec := whosaid.NewRecord("d", attrs)
	line, err := rec.MarshalLine()
	require.NoError(t, err)
	plain, err := json.Marshal(rec)
	require.NoError(t, err)
	assert.JSONEq(t, string(plain), string(line))
}

// TestRecordRoundTrip decodes what was encoded: every field the scores and
// users read comes back, span texts included when the record has its text.
func TestRecordRoundTrip(t *testing.T) {
	for _, text := range []string{interrupted, "Officials said the bridge, which “carries” traffic, was safe, he told Ann Lee."} {
		ex, err := whosaid.New()
		require.NoError(t, err)
		rec := ex.ExtractRecord("doc", text)
		rec.Text = text
		b, err := json.Marshal(rec)
		require.NoError(t, err)
		var back whosaid.Record
		require.NoError(t, json.Unmarshal(b, &back))
		require.Len(t, back.Quotes, len(rec.Quotes))
		for i, q := range rec.Quotes {
			got := back.Quotes[i]
			assert.Equal(t, q.Text, got.Text)
			assert.Equal(t, q.Extent, got.Extent)
			assert.Equal(t, q.Spans, got.Spans)
			assert.Equal(t, q.Quoted, got.Quoted)
			assert.Equal(t, q.Type, got.Type)
			assert.Equal(t, q.Speaker, got.Speaker)
			assert.Equal(t, q.Cue, got.Cue)
			assert.Equal(t, q.Addressee, got.Addressee)
			assert.Equal(t, q.Entity.ID, got.Entity.ID)
			assert.Equal(t, q.Entity.Name, got.Entity.Name)
			assert.Equal(t, q.Confidence, got.Confidence)
			assert.Equal(t, q.Rule, got.Rule)
		}
		assert.Equal(t, rec.Entities, back.Entities)
	}
}

func TestTypeAliases(t *testing.T) {
	for _, tt := range []struct {
		root, stage whosaid.Type
		name        string
	}{
		{whosaid.Unknown, attribution.Unknown, "unknown"},
		{whosaid.Direct, attribution.Direct, "direct"},
		{whosaid.Mixed, attribution.Mixed, "mixed"},
		{whosaid.Indirect, attribution.Indirect, "indirect"},
	} {
		assert.Equal(t, tt.stage, tt.root)
		assert.Equal(t, tt.name, tt.root.String())
		var back whosaid.Type
		require.NoError(t, back.UnmarshalText([]byte(tt.name)))
		assert.Equal(t, tt.root, back)
	}
	var bad whosaid.Type
	assert.Error(t, bad.UnmarshalText([]byte("quoted")))
}

// TestOptionErrors: nil and conflicting options are an error wrapping the
// package's ErrOption, whichever package they go to; nothing panics.
func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts []whosaid.Option
		is   error
	}{
		{"nil option", []whosaid.Option{nil}, whosaid.ErrOption},
		{"nil sentence option", []whosaid.Option{whosaid.WithSentence(nil)}, whosaid.ErrOption},
		{"nil quote option", []whosaid.Option{whosaid.WithQuote(quote.WithMaxDepth(4), nil)}, whosaid.ErrOption},
		{"nil attribution option", []whosaid.Option{whosaid.WithAttribution(nil)}, attribution.ErrOption},
		{"quote runs both ways", []whosaid.Option{whosaid.WithAttribution(attribution.WithQuoteRuns(true), attribution.WithQuoteRuns(false))}, attribution.ErrOption},
		{"nested both ways", []whosaid.Option{whosaid.WithAttribution(attribution.WithNested(false)), whosaid.WithAttribution(attribution.WithNested(true))}, attribution.ErrOption},
		{"two byte bounds", []whosaid.Option{whosaid.WithMaxBytes(10), whosaid.WithMaxBytes(20)}, whosaid.ErrOption},
		{"zero bytes", []whosaid.Option{whosaid.WithMaxBytes(0)}, whosaid.ErrOption},
		{"negative tokens", []whosaid.Option{whosaid.WithMaxTokens(-1)}, whosaid.ErrOption},
		{"sentence conflict", []whosaid.Option{whosaid.WithSentence(sentence.WithLineBreaks(sentence.LineBreaksAuto), sentence.WithLineBreaks(sentence.LineBreaksEvery))}, sentence.ErrOption},
		{"dialogue dash both ways", []whosaid.Option{whosaid.WithQuote(quote.WithDialogueDash(true)), whosaid.WithQuote(quote.WithDialogueDash(false))}, quote.ErrOption},
		{"two max depths", []whosaid.Option{whosaid.WithQuote(quote.WithMaxDepth(2), quote.WithMaxDepth(3))}, quote.ErrOption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ex *whosaid.Extractor
			var err error
			require.NotPanics(t, func() { ex, err = whosaid.New(tt.opts...) })
			require.Error(t, err)
			assert.Nil(t, ex)
			assert.True(t, errors.Is(err, tt.is), "%v does not wrap %v", err, tt.is)
		})
	}
	// The same value twice is no conflict.
	_, err := whosaid.New(whosaid.WithMaxBytes(10), whosaid.WithMaxBytes(10),
		whosaid.WithAttribution(attribution.WithQuoteRuns(false), attribution.WithQuoteRuns(false)),
		whosaid.WithQuote(quote.WithDialogueDash(true), quote.WithDialogueDash(true), quote.WithMaxDepth(3), quote.WithMaxDepth(3)),
		whosaid.WithSentence(sentence.WithLineBreaks(sentence.LineBreaksBlank), sentence.WithLineBreaks(sentence.LineBreaksBlank)))
	assert.NoError(t, err)
	// Each stage's New refuses a nil option with its own ErrOption.
	for _, tt := range []struct {
		name string
		new  func() error
		is   error
	}{
		{"sentence", func() error { _, err := sentence.New(nil); return err }, sentence.ErrOption},
		{"quote", func() error { _, err := quote.New(nil); return err }, quote.ErrOption},
		{"attribution", func() error { _, err := attribution.New(nil); return err }, attribution.ErrOption},
		{"whosaid", func() error { _, err := whosaid.New(nil); return err }, whosaid.ErrOption},
	} {
		t.Run(tt.name+".New(nil)", func(t *testing.T) {
			var err error
			require.NotPanics(t, func() { err = tt.new() })
			assert.ErrorIs(t, err, tt.is)
			assert.Regexp(t, "^"+tt.name+": bad option: option 1 is nil", err)
		})
	}
}

func TestExtractRecordReportsTheCut(t *testing.T) {
	para := "“We will win,” Smith said.\n\n"
	text := strings.Repeat(para, 10)
	tests := []struct {
		name   string
		opts   []whosaid.Option
		quotes int
		cut    *whosaid.Cut
	}{
		{"whole", nil, 10, nil},
		{"bytes", []whosaid.Option{whosaid.WithMaxBytes(3*len(para) + 5)}, 3,
			&whosaid.Cut{Offset: 3*len(para) - 1, Bound: "max-bytes", Limit: 3*len(para) + 5}},
		// A paragraph is 9 tokens: “ We will win , ” Smith said .
		{"tokens", []whosaid.Option{whosaid.WithMaxTokens(40)}, 4,
			&whosaid.Cut{Offset: 4*len(para) - 1, Bound: "max-tokens", Limit: 40}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := whosaid.New(tt.opts...)
			require.NoError(t, err)
			rec := ex.ExtractRecord("d", text)
			assert.Len(t, rec.Quotes, tt.quotes)
			assert.Equal(t, tt.cut, rec.Cut)
			assert.Len(t, ex.Extract(text), tt.quotes)
			for _, q := range rec.Quotes {
				if rec.Cut != nil {
					assert.LessOrEqual(t, q.Extent.End, rec.Cut.Offset)
				}
			}
		})
	}
}

func TestTokenCutOnPunctuation(t *testing.T) {
	// A page of quote marks is a token a byte: the token bound meets it
	// long before the byte bound.
	text := "“Fine,” she said.\n\n" + strings.Repeat(`"`, 5000)
	ex, err := whosaid.New(whosaid.WithMaxTokens(1000))
	require.NoError(t, err)
	rec := ex.ExtractRecord("d", text)
	require.NotNil(t, rec.Cut)
	assert.Equal(t, "max-tokens", rec.Cut.Bound)
	assert.Equal(t, len("“Fine,” she said.\n"), rec.Cut.Offset)
	assert.Len(t, rec.Quotes, 1)
}

func TestConvertOffsets(t *testing.T) {
	// Curly marks are 3 bytes and 1 code point; the emoji is 4 bytes, 1
	// code point and 2 UTF-16 units.
	text := "😀 “Prices will fall,” the minister said. Naïve “hopes” 😀 aside."
	ex, err := whosaid.New()
	require.NoError(t, err)
	rec := ex.ExtractRecord("d", text)
	require.NotEmpty(t, rec.Quotes)
	runes := []rune(text)
	units := utf16.Encode(runes)
	tests := []struct {
		unit  whosaid.Unit
		slice func(s, e int) string
	}{
		{whosaid.UnitBytes, func(s, e int) string { return text[s:e] }},
		{whosaid.UnitRunes, func(s, e int) string { return string(runes[s:e]) }},
		{whosaid.UnitUTF16, func(s, e int) string { return string(utf16.Decode(units[s:e])) }},
	}
	for _, tt := range tests {
		t.Run(string(tt.unit), func(t *testing.T) {
			conv, err := rec.ConvertOffsets(text, tt.unit)
			require.NoError(t, err)
			for _, q := range conv.Quotes {
				for _, s := range append([]span.Span{q.Extent, q.Speaker, q.Cue}, q.Spans...) {
					assert.Equal(t, s.Text, tt.slice(s.Start, s.End), "%s span %+v", tt.unit, s)
				}
			}
			for _, e := range conv.Entities {
				for _, m := range e.Mentions {
					assert.Equal(t, m.Text, tt.slice(m.Start, m.End))
				}
			}
			back, err := conv.ConvertOffsets(text, whosaid.UnitBytes)
			require.NoError(t, err)
			assert.Equal(t, rec, back, "converting back gives the byte offsets")
		})
	}
	_, err = rec.ConvertOffsets(text[:10], whosaid.UnitRunes)
	assert.Error(t, err, "offsets past the text")
	_, err = rec.ConvertOffsets(text, "points")
	assert.Error(t, err)
}
