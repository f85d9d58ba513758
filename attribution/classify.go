package attribution

import (
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/span"
)

// classify sets the Type and Quoted of a from the outermost quotations of
// speech qs holds inside its content (a quoted name or title is not the
// speaker's words), and widens the content to whole quotations that cross
// its edges.
func classify(text string, qs []*quote.Quote, a *Attribution) {
	widen(text, qs, a)
	typeOf(text, qs, a)
}

// typeOf sets the Type and Quoted of a from the quotations of speech
// inside its content, as it stands.
func typeOf(text string, qs []*quote.Quote, a *Attribution) {
	c := a.Extent
	// The quotations of speech inside the content: counted, then kept in
	// a slice of their number. A name or title in quotation marks (the
	// “AUUKUS” alliance) is not the speaker's quoted words.
	inside := qs[quoteAfter(qs, c.Start):]
	speech := func(q *quote.Quote) bool { return q.Start >= c.Start && q.End <= c.End && q.Kind == quote.Speech }
	n := 0
	for _, q := range inside {
		if q.Start >= c.End {
			break
		}
		if speech(q) {
			n++
		}
	}
	if n == 0 {
		a.Type = Indirect
		a.Quoted = nil
		return
	}
	inner := make([]span.Span, 0, n)
	for _, q := range inside {
		if len(inner) == n {
			break
		}
		if speech(q) {
			inner = append(inner, q.Inner)
		}
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
		if len(a.Spans) <= 1 {
			a.Spans = []span.Span{c}
		} else {
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
