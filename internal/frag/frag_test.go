package frag

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/span"
)

func TestTrim(t *testing.T) {
	text := `He said: “We will win.” Then — nothing.`
	// of returns the span of the first s in text.
	of := func(s string) span.Span {
		k := strings.Index(text, s)
		require.GreaterOrEqual(t, k, 0, s)
		return span.Span{Start: k, End: k + len(s)}
	}
	for _, c := range []struct {
		name string
		fs   []span.Span
		want []string
	}{
		{"quote marks and full stop", []span.Span{of(" “We will win.” ")}, []string{"We will win"}},
		{"white space and colon", []span.Span{of(" said: ")}, []string{"said"}},
		{"only punctuation: left out", []span.Span{of(" — ")}, nil},
		{"out of the text: clipped", []span.Span{{Start: -3, End: 2}}, []string{"He"}},
		{"several", []span.Span{of("He "), of("— nothing.")}, []string{"He", "nothing"}},
		{"in the order of the text", []span.Span{of("— nothing."), of("He ")}, []string{"He", "nothing"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range Trim(text, c.fs) {
				got = append(got, text[f[0]:f[1]])
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestOverlapAndJaccard(t *testing.T) {
	for _, c := range []struct {
		name    string
		a, b    [][2]int
		overlap int
		jaccard float64
	}{
		{"same", [][2]int{{0, 10}}, [][2]int{{0, 10}}, 10, 1},
		{"half", [][2]int{{0, 10}}, [][2]int{{5, 15}}, 5, 5.0 / 15},
		{"apart", [][2]int{{0, 10}}, [][2]int{{10, 20}}, 0, 0},
		{"fragments", [][2]int{{0, 4}, {10, 14}}, [][2]int{{2, 12}}, 4, 4.0 / 14},
		{"empty", nil, nil, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.overlap, Overlap(c.a, c.b))
			assert.InDelta(t, c.jaccard, Jaccard(c.a, c.b), 1e-12)
		})
	}
}
