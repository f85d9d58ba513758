// Package span defines Span, the byte range every whosaid result carries.
//
// A Span is a half-open range [Start, End) of UTF-8 byte offsets into the
// caller's original, unmodified text, with Text the substring it covers:
//
//	text[s.Start:s.End] == s.Text
//
// The zero Span is the empty span at offset 0; an empty span (End <= Start)
// means "absent" wherever a Span is optional. Span values are immutable and
// safe for concurrent use.
package span

// Span is a byte range of the caller's text and the text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Of returns the span [start, end) of text. It clamps out-of-range bounds
// into [0, len(text)] and never panics; an inverted range yields an empty span.
func Of(text string, start, end int) Span {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start > len(text) {
		start = len(text)
	}
	if end < start {
		end = start
	}
	return Span{Start: start, End: end, Text: text[start:end]}
}

// Empty reports whether s covers no bytes; an empty span stands for "none".
func (s Span) Empty() bool { return s.End <= s.Start }

// Len returns the number of bytes s covers.
func (s Span) Len() int {
	if s.End <= s.Start {
		return 0
	}
	return s.End - s.Start
}

// Contains reports whether s covers the whole of o.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }
