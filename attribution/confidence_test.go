package attribution

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// TestShared checks the byte Jaccard of two contents of one or more
// fragments.
func TestShared(t *testing.T) {
	const text = "0123456789abcdefghij"
	sp := func(s, e int) span.Span { return span.Of(text, s, e) }
	tests := []struct {
		name string
		a, b []span.Span
		want float64
	}{
		{"equal", []span.Span{sp(0, 10)}, []span.Span{sp(0, 10)}, 1},
		{"apart", []span.Span{sp(0, 5)}, []span.Span{sp(5, 10)}, 0},
		{"nested", []span.Span{sp(0, 10)}, []span.Span{sp(5, 10)}, 0.5},
		{"crossing", []span.Span{sp(0, 6)}, []span.Span{sp(3, 9)}, 3.0 / 9},
		{"fragments", []span.Span{sp(0, 4), sp(8, 12)}, []span.Span{sp(2, 10)}, 4.0 / 12},
		{"empty", nil, []span.Span{sp(0, 4)}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.want, shared(tc.a, tc.b), 1e-9)
			assert.InDelta(t, tc.want, shared(tc.b, tc.a), 1e-9, "symmetric")
		})
	}
}

// TestDropShared checks that of attributions whose contents share more
// than maxShared of their bytes, the one of higher confidence stands (the
// earlier, of equal confidence), that one dropped drops nothing, that a
// direct quotation stands whatever shares its words, and that contents
// that share less stand side by side.
func TestDropShared(t *testing.T) {
	text := string(make([]byte, 200))
	type in struct {
		start, end int
		conf       float64
		typ        Type
	}
	tests := []struct {
		name string
		in   []in
		want []int // the indexes of in that stand
	}{
		{"one", []in{{0, 100, 0.5, Indirect}}, []int{0}},
		{"apart", []in{{0, 50, 0.5, Indirect}, {50, 100, 0.9, Indirect}}, []int{0, 1}},
		{"nested, the outer surer", []in{{0, 100, 0.9, Indirect}, {20, 100, 0.6, Indirect}}, []int{0}},
		{"nested, the inner surer", []in{{0, 100, 0.6, Indirect}, {20, 100, 0.9, Indirect}}, []int{1}},
		{"equal confidence, the earlier", []in{{0, 100, 0.7, Mixed}, {10, 100, 0.7, Mixed}}, []int{0}},
		{"sharing little", []in{{0, 100, 0.9, Indirect}, {70, 100, 0.6, Indirect}}, []int{0, 1}},
		// The middle one is dropped by the first, and so does not drop
		// the last, which shares with it but not with the first.
		{"chain", []in{{0, 60, 0.9, Indirect}, {10, 90, 0.8, Indirect}, {40, 120, 0.7, Indirect}}, []int{0, 2}},
		{"direct stands", []in{{0, 100, 0.9, Mixed}, {10, 100, 0.5, Direct}}, []int{0, 1}},
		{"direct surer", []in{{0, 100, 0.5, Mixed}, {10, 100, 0.9, Direct}}, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rd := &reader{}
			for i, a := range tc.in {
				ext := span.Of(text, a.start, a.end)
				rd.out = append(rd.out, Attribution{Extent: ext, Spans: []span.Span{ext}, Confidence: a.conf, Type: a.typ, Rule: string(rune('a' + i))})
			}
			rd.dropShared()
			var got []int
			for _, a := range rd.out {
				got = append(got, int(a.Rule[0]-'a'))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestNestedReadOnce checks, with the model, that a clause reported
// inside another is not read twice when the inner reading would take
// most of the outer's words, and that it is read when it takes few.
func TestNestedReadOnce(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("built without a model")
	}
	r, err := New()
	require.NoError(t, err)
	tests := []struct {
		text string
		cues []string
	}{
		{"Trump said that Clinton once described the trade deal as “the gold standard” of trade deals when she was secretary of state.", []string{"said"}},
		{"She says Trump’s early-morning tweets accusing Alicia Machado of having a criminal record are “lies and conspiracy theories.”", []string{"says"}},
		// "gratitude to the former Miss Universe" is a small part of what
		// the spokesman says.
		{"Clinton spokesman Nick Merrill says that Hillary Clinton called Alicia Machado on Friday to express gratitude to the former Miss Universe.", []string{"says", "express"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			sents := sentence.Split(tc.text)
			var cues []string
			for _, a := range r.Resolve(tc.text, sents, quote.Detect(tc.text, sents)) {
				cues = append(cues, a.Cue.Text)
			}
			assert.Equal(t, tc.cues, cues)
		})
	}
}
