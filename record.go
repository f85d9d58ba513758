package whosaid

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/whosaid/whosaid/span"
)

// Record is one document in the JSON Lines record format that the
// command-line tool and the server write and the evaluator reads (the
// prediction format of the corpus): {"id": ..., "quotes": [...]}. Its
// json.Marshal is that format; each quote is an [Attribution] (see
// [attribution.Attribution.MarshalJSON]).
type Record struct {
	ID string `json:"id"`
	// Line is the line of the JSON Lines input the document came from,
	// counted from 1; 0 (and left out) for other input.
	Line int `json:"line,omitempty"`
	// Text is the document's text, which the offsets point into. NewRecord
	// leaves it empty (and it is then omitted); set it where the reader does
	// not have the text, as for text taken out of an HTML page.
	Text   string        `json:"text,omitempty"`
	Quotes []Attribution `json:"quotes"`
	// Entities lists the document's speakers, each with all its mentions;
	// see [Entities]. Left out when empty.
	Entities []Entity `json:"entities,omitempty"`
	// Cut is set when only the start of the text was read; see [Cut].
	Cut *Cut `json:"cut,omitempty"`
	// Offsets is the unit of every offset of the record; empty means
	// [UnitBytes]. See [Record.ConvertOffsets].
	Offsets Unit `json:"offsets,omitempty"`
}

// NewRecord returns the record of one document's attributions, with no
// text, entities or cut (see [Extractor.ExtractRecord]).
func NewRecord(id string, attrs []Attribution) Record {
	if attrs == nil {
		attrs = []Attribution{}
	}
	return Record{ID: id, Quotes: attrs}
}

