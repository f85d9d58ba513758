package attribution

import (
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/span"
)

// classify sets the Type and Quoted of a from the outermost quotations of
// speech qs holds inside its content (a quoted name or title is not the
// speaker's words), and widens the content to whole quotations that cross
// its edges. Quoted is made in buf, which classify returns, grown, for the
// next call: a caller copies Quoted before then.
func classify(text string, qs []*quote.Quote, a *Attribution, buf []span.Span) []span.Span {
	widen(text, qs, a)
	return typeOf(text, qs, a, buf)
}

// typeOf sets the Type and Quoted of a from the quotations of speech
// inside its content, as it stands. Quoted is made in buf, as classify
// makes it.
func typeOf(text string, qs []*quote.Quote, a *Attribution, buf []span.Span) []span.Span {
	c := a.Extent
	// The quotations of speech inside the content. A name or title in
	// quotation marks (the “AUUKUS” alliance) is not the speaker's quoted
	// words.
	inner := buf[:0]
	for _, q := range qs[quoteAfter(qs, c.Start):] {
		if q.Start >= c.End {
			break
		}
		if q.Start >= c.Start && q.End <= c.End && q.Kind == quote.Speech {
			inner = append(inner, q.Inner)
		}
	}
	if len(inner) == 0 {
		a.Type = Indirect
		a.Quoted = nil
		return inner
	}
	a.Quoted = inner
	// Direct when the quotations cover every word of every fragment.
	a.Type = Direct
	for _, f := range a.Spans {
		if !onlyQuoted(text, qs, f) {
			a.Type = Mixed
			break
		}
	}
	return inner
}

// widen stretches the content of a to the whole of the quotations that
// cross its edges.
func widen(text string, qs []*quote.Quote, a *Attribution) {
	c := a.Extent
	for _, q := range qs[quoteAfter(qs, c.Start):] {
		if q.Start >= c.End {
			break
		}
		if q.Start < c.Start && q.End > c.Start && q.End <= c.End+1 {
			c.Start = q.Start
		}
		if q.End > c.End && q.Start >= c.Start {
			c.End = q.End
		}
	}
	if c.Start != a.Extent.Start || c.End != a.Extent.End {
		c = span.Of(text, c.Start, c.End)
		switch len(a.Spans) {
		case 0:
			a.Spans = []span.Span{c}
		case 1:
			a.Spans[0] = c
		default:
			a.Spans[0] = span.Of(text, c.Start, a.Spans[0].End)
			a.Spans[len(a.Spans)-1] = span.Of(text, a.Spans[len(a.Spans)-1].Start, c.End)
		}
		a.Extent = c
	}
	if len(a.Spans) == 0 {
		a.Spans = []span.Span{c}
	}
}

// onlyQuoted reports whether every letter or digit of f lies inside a
// quotation of qs.
func onlyQuoted(text string, qs []*quote.Quote, f span.Span) bool {
	i := f.Start
	for _, q := range qs[quoteAfter(qs, f.Start):] {
		if i >= f.End {
			return true
		}
		if q.End <= i || q.Kind != quote.Speech {
			continue // a quoted name counts as the words around it
		}
		if q.Start >= f.End {
			break
		}
		if q.Start > i && hasWordChar(text[i:q.Start]) {
			return false
		}
		i = q.End
	}
	return i >= f.End || !hasWordChar(text[i:f.End])
}
