package attribution

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

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
		g.gold[i] = goldAttr{content: trimFrags(text, fragments(&a)), speaker: trimFrags(text, []span.Span{a.Speaker}), cue: trimFrags(text, []span.Span{a.Cue})}
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
	c := trimFrags(g.text, fragments(a))
	cue := trimFrags(g.text, []span.Span{a.Cue})
	best, bj := -1, 0.0
	for i := range g.gold {
		ga := &g.gold[i]
		if len(cue) > 0 && len(ga.cue) > 0 && jaccard(cue, ga.cue) == 0 {
			continue
		}
		if j := jaccard(c, ga.content); j >= 0.5 && j > bj {
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
	if sameFrags(trimFrags(g.text, []span.Span{a.Speaker}), ga.speaker) {
		s++
	}
	if sameFrags(trimFrags(g.text, fragments(a)), ga.content) {
		s += 0.5
	}
	if sameFrags(trimFrags(g.text, []span.Span{a.Cue}), ga.cue) {
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
		c := trimFrags(g.text, fragments(&attrs[p]))
		for i := range g.gold {
			if j := jaccard(c, g.gold[i].content); j >= 0.5 {
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
		out[pr.p] = sameFrags(trimFrags(g.text, []span.Span{attrs[pr.p].Speaker}), g.gold[pr.g].speaker)
	}
	return out
}

// trimFrags returns the fragments with white space and punctuation
// trimmed from their edges, the empty ones left out.
func trimFrags(text string, fs []span.Span) [][2]int {
	var out [][2]int
	for _, f := range fs {
		a, b := max(f.Start, 0), min(f.End, len(text))
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:b])
			if !trimmable(r) {
				break
			}
			a += n
		}
		for a < b {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if !trimmable(r) {
				break
			}
			b -= n
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

func trimmable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '`' || r == '´' || r == utf8.RuneError
}

func sameFrags(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// jaccard is the byte Jaccard of two fragment lists.
func jaccard(a, b [][2]int) float64 {
	inter, na, nb := 0, 0, 0
	for _, x := range a {
		na += x[1] - x[0]
		for _, y := range b {
			if lo, hi := max(x[0], y[0]), min(x[1], y[1]); hi > lo {
				inter += hi - lo
			}
		}
	}
	for _, y := range b {
		nb += y[1] - y[0]
	}
	if u := na + nb - inter; u > 0 {
		return float64(inter) / float64(u)
	}
	return 0
}
