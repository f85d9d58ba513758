package whosaid

import "github.com/whosaid/whosaid/span"

// Record is one document in the JSON Lines prediction format that the
// command-line tool writes and the evaluator reads:
// {"id": ..., "quotes": [...]}.
type Record struct {
	ID     string        `json:"id"`
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
			Start: a.Content.Start, End: a.Content.End,
			Spans: pairs(a.Spans), Text: a.Content.Text,
			Speaker:    recordSpan(a.Speaker),
			Cue:        recordSpan(a.Cue),
			Confidence: a.Confidence,
			Rule:       a.Rule,
			Quoted:     pairs(a.Quoted),
			Addressee:  recordSpan(a.Addressee),
			EntityID:   a.Entity.ID,
		}
		if len(q.Spans) == 0 {
			q.Spans = [][2]int{{a.Content.Start, a.Content.End}}
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
