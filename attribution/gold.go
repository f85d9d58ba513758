package attribution

import (
	"cmp"
	"slices"

	"github.com/whosaid/whosaid/internal/frag"
	"github.com/whosaid/whosaid/span"
)

// goldText holds the attributions a person annotated in a text, as the
// readings of the rules are compared with them in training: spans equal
// after trimming white space and punctuation from their edges, and
// contents that share at least half their bytes (a byte Jaccard of 0.5),
// as the evaluation counts them.
type goldText struct {
	text string
	gold []goldAttr
}

// goldAttr is one annotated attribution, its spans trimmed.
type goldAttr struct {
	content, speaker, cue [][2]int
}

func newGoldText(text string, gold []Attribution) *goldText {
	g := &goldText{text: text, gold: make([]goldAttr, len(gold))}
	for i, a := range gold {
		g.gold[i] = goldAttr{content: frag.Trim(text, fragments(&a)), speaker: frag.Trim(text, []span.Span{a.Speaker}), cue: frag.Trim(text, []span.Span{a.Cue})}
	}
	return g
}

// fragments returns the fragments of a's content.
func fragments(a *Attribution) []span.Span {
	if len(a.Spans) > 0 {
		return a.Spans
	}
	return []span.Span{a.Extent}
}

// match returns the annotated attribution that a reads: the one whose
// content a's overlaps most, with a byte Jaccard of at least 0.5, among
// those whose cue a's cue overlaps (any, for an annotation with no cue or
// a reading with none), and that Jaccard; -1 when none does.
func (g *goldText) match(a *Attribution) (int, float64) {
	c := frag.Trim(g.text, fragments(a))
	cue := frag.Trim(g.text, []span.Span{a.Cue})
	best, bj := -1, 0.0
	for i := range g.gold {
		ga := &g.gold[i]
		if len(cue) > 0 && len(ga.cue) > 0 && frag.Jaccard(cue, ga.cue) == 0 {
			continue
		}
		if j := frag.Jaccard(c, ga.content); j >= 0.5 && j > bj {
			best, bj = i, j
		}
	}
	return best, bj
}

// score rates a as a reading of the text: -1 when its content matches no
// annotated attribution, else the content's Jaccard plus one for the
// right speaker and a half each for the exact content and the exact cue.
func (g *goldText) score(a *Attribution) float64 {
	i, j := g.match(a)
	if i < 0 {
		return -1
	}
	ga := &g.gold[i]
	s := j
	if slices.Equal(frag.Trim(g.text, []span.Span{a.Speaker}), ga.speaker) {
		s++
	}
	if slices.Equal(frag.Trim(g.text, fragments(a)), ga.content) {
		s += 0.5
	}
	if slices.Equal(frag.Trim(g.text, []span.Span{a.Cue}), ga.cue) {
		s += 0.5
	}
	return s
}

// right reports, for each attribution of attrs, whether it is right: its
// content matches an annotated content, each matched once, best first
// (a byte Jaccard of at least 0.5), and its speaker is that annotation's
// (both none counts). Confidence is the probability of this.
func (g *goldText) right(attrs []Attribution) []bool {
	type pair struct {
		g, p int
		j    float64
	}
	var pairs []pair
	for p := range attrs {
		c := frag.Trim(g.text, fragments(&attrs[p]))
		for i := range g.gold {
			if j := frag.Jaccard(c, g.gold[i].content); j >= 0.5 {
				pairs = append(pairs, pair{i, p, j})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.j, a.j), cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	used := make([]bool, len(g.gold))
	out := make([]bool, len(attrs))
	done := make([]bool, len(attrs))
	for _, pr := range pairs {
		if used[pr.g] || done[pr.p] {
			continue
		}
		used[pr.g], done[pr.p] = true, true
		out[pr.p] = slices.Equal(frag.Trim(g.text, []span.Span{attrs[pr.p].Speaker}), g.gold[pr.g].speaker)
	}
	return out
}
