package sentence

import (
	"testing"
)

// onlySpace reports whether s is all white space, as the splitter counts it.
func onlySpace(s string) bool {
	for i := 0; i < len(s); {
		w := spaceLen(s, i)
		if w == 0 {
			return false
		}
		i += w
	}
	return true
}

// checkInvariants fails tb unless sents is a valid split of text: in order,
// non-overlapping, in bounds, text[Start:End] == Text, trimmed, nothing but
// white space between and around sentences, and paragraph indexes that
// start at 0 and grow by at most one.
func checkInvariants(tb testing.TB, text string, sents []Sentence) {
	tb.Helper()
	prevEnd, prevPara := 0, 0
	for i, s := range sents {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
			tb.Fatalf("sentence %d [%d:%d] out of order or bounds (previous end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			tb.Fatalf("sentence %d: text[%d:%d] != Text %q", i, s.Start, s.End, s.Text)
		}
		if spaceLen(s.Text, 0) > 0 || lastSpaceLen(s.Text) > 0 {
			tb.Fatalf("sentence %d %q is not trimmed", i, s.Text)
		}
		if !onlySpace(text[prevEnd:s.Start]) {
			tb.Fatalf("sentence %d: non-space %q lost before it", i, text[prevEnd:s.Start])
		}
		want := prevPara
		if i == 0 {
			want = 0
		}
		if s.Paragraph != want && s.Paragraph != want+1 || i == 0 && s.Paragraph != 0 {
			tb.Fatalf("sentence %d: paragraph %d after %d", i, s.Paragraph, prevPara)
		}
		prevEnd, prevPara = s.End, s.Paragraph
	}
	if !onlySpace(text[prevEnd:]) {
		tb.Fatalf("non-space %q lost after the last sentence", text[prevEnd:])
	}
	ps := Paragraphs(text, sents)
	for i, p := range ps {
		if p.Text != text[p.Start:p.End] || p.First > p.Last || sents[p.First].Paragraph != i || sents[p.Last].Paragraph != i {
			tb.Fatalf("paragraph %d %+v inconsistent", i, p)
		}
	}
}
