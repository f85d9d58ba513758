package whosaid

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/whosaid/whosaid/span"
)

// Record is one document in the JSON Lines prediction format that the
// command-line tool writes and the evaluator reads:
// {"id": ..., "quotes": [...]}.
type Record struct {
	ID string `json:"id"`
	// Text is the document's text, which the offsets point into. NewRecord
	// leaves it empty (and it is then omitted); set it where the reader does
	// not have the text, as for text taken out of an HTML page.
	Text   string        `json:"text,omitempty"`
	Quotes []RecordQuote `json:"quotes"`
}

// RecordSpan is a span in the prediction format: start and end byte
// offsets, the fragments of a discontinuous span, its text, and for a
// speaker the resolved canonical name.
type RecordSpan struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
	Name  string   `json:"name,omitempty"`
}

// RecordQuote is one attribution in the prediction format.
type RecordQuote struct {
	Type       string      `json:"type"`
	Start      int         `json:"start"`
	End        int         `json:"end"`
	Spans      [][2]int    `json:"spans"`
	Text       string      `json:"text"`
	Speaker    *RecordSpan `json:"speaker"`
	Cue        *RecordSpan `json:"cue"`
	Confidence float64     `json:"confidence"`
	Rule       string      `json:"rule,omitempty"`
	Quoted     [][2]int    `json:"quoted,omitempty"`
	Addressee  *RecordSpan `json:"addressee,omitempty"`
	EntityID   int         `json:"entity,omitempty"`
}

// NewRecord converts the attributions of one document to a Record.
func NewRecord(id string, attrs []Attribution) Record {
	r := Record{ID: id, Quotes: make([]RecordQuote, 0, len(attrs))}
	for _, a := range attrs {
		q := RecordQuote{
			Type:  a.Type.String(),
			Start: a.Extent.Start, End: a.Extent.End,
			Spans: pairs(a.Spans), Text: a.Extent.Text,
			Speaker:    recordSpan(a.Speaker),
			Cue:        recordSpan(a.Cue),
			Confidence: a.Confidence,
			Rule:       a.Rule,
			Quoted:     pairs(a.Quoted),
			Addressee:  recordSpan(a.Addressee),
			EntityID:   a.Entity.ID,
		}
		if len(q.Spans) == 0 {
			q.Spans = [][2]int{{a.Extent.Start, a.Extent.End}}
		}
		if a.Entity.Name != "" {
			if q.Speaker == nil {
				// A continuation: the speaker is known by name only.
				q.Speaker = &RecordSpan{Spans: [][2]int{}}
			}
			q.Speaker.Name = a.Entity.Name
		}
		r.Quotes = append(r.Quotes, q)
	}
	return r
}

func recordSpan(s span.Span) *RecordSpan {
	if s.Empty() {
		return nil
	}
	return &RecordSpan{Start: s.Start, End: s.End, Spans: [][2]int{{s.Start, s.End}}, Text: s.Text}
}

func pairs(ss []span.Span) [][2]int {
	if len(ss) == 0 {
		return nil
	}
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}

// MarshalLine encodes r as one line of JSON Lines: compact JSON, HTML
// characters left as they are, ending in a newline. The command-line tool and
// every other writer of prediction files use it, so their bytes agree.
func (r Record) MarshalLine() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(r.sizeHint())
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("whosaid: encode record %q: %w", r.ID, err)
	}
	return b.Bytes(), nil
}

// sizeHint is about the length of r's JSON, so that encoding it does not
// grow the buffer many times: the texts plus the offsets and field names
// of each quote.
func (r Record) sizeHint() int {
	n := 64 + len(r.ID) + len(r.Text)
	for _, q := range r.Quotes {
		n += 320 + len(q.Text)
		if q.Speaker != nil {
			n += len(q.Speaker.Text) + len(q.Speaker.Name)
		}
	}
	return n
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
// the line is not a JSON object, when "text" is missing or not a string, or
// when the text is not valid UTF-8; the returned Article carries the id
// whenever the line had a readable one, so that an error can name it.
func ParseArticle(line []byte) (Article, error) {
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
				return a, fmt.Errorf(`"id" is neither a string nor a number`)
			}
			a.ID = n.String()
		}
	}
	t := raw.Text
	if t == nil {
		return a, fmt.Errorf(`missing "text"`)
	}
	if err := json.Unmarshal(t, &a.Text); err != nil || bytes.Equal(bytes.TrimSpace(t), []byte("null")) {
		return a, fmt.Errorf(`"text" is not a string`)
	}
	if !utf8.Valid(t) {
		return a, fmt.Errorf(`"text" is not valid UTF-8`)
	}
	return a, nil
}