// Entities returns the speakers of attrs, one per Entity.ID, in order of
// ID; attributions with no entity (ID 0) add none.
func Entities(attrs []Attribution) []Entity {
	var out []Entity
	seen := make(map[int]bool)
	for _, a := range attrs {
		if id := a.Entity.ID; id != 0 && !seen[id] {
			seen[id] = true
			out = append(out, a.Entity)
		}
	}
	slices.SortFunc(out, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// MarshalLine encodes r as one line of JSON Lines: compact JSON, HTML
// characters left as they are, ending in a newline. The command-line tool and
// every other writer of prediction files use it, so their bytes agree.
func (r Record) MarshalLine() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(r.sizeHint())
	if err := r.WriteLine(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// quotesField is where the quotes go in the JSON of a record whose quotes
// are empty: no string of the record can hold it, since a quotation mark
// inside a string is escaped.
var quotesField = []byte(`"quotes":[]`)

// WriteLine writes the bytes of r.MarshalLine to w, one quote and one
// entity at a time, so that the JSON of a record with many quotations is
// never held whole; w should be buffered. An error writing to w is
// returned as it is.
func (r Record) WriteLine(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	encode := func(v any) ([]byte, error) {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return nil, fmt.Errorf("whosaid: encode record %q: %w", r.ID, err)
		}
		return buf.Bytes()[:buf.Len()-1], nil // without the newline
	}
	shell := r
	shell.Quotes, shell.Entities = []Attribution{}, nil
	head, err := encode(shell)
	if err != nil {
		return err
	}
	at := bytes.Index(head, quotesField)
	if at < 0 {
		return fmt.Errorf("whosaid: encode record %q: no quotes field", r.ID)
	}
	head = bytes.Clone(head)
	if _, err := w.Write(head[:at+len(quotesField)-1]); err != nil {
		return err
	}
	list := func(n int, elem func(i int) any) error {
		for i := range n {
			b, err := encode(elem(i))
			if err != nil {
				return err
			}
			if i > 0 {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}
	// The quotes, a long text's many, are appended one at a time to one
	// buffer as MarshalJSON writes them, where encoding/json would take
	// memory of its own for each; a quote it cannot encode gives the
	// error encoding/json gives.
	qb := make([]byte, 0, 1024)
	for i := range r.Quotes {
		qb = qb[:0]
		if i > 0 {
			qb = append(qb, ',')
		}
		if qb, err = r.Quotes[i].AppendJSON(qb); err != nil {
			if _, eerr := encode(&r.Quotes[i]); eerr != nil {
				return eerr
			}
			return fmt.Errorf("whosaid: encode record %q: %w", r.ID, err)
		}
		if _, err := w.Write(qb); err != nil {
			return err
		}
	}
	if len(r.Entities) > 0 {
		if _, err := io.WriteString(w, `],"entities":[`); err != nil {
			return err
		}
		if err := list(len(r.Entities), func(i int) any { return &r.Entities[i] }); err != nil {
			return err
		}
	}
	_, err = w.Write(head[at+len(quotesField)-1:])
	if err == nil {
		_, err = io.WriteString(w, "\n")
	}
	return err
}

// sizeHint is about the length of r's JSON, so that encoding it does not
// grow the buffer many times: the texts plus the offsets and field names
// of each quote.
func (r Record) sizeHint() int {
	n := 64 + len(r.ID) + len(r.Text)
	for _, q := range r.Quotes {
		n += 320 + len(q.Text) + len(q.Speaker.Text) + len(q.Entity.Name) + len(q.Cue.Text)
	}
	return n
}

// UnmarshalJSON decodes a record. When it carries its text and byte
// offsets, every span gets its Text from it (fragments and quoted words
// included), and an offset outside the text is an error.
func (r *Record) UnmarshalJSON(b []byte) error {
	type plain Record // without this method
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*r = Record(p)
	if r.Text == "" || (r.Offsets != "" && r.Offsets != UnitBytes) {
		return nil
	}
	return r.fillText()
}

// fillText sets the Text of every span of r's quotes from r.Text.
func (r *Record) fillText() error {
	text := r.Text
	fill := func(s *span.Span) error {
		if s.Empty() {
			return nil
		}
		if s.End > len(text) {
			return fmt.Errorf("whosaid: record %q: span [%d, %d) ends past the text (%d bytes)", r.ID, s.Start, s.End, len(text))
		}
		s.Text = text[s.Start:s.End]
		return nil
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		for _, s := range []*span.Span{&q.Extent, &q.Speaker, &q.Cue, &q.Addressee} {
			if err := fill(s); err != nil {
				return err
			}
		}
		for _, ss := range [][]span.Span{q.Spans, q.Quoted} {
			for j := range ss {
				if err := fill(&ss[j]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Unit is what an offset counts.
type Unit string

// The units of offsets. Go strings index by byte; Python's str by code
// point; JavaScript's and Java's strings by UTF-16 code unit.
const (
	UnitBytes Unit = "bytes"
	UnitRunes Unit = "runes"
	UnitUTF16 Unit = "utf16"
)

// ParseUnit returns the Unit named s: "bytes", "runes" or "utf16".
func ParseUnit(s string) (Unit, error) {
	switch u := Unit(s); u {
	case UnitBytes, UnitRunes, UnitUTF16:
		return u, nil
	}
	return "", fmt.Errorf("unknown offset unit %q: want bytes, runes or utf16", s)
}

// ConvertOffsets returns a copy of r whose offsets (of quotes, fragments,
// quoted words, speakers, cues, addressees, entity mentions and the cut)
// count to rather than r.Offsets, with Offsets set to to; text is the
// document's text. Span texts are unchanged, so that in a converted
// record s.Text is the slice of the text in the new unit (text[s.Start:s.End]
// holds only for bytes). It returns an error when an offset lies past the
// text or inside a character.
func (r Record) ConvertOffsets(text string, to Unit) (Record, error) {
	from := cmp.Or(r.Offsets, UnitBytes)
	if _, err := ParseUnit(string(from)); err != nil {
		return r, fmt.Errorf("whosaid: record %q: %w", r.ID, err)
	}
	if _, err := ParseUnit(string(to)); err != nil {
		return r, fmt.Errorf("whosaid: %w", err)
	}
	out := r.clone()
	out.Offsets = to
	if to == UnitBytes {
		out.Offsets = ""
	}
	if from == to {
		return out, nil
	}
	offs := out.offsets()
	slices.SortFunc(offs, func(a, b *int) int { return cmp.Compare(*a, *b) })
	// One pass over the text, counting in both units.
	var pos [3]int // bytes, runes, utf16 units before i
	index := func(u Unit) int {
		switch u {
		case UnitRunes:
			return 1
		case UnitUTF16:
			return 2
		}
		return 0
	}
	fi, ti := index(from), index(to)
	i := 0
	for _, p := range offs {
		v := *p
		for pos[fi] < v && i < len(text) {
			c, size := utf8.DecodeRuneInString(text[i:])
			i += size
			pos[0] += size
			pos[1]++
			pos[2] += utf16.RuneLen(c) // an invalid byte is one U+FFFD
		}
		if pos[fi] != v {
			return r, fmt.Errorf("whosaid: record %q: offset %d (%s) lies past the text or inside a character", r.ID, v, from)
		}
		*p = pos[ti]
	}
	return out, nil
}

// clone copies r deeply enough that changing its offsets leaves r as it is.
func (r Record) clone() Record {
	out := r
	out.Quotes = slices.Clone(r.Quotes)
	mentions := make(map[int][]span.Span)
	cloneMentions := func(e *Entity) {
		if e.ID == 0 {
			e.Mentions = slices.Clone(e.Mentions)
			return
		}
		m, ok := mentions[e.ID]
		if !ok {
			m = slices.Clone(e.Mentions)
			mentions[e.ID] = m
		}
		e.Mentions = m
	}
	for i := range out.Quotes {
		q := &out.Quotes[i]
		q.Spans = slices.Clone(q.Spans)
		q.Quoted = slices.Clone(q.Quoted)
		cloneMentions(&q.Entity)
	}
	out.Entities = slices.Clone(r.Entities)
	for i := range out.Entities {
		cloneMentions(&out.Entities[i])
	}
	if r.Cut != nil {
		c := *r.Cut
		out.Cut = &c
	}
	return out
}

// offsets returns a pointer to every offset of r, each shared slice of
// mentions once.
func (r *Record) offsets() []*int {
	var out []*int
	addSpan := func(s *span.Span) { out = append(out, &s.Start, &s.End) }
	addAll := func(ss []span.Span) {
		for i := range ss {
			addSpan(&ss[i])
		}
	}
	seen := make(map[*span.Span]bool)
	addMentions := func(ms []span.Span) {
		if len(ms) == 0 || seen[&ms[0]] {
			return
		}
		seen[&ms[0]] = true
		addAll(ms)
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		addSpan(&q.Extent)
		addSpan(&q.Speaker)
		addSpan(&q.Cue)
		addSpan(&q.Addressee)
		addAll(q.Spans)
		addAll(q.Quoted)
		addMentions(q.Entity.Mentions)
	}
	for i := range r.Entities {
		addMentions(r.Entities[i].Mentions)
	}
	if r.Cut != nil {
		out = append(out, &r.Cut.Offset)
	}
	return out
}

// Article is one input document of the JSON Lines input format:
// {"id": ..., "text": ...}. Other fields are ignored. Keys match without
// regard to case, as encoding/json matches struct fields ("Text" is read
// when there is no "text").
type Article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// ParseArticle decodes one JSON Lines input line. It returns an error when
// the line is not a JSON object, when "text" is missing or not a string,
// or when "id" or "text" is not valid Unicode: a raw byte that is not
// UTF-8, or an escape of half a UTF-16 surrogate pair ("\ud800" alone),
// which no character encodes; such text is refused rather than changed.
// The returned Article carries the id whenever the line had a readable
// one, so that an error can name it (with U+FFFD for bytes that are not
// UTF-8).
func ParseArticle(line []byte) (Article, error) {
	if k := jsonKind(line); k != "an object" {
		return Article{}, fmt.Errorf(`not a JSON object {"id": ..., "text": ...} but %s`, k)
	}
	// Only id and text are kept; the decoder skips the other fields
	// without copying them.
	var raw struct {
		ID   json.RawMessage `json:"id"`
		Text json.RawMessage `json:"text"`
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return Article{}, fmt.Errorf("not a JSON object: %w", err)
	}
	var a Article
	if id := raw.ID; id != nil {
		if err := json.Unmarshal(id, &a.ID); err != nil {
			var n json.Number
			if json.Unmarshal(id, &n) != nil {
				return a, errors.New(`"id" is neither a string nor a number`)
			}
			a.ID = n.String()
		}
		if err := checkUnicode("id", id); err != nil {
			return a, err
		}
	}
	t := raw.Text
	if t == nil {
		return a, errors.New(`missing "text"`)
	}
	if err := json.Unmarshal(t, &a.Text); err != nil || bytes.Equal(bytes.TrimSpace(t), []byte("null")) {
		return a, errors.New(`"text" is not a string`)
	}
	if err := checkUnicode("text", t); err != nil {
		a.Text = ""
		return a, err
	}
	return a, nil
}

// jsonKind names the kind of JSON value that b starts with.
func jsonKind(b []byte) string {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return "empty"
	}
	switch c := b[0]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == '-' || '0' <= c && c <= '9':
		return "a number"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	}
	return "not JSON"
}

// checkUnicode reports a raw JSON string value (with its quotes) that is
// not valid UTF-8 or escapes half a surrogate pair.
func checkUnicode(field string, raw []byte) error {
	if !utf8.Valid(raw) {
		i := 0
		for i < len(raw) {
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return fmt.Errorf("%q is not valid UTF-8 (byte %#02x)", field, raw[i])
	}
	if esc := loneSurrogate(raw); esc != "" {
		return fmt.Errorf("%q holds %s, half of a UTF-16 surrogate pair, which is no character", field, esc)
	}
	return nil
}

// loneSurrogate returns the first escape in a JSON string that stands for
// half a surrogate pair ("\ud800" not followed by a low half), or "".
func loneSurrogate(raw []byte) string {
	hex := func(i int) (rune, bool) {
		if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range raw[i+2 : i+6] {
			switch {
			case '0' <= c && c <= '9':
				r = r<<4 | rune(c-'0')
			case 'a' <= c|0x20 && c|0x20 <= 'f':
				r = r<<4 | rune(c|0x20-'a'+10)
			default:
				return 0, false
			}
		}
		return r, true
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		if !ok {
			i++ // another escape: skip its character
			continue
		}
		switch {
		case utf16.IsSurrogate(r) && r < 0xdc00:
			if lo, ok := hex(i + 6); ok && 0xdc00 <= lo && lo <= 0xdfff {
				i += 11
				continue
			}
			return string(raw[i : i+6])
		case utf16.IsSurrogate(r):
			return string(raw[i : i+6])
		}
		i += 5
	}
	return ""
}
