package attribution

import (
	"unsafe"

	"github.com/whosaid/whosaid/span"
)

// found is an attribution as the reader keeps it while it reads a text:
// its spans as offsets into the text, its fragments and quoted words in the
// reader's frags, its rule by number. It holds no pointer, so that the
// collector never scans the attributions of a long text while they
// accumulate, nor the room kept for those still to come, and it takes 64
// bytes where an Attribution takes 272. Offsets are int32, as the token
// stream's are (see [token.MaxText]): a rule finds no span past them.
// [reader.attributions] makes the Attributions at their final number.
type found struct {
	extent, speaker, cue, addressee offsets
	spans, quoted                   fragRef
	confidence                      float64
	rule                            uint16 // index+1 in reader.rules; 0 is ""
	typ                             Type
}

// offsets are the start and end of a span of the text.
type offsets struct{ start, end int32 }

// fragRef locates n spans in the reader's frags, from off. The one
// fragment of most attributions, their extent, is not kept there: its off
// is -1.
type fragRef struct{ off, n int32 }

// whole is the fragRef of a content in one fragment, its extent.
var whole = fragRef{off: -1, n: 1}

func offsetsOf(s span.Span) offsets { return offsets{int32(s.Start), int32(s.End)} }

// span returns the span of the text at o.
func (o offsets) span(text string) span.Span { return span.Of(text, int(o.start), int(o.end)) }

// keep appends a to rd.found, its spans as offsets.
func (rd *reader) keep(a *Attribution) {
	spans := whole
	if len(a.Spans) != 1 || a.Spans[0].Start != a.Extent.Start || a.Spans[0].End != a.Extent.End {
		spans = rd.keepFrags(a.Spans)
	}
	rd.found = append(rd.found, found{
		extent:     offsetsOf(a.Extent),
		speaker:    offsetsOf(a.Speaker),
		cue:        offsetsOf(a.Cue),
		addressee:  offsetsOf(a.Addressee),
		spans:      spans,
		quoted:     rd.keepFrags(a.Quoted),
		confidence: a.Confidence,
		rule:       rd.ruleNumber(a.Rule),
		typ:        a.Type,
	})
}

// keepFrags appends spans to rd.frags and returns where they are.
func (rd *reader) keepFrags(spans []span.Span) fragRef {
	r := fragRef{off: int32(len(rd.frags)), n: int32(len(spans))}
	for _, s := range spans {
		rd.frags = append(rd.frags, offsetsOf(s))
	}
	return r
}

// ruleNumber returns the number of rule in rd.rules, adding it when it is
// new. A text's attributions name a few rules.
func (rd *reader) ruleNumber(rule string) uint16 {
	if rule == "" {
		return 0
	}
	for i, r := range rd.rules {
		if r == rule {
			return uint16(i + 1)
		}
	}
	rd.rules = append(rd.rules, rule)
	return uint16(len(rd.rules))
}

// drop removes the last attribution of rd.found, and its fragments and
// quoted words when they end rd.frags.
func (rd *reader) drop() {
	f := &rd.found[len(rd.found)-1]
	for _, r := range [...]fragRef{f.quoted, f.spans} {
		if r.n > 0 && r.off >= 0 && int(r.off+r.n) == len(rd.frags) {
			rd.frags = rd.frags[:r.off]
		}
	}
	rd.found = rd.found[:len(rd.found)-1]
}

// attribution returns the Attribution of f, with its fragments and quoted
// words in spans, which must have room for them: they are carved from it
// in their order, each slice with no room beyond its end, so that an
// append to one does not write over the next.
func (rd *reader) attribution(f *found, spans []span.Span) (Attribution, []span.Span) {
	text := rd.w.text
	a := Attribution{
		Extent:     f.extent.span(text),
		Speaker:    f.speaker.span(text),
		Cue:        f.cue.span(text),
		Addressee:  f.addressee.span(text),
		Confidence: f.confidence,
		Type:       f.typ,
	}
	if f.rule > 0 {
		a.Rule = rd.rules[f.rule-1]
	}
	a.Spans, spans = rd.carve(f.spans, a.Extent, spans)
	a.Quoted, spans = rd.carve(f.quoted, a.Extent, spans)
	return a, spans
}

// carve makes the spans r locates in spans, and returns them and the
// rest of spans; none is nil.
func (rd *reader) carve(r fragRef, extent span.Span, spans []span.Span) ([]span.Span, []span.Span) {
	if r.n == 0 {
		return nil, spans
	}
	n := int(r.n)
	if r.off < 0 {
		spans[0] = extent
	} else {
		for i, o := range rd.frags[r.off : r.off+r.n] {
			spans[i] = o.span(rd.w.text)
		}
	}
	return spans[:n:n], spans[n:]
}

// attributions makes the Attributions of rd.found at their number, the
// fragments and quoted words of all of them carved from one slice.
func (rd *reader) attributions() []Attribution {
	if len(rd.found) == 0 {
		return nil
	}
	n := 0
	for i := range rd.found {
		n += int(rd.found[i].spans.n + rd.found[i].quoted.n)
	}
	// The larger slice last: when its allocation starts a collection,
	// nothing allocates while it is filled, so that no assist of the
	// collector reads its pages before they are written.
	spans := make([]span.Span, n)
	touch(spans, func(s *span.Span) { s.Start = 0 })
	out := make([]Attribution, len(rd.found))
	touch(out, func(a *Attribution) { a.Confidence = 0 })
	for i := range rd.found {
		out[i], spans = rd.attribution(&rd.found[i], spans)
	}
	return out
}

// touch writes, with set, a field without pointers in one element of every
// page of s, which a long text's slice takes fresh from the system. A page
// that the collector reads first (it scans s, and its write barrier reads
// each pointer that the filling overwrites) is mapped to the zero page and
// copied on the first write, at twice the cost of a page written first.
func touch[T any](s []T, set func(*T)) {
	const page = 4096
	var t T
	step := max(page/int(unsafe.Sizeof(t)), 1)
	for i := 0; i < len(s); i += step {
		set(&s[i])
	}
}
