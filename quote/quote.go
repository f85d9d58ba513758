// Package quote finds quotations in text: it pairs quote marks into
// quotations across sentences and paragraphs and tells speech from quoted
// words that are not speech (a name or title in quote marks, scare quotes).
//
// Every [Quote] carries UTF-8 byte offsets into the caller's text:
// text[q.Start:q.End] == q.Text. Empty input returns no quotations.
package quote

import (
	"sync"

	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Kind tells speech from quoted words that are not speech.
type Kind uint8

const (
	// Speech is a quotation of what someone said or wrote.
	Speech Kind = iota
	// NotSpeech is a name, title, scare quote or quoted word in quote marks.
	NotSpeech
)

// String returns "speech" or "not-speech".
func (k Kind) String() string {
	if k == NotSpeech {
		return "not-speech"
	}
	return "speech"
}

// MarshalText encodes k as its String.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Quote is one quotation.
type Quote struct {
	// Start, End and Text cover the quotation with its marks.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Inner is the quoted words without the outer marks.
	Inner span.Span `json:"inner"`
	// Open and Close are the marks used; Close is empty when the quotation
	// never closed.
	Open  string `json:"open"`
	Close string `json:"close"`
	// Closed reports whether a closing mark was found.
	Closed bool `json:"closed"`
	// FirstSentence and LastSentence index the sentences it spans (-1 when
	// no sentences were given).
	FirstSentence int `json:"first_sentence"`
	LastSentence  int `json:"last_sentence"`
	// FirstParagraph and LastParagraph index the paragraphs it spans.
	FirstParagraph int `json:"first_paragraph"`
	LastParagraph  int `json:"last_paragraph"`
	// Depth is 0 for an outermost quotation, 1 inside another, and so on.
	Depth int `json:"depth"`
	// Kind says whether the quotation is speech; Score is the confidence in
	// [0,1] that it is speech.
	Kind  Kind    `json:"kind"`
	Score float64 `json:"score"`
}

// Span returns the quotation with its marks as a span.
func (q Quote) Span() span.Span { return span.Span{Start: q.Start, End: q.End, Text: q.Text} }

// Option configures a [Detector].
type Option func(*config)

type config struct{}

// Detector finds quotations. It is safe for concurrent use.
type Detector struct {
	cfg config
}

// New returns a Detector configured by opts.
func New(opts ...Option) (*Detector, error) {
	d := &Detector{}
	for _, o := range opts {
		o(&d.cfg)
	}
	return d, nil
}

var defaultDetector = sync.OnceValue(func() *Detector {
	d, err := New()
	if err != nil {
		panic("quote: default detector: " + err.Error())
	}
	return d
})

// Detect finds quotations with the shared default Detector.
func Detect(text string, sents []sentence.Sentence) []Quote {
	return defaultDetector().Detect(text, sents)
}

// Detect returns the quotations of text in order of their start. sents are
// the sentences of text as sentence.Split returns them; they place each
// quotation in its sentences and paragraphs.
func (d *Detector) Detect(text string, sents []sentence.Sentence) []Quote {
	var out []Quote
	open := -1
	var openMark string
	for i := 0; i < len(text); i++ {
		m, n := mark(text, i)
		if n == 0 {
			continue
		}
		switch {
		case open < 0 && (m == "“" || m == `"`):
			open, openMark = i, m
		case open >= 0 && (m == "”" && openMark == "“" || m == `"` && openMark == `"`):
			end := i + n
			out = append(out, d.newQuote(text, sents, open, end, openMark, m))
			open = -1
		}
		i += n - 1
	}
	return out
}

func (d *Detector) newQuote(text string, sents []sentence.Sentence, start, end int, open, close string) Quote {
	q := Quote{
		Start: start, End: end, Text: text[start:end],
		Inner: span.Of(text, start+len(open), end-len(close)),
		Open:  open, Close: close, Closed: close != "",
		FirstSentence: -1, LastSentence: -1, FirstParagraph: -1, LastParagraph: -1,
		Kind: Speech, Score: 0.5,
	}
	if f := sentence.Locate(sents, start); f >= 0 {
		q.FirstSentence, q.FirstParagraph = f, sents[f].Paragraph
	}
	if l := sentence.Locate(sents, end-1); l >= 0 {
		q.LastSentence, q.LastParagraph = l, sents[l].Paragraph
	}
	return q
}

func mark(text string, i int) (string, int) {
	if text[i] == '"' {
		return `"`, 1
	}
	if len(text)-i >= 3 && text[i] == 0xE2 && text[i+1] == 0x80 {
		switch text[i+2] {
		case 0x9C:
			return "“", 3
		case 0x9D:
			return "”", 3
		}
	}
	return "", 0
}
