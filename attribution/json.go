package attribution

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/whosaid/whosaid/span"
)

// spanJSON is a span object of the record format: the offsets, the
// fragments (one for every span the stages return), the text and, for a
// speaker, the resolved name.
type spanJSON struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
	Name  string   `json:"name,omitempty"`
}

// nameJSON is a speaker known by name only: a continuation of a turn whose
// speaker has no mention of its own.
type nameJSON struct {
	Name string `json:"name"`
}

// quoteJSON is an Attribution in the record format, field for field in
// the format's order.
type quoteJSON struct {
	Type       Type      `json:"type"`
	Start      int       `json:"start"`
	End        int       `json:"end"`
	Spans      [][2]int  `json:"spans"`
	Text       string    `json:"text"`
	Speaker    any       `json:"speaker"` // *spanJSON, nameJSON or nil
	Cue        *spanJSON `json:"cue"`
	Confidence float64   `json:"confidence"`
	Rule       string    `json:"rule,omitempty"`
	Quoted     [][2]int  `json:"quoted,omitempty"`
	Addressee  *spanJSON `json:"addressee,omitempty"`
	Entity     int       `json:"entity,omitempty"`
}

// MarshalJSON encodes a as one quote of the JSON Lines record format that
// the command-line tool writes and eval reads (see the corpus format):
//
//	{"type": "direct", "start": 0, "end": 30, "spans": [[0, 30]],
//	 "text": "“We will not raise taxes,”",
//	 "speaker": {"start": 31, "end": 51, "spans": [[31, 51]],
//	             "text": "Governor Maria Lopez", "name": "Maria Lopez"},
//	 "cue": {"start": 52, "end": 56, "spans": [[52, 56]], "text": "said"},
//	 "confidence": 0.9, "rule": "quote-speaker-cue", "quoted": [[3, 27]],
//	 "entity": 1}
//
// "start" and "end" are Extent's offsets, "spans" the fragments and "text"
// is [Attribution.Text]. "speaker" is null when there is neither a
// mention nor a resolved name, and {"name": ...} alone when the speaker is
// known by name only; "cue" is null when empty; "addressee" is left out
// when empty; "entity" is Entity.ID, left out when 0.
func (a Attribution) MarshalJSON() ([]byte, error) { return a.AppendJSON(nil) }

// AppendJSON appends the JSON of a, as MarshalJSON returns it, to b, and
// returns the extended buffer: a writer of many quotes encodes them all
// into one buffer, where encoding/json would build each in memory of its
// own, twice (the 8 MiB news article has 30,000 quotes; a hostile text
// millions). A Confidence that is not a number is an error, as
// encoding/json makes it.
func (a Attribution) AppendJSON(b []byte) ([]byte, error) {
	if math.IsNaN(a.Confidence) || math.IsInf(a.Confidence, 0) {
		_, err := marshalCompact(a.record()) // encoding/json's error
		return b, err
	}
	b = append(b, `{"type":`...)
	b = appendString(b, a.Type.String())
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(a.Extent.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(a.Extent.End), 10)
	b = append(b, `,"spans":`...)
	switch {
	case len(a.Spans) > 0:
		b = appendPairs(b, a.Spans)
	case a.Extent.Empty():
		b = append(b, "[]"...)
	default:
		b = appendPair(append(b, '['), a.Extent.Start, a.Extent.End)
		b = append(b, ']')
	}
	b = append(b, `,"text":`...)
	b = appendString(b, a.Text)
	b = append(b, `,"speaker":`...)
	switch {
	case !a.Speaker.Empty():
		b = appendSpanObject(b, a.Speaker, a.Entity.Name)
	case a.Entity.Name != "":
		b = appendString(append(b, `{"name":`...), a.Entity.Name)
		b = append(b, '}')
	default:
		b = append(b, "null"...)
	}
	b = append(b, `,"cue":`...)
	if a.Cue.Empty() {
		b = append(b, "null"...)
	} else {
		b = appendSpanObject(b, a.Cue, "")
	}
	b = append(b, `,"confidence":`...)
	b = appendFloat(b, a.Confidence)
	if a.Rule != "" {
		b = appendString(append(b, `,"rule":`...), a.Rule)
	}
	if len(a.Quoted) > 0 {
		b = appendPairs(append(b, `,"quoted":`...), a.Quoted)
	}
	if !a.Addressee.Empty() {
		b = appendSpanObject(append(b, `,"addressee":`...), a.Addressee, "")
	}
	if a.Entity.ID != 0 {
		b = strconv.AppendInt(append(b, `,"entity":`...), int64(a.Entity.ID), 10)
	}
	return append(b, '}'), nil
}

