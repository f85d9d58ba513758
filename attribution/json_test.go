package attribution

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/span"
)

// jsonAttribution builds an attribution over text whose fields exercise
// the encoder: offsets cut to the text, every string from it.
func jsonAttribution(text string, s, e int, conf float64, name, rule string) Attribution {
	at := func(a, b int) span.Span {
		a, b = min(max(a, 0), len(text)), min(max(b, 0), len(text))
		return span.Span{Start: min(a, b), End: b, Text: text[min(a, b):b]}
	}
	c := at(s, e)
	return Attribution{
		Text: c.Text, Extent: c, Spans: []span.Span{at(s, (s+e)/2), at((s+e)/2+1, e)},
		Quoted: []span.Span{at(s+1, e-1)}, Type: Mixed,
		Speaker: at(0, s), Entity: Entity{ID: len(name), Name: name},
		Cue: at(e, e+4), Addressee: at(e+5, e+9), Confidence: conf, Rule: rule,
	}
}

// wantJSON is the quote as encoding/json writes its record.
func wantJSON(t testing.TB, a Attribution) ([]byte, error) {
	t.Helper()
	return marshalCompact(a.record())
}

func TestAppendJSON(t *testing.T) {
	text := "Sen. Lopez said “we <won> & “lost”” \\ \"\t\b\f\r\n\x00\x1f\x7f \xff\xc3 \u2028\u2029 é 日本 😀 end of it all."
	for _, c := range []struct {
		name string
		a    Attribution
	}{
		{"zero", Attribution{}},
		{"all fields, every kind of character", jsonAttribution(text, 5, 60, 0.873, "Maria “Lopez”\u2028", "speaker-cue-clause")},
		{"no fragments: the extent", Attribution{Extent: span.Span{Start: 3, End: 9, Text: "abcdef"}, Type: Direct, Confidence: 1}},
		{"no fragments and an empty extent", Attribution{Extent: span.Span{Start: 3, End: 3}, Type: Indirect}},
		{"a speaker known by name only", Attribution{Entity: Entity{ID: 2, Name: "Blinken"}, Confidence: 0.5}},
		{"a speaker mention without a name", Attribution{Speaker: span.Span{Start: 0, End: 2, Text: "he"}}},
		{"a tiny confidence in exponent form", Attribution{Confidence: 1.5e-7}},
		{"a confidence at the cutoff", Attribution{Confidence: 1e-6}},
		{"a huge confidence", Attribution{Confidence: 1e21}},
		{"a negative confidence", Attribution{Confidence: -0.25}},
		{"a type out of range", Attribution{Type: Type(9)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := wantJSON(t, c.a)
			require.NoError(t, err)
			got, err := c.a.AppendJSON([]byte("prefix"))
			require.NoError(t, err)
			assert.Equal(t, "prefix"+string(want), string(got))
			m, err := c.a.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(want), string(m))
		})
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		t.Run("confidence "+strconv.FormatFloat(f, 'g', -1, 64), func(t *testing.T) {
			_, want := wantJSON(t, Attribution{Confidence: f})
			require.Error(t, want)
			b, err := Attribution{Confidence: f}.AppendJSON([]byte("prefix"))
			assert.EqualError(t, err, want.Error())
			assert.Equal(t, "prefix", string(b))
		})
	}
}

// FuzzAppendJSON checks that AppendJSON writes the bytes encoding/json
// writes for the quote's record, on any text and confidence.
func FuzzAppendJSON(f *testing.F) {
	f.Add("Lopez said “we won” & <lost>.", 6, 20, 0.9, "Maria Lopez", "speaker-cue-clause")
	f.Add("\xff\xfe\x00\u2028\u2029\"\\\t\b\f", 1, 8, 1e-9, "\xc3", "")
	f.Add("", 0, 0, 0.0, "", "")
	f.Fuzz(func(t *testing.T, text string, s, e int, conf float64, name, rule string) {
		a := jsonAttribution(text, s, e, conf, name, rule)
		want, wantErr := wantJSON(t, a)
		got, err := a.AppendJSON(nil)
		if wantErr != nil {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	})
}
