package attribution

import (
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file proposes, for the scorer, other ends of a content than the
// one the rules read: a clause after its cue may end at any of its
// breaks (a comma, semicolon, dash or parenthesis outside quotation
// marks), or run on over a break the rules stopped at to the sentence's
// end. "He said the plan was dead, which surprised no one" reports the
// whole or the part before the comma depending on what follows it, and
// the scorer has learned which from the annotation.

// maxCuts bounds the breaks of one content at which a shorter content is
// proposed.
const maxCuts = 4

// isBreak reports whether token t may end a clause.
func isBreak(t tok) bool {
	return t.text == "," || t.text == ";" || t.text == "(" || t.kind == token.Dash
}

// addBoundaries appends to rd.frames, for each frame whose content is one
// clause after its cue, the same frame with the content ending at each of
// its first maxCuts breaks, and at the sentence's end past the break it
// ends on. A copy keeps the frame's rule and its first.
func (rd *reader) addBoundaries() {
	w := &rd.w
	toks := w.toks
	n := len(rd.frames)
	for k := 0; k < n; k++ {
		f := &rd.frames[k]
		a := &f.a
		if a.Extent.Empty() || len(a.Spans) > 1 || a.Cue.Empty() || a.Extent.Start < a.Cue.End {
			continue
		}
		c0, c1 := w.tokenRange(a.Extent)
		if c0 >= c1 || c1 < len(toks) && toks[c1].start < a.Extent.End {
			continue // the content does not end on a token's end
		}
		cuts := 0
		for j := c0 + 2; j < c1 && cuts < maxCuts; j++ {
			if isBreak(toks[j]) && !w.inQuote(j) {
				rd.variant(k, c0, j, "cut")
				cuts++
			}
		}
		if c1 < len(toks) && isBreak(toks[c1]) && !w.inQuote(c1) {
			rd.variant(k, c0, len(toks), "run-on")
		}
	}
}

// variant appends a copy of frame k with its content the tokens [c0, e),
// less the punctuation at their end, named by how it was made.
func (rd *reader) variant(k, c0, e int, how string) {
	toks := rd.w.toks
	for e > c0 {
		if t := toks[e-1]; (t.kind == token.Punct || t.kind == token.Dash) && t.text != ")" {
			e--
			continue
		}
		break
	}
	if e-c0 < 2 {
		return
	}
	f := rd.frames[k]
	setContent(&f.a, span.Of(rd.w.text, toks[c0].start, toks[e-1].end))
	if f.a.Extent == rd.frames[k].a.Extent {
		return
	}
	f.variant = how
	rd.frames = append(rd.frames, f)
}