// record returns a as the struct that encoding/json encodes as
// AppendJSON writes it.
func (a Attribution) record() quoteJSON {
	q := quoteJSON{
		Type: a.Type, Start: a.Extent.Start, End: a.Extent.End,
		Spans: pairs(a.Spans), Text: a.Text,
		Cue:        spanObject(a.Cue),
		Confidence: a.Confidence,
		Rule:       a.Rule,
		Quoted:     pairs(a.Quoted),
		Addressee:  spanObject(a.Addressee),
		Entity:     a.Entity.ID,
	}
	if len(q.Spans) == 0 {
		q.Spans = [][2]int{}
		if !a.Extent.Empty() {
			q.Spans = [][2]int{{a.Extent.Start, a.Extent.End}}
		}
	}
	switch s := spanObject(a.Speaker); {
	case s != nil:
		s.Name = a.Entity.Name
		q.Speaker = s
	case a.Entity.Name != "":
		q.Speaker = nameJSON{a.Entity.Name}
	}
	return q
}

// appendSpanObject appends the span object of s, a spanJSON, with its
// name when name is not empty.
func appendSpanObject(b []byte, s span.Span, name string) []byte {
	b = append(b, `{"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	b = appendPair(append(b, `,"spans":[`...), s.Start, s.End)
	b = appendString(append(b, `],"text":`...), s.Text)
	if name != "" {
		b = appendString(append(b, `,"name":`...), name)
	}
	return append(b, '}')
}

// appendPairs appends the [start,end] offsets of spans as a JSON array.
func appendPairs(b []byte, spans []span.Span) []byte {
	b = append(b, '[')
	for i, s := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendPair(b, s.Start, s.End)
	}
	return append(b, ']')
}

func appendPair(b []byte, start, end int) []byte {
	b = strconv.AppendInt(append(b, '['), int64(start), 10)
	b = strconv.AppendInt(append(b, ','), int64(end), 10)
	return append(b, ']')
}

// appendFloat appends f as encoding/json writes a float64 that is a
// number: like %g, with the exponent cutoffs of ES6 and an exponent not
// padded to two digits.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 as e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendString appends s as a JSON string as encoding/json writes it with
// HTML characters left as they are: quote marks and backslashes escaped,
// control characters as \b \f \n \r \t or \u00XX, invalid UTF-8 as
// \ufffd, and U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// marshalCompact encodes v as compact JSON with HTML characters left as
// they are, as the record writers encode the rest of a record.
func marshalCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'}), nil
}

func spanObject(s span.Span) *spanJSON {
	if s.Empty() {
		return nil
	}
	return &spanJSON{Start: s.Start, End: s.End, Spans: [][2]int{{s.Start, s.End}}, Text: s.Text}
}

// pairs returns the [start, end] offsets of spans, nil for none.
func pairs(spans []span.Span) [][2]int {
	if len(spans) == 0 {
		return nil
	}
	out := make([][2]int, len(spans))
	for i, s := range spans {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}

// spanIn reads a span object, gold or predicted: offsets may be missing (a
// speaker known by name only) and "spans" may list several fragments.
type spanIn struct {
	Start *int     `json:"start"`
	End   *int     `json:"end"`
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
	Name  string   `json:"name"`
}

type quoteIn struct {
	Type       Type     `json:"type"`
	Start      *int     `json:"start"`
	End        *int     `json:"end"`
	Spans      [][2]int `json:"spans"`
	Text       string   `json:"text"`
	Speaker    *spanIn  `json:"speaker"`
	Cue        *spanIn  `json:"cue"`
	Confidence float64  `json:"confidence"`
	Rule       string   `json:"rule"`
	Quoted     [][2]int `json:"quoted"`
	Addressee  *spanIn  `json:"addressee"`
	Entity     int      `json:"entity"`
}

// UnmarshalJSON decodes one quote of the record format, as MarshalJSON
// writes it and as gold files have it. A span's Text is the "text" the
// JSON gives; fragments and quoted words carry their offsets, and their
// text only where the JSON gives it (a content of one fragment), since the
// document's text is not at hand. A span object with "spans" but no
// "start" or "end" covers its fragments, and so does one whose "start" is
// after its "end" (gold may list fragments out of textual order);
// "speaker"'s "name" is Entity.Name. Other offsets that are negative or
// inverted are an error.
func (a *Attribution) UnmarshalJSON(b []byte) error {
	var q quoteIn
	if err := json.Unmarshal(b, &q); err != nil {
		return err
	}
	ext, err := cover(q.Start, q.End, q.Spans)
	if err != nil {
		return fmt.Errorf("attribution: content: %w", err)
	}
	*a = Attribution{
		Text: q.Text, Extent: ext, Type: q.Type,
		Confidence: q.Confidence, Rule: q.Rule,
		Entity: Entity{ID: q.Entity},
	}
	if a.Spans, err = fromPairs(q.Spans); err != nil {
		return fmt.Errorf("attribution: spans: %w", err)
	}
	if a.Quoted, err = fromPairs(q.Quoted); err != nil {
		return fmt.Errorf("attribution: quoted: %w", err)
	}
	if len(a.Spans) == 0 && !ext.Empty() {
		a.Spans = []span.Span{ext}
	}
	if len(a.Spans) == 1 && a.Spans[0].Start == ext.Start && a.Spans[0].End == ext.End {
		a.Spans[0].Text, a.Extent.Text = q.Text, q.Text
	}
	for _, f := range []struct {
		name string
		in   *spanIn
		out  *span.Span
	}{{"speaker", q.Speaker, &a.Speaker}, {"cue", q.Cue, &a.Cue}, {"addressee", q.Addressee, &a.Addressee}} {
		if f.in == nil {
			continue
		}
		s, err := cover(f.in.Start, f.in.End, f.in.Spans)
		if err != nil {
			return fmt.Errorf("attribution: %s: %w", f.name, err)
		}
		s.Text = f.in.Text
		*f.out = s
	}
	if q.Speaker != nil {
		a.Entity.Name = q.Speaker.Name
	}
	return nil
}

// cover returns the span of the given offsets, else the span that covers
// the fragments (gold may list fragments out of textual order, with
// "start" after "end"), else the empty span.
func cover(start, end *int, frags [][2]int) (span.Span, error) {
	var s span.Span
	switch {
	case start != nil && end != nil && *start <= *end:
		s = span.Span{Start: *start, End: *end}
	case len(frags) > 0:
		s = span.Span{Start: frags[0][0], End: frags[0][1]}
		for _, f := range frags[1:] {
			s.Start, s.End = min(s.Start, f[0]), max(s.End, f[1])
		}
	case start != nil && end != nil:
		return span.Span{}, fmt.Errorf("offsets [%d, %d) are inverted", *start, *end)
	default:
		return s, nil
	}
	if s.Start < 0 || s.End < s.Start {
		return span.Span{}, fmt.Errorf("offsets [%d, %d) are negative or inverted", s.Start, s.End)
	}
	return s, nil
}

func fromPairs(ps [][2]int) ([]span.Span, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	out := make([]span.Span, len(ps))
	for i, p := range ps {
		if p[0] < 0 || p[1] < p[0] {
			return nil, fmt.Errorf("offsets [%d, %d) are negative or inverted", p[0], p[1])
		}
		out[i] = span.Span{Start: p[0], End: p[1]}
	}
	return out, nil
}
