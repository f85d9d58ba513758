package quote

import (
	"errors"
	"fmt"
	"sync"

	"github.com/whosaid/whosaid/internal/option"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Kind tells speech from quoted words that are not speech.
type Kind uint8

const (
	// Speech is a quotation of what someone said or wrote, whole or in part
	// (a single quoted word of a speaker is a mixed quotation and is Speech).
	Speech Kind = iota
	// NotSpeech is a name, title, scare quote, markup value or a span that
	// a noisy scrape put between quote marks by mistake.
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

// Reasons a quotation is given its [Kind]; they are the values of
// [Quote.Reason].
const (
	ReasonSpeech    = "speech"         // quoted words of a speaker
	ReasonName      = "name-or-title"  // “AUUKUS” alliance, CBS’s “Face the Nation”
	ReasonNickname  = "nickname"       // Robert C. “Bobby” Scott
	ReasonScare     = "scare-quote"    // so-called “experts”
	ReasonMarkup    = "markup"         // <tweet author="x">
	ReasonNoWords   = "no-words"       // “1474387200”
	ReasonHeading   = "heading"        // a paragraph that is only a quoted title
	ReasonMention   = "mention"        // a word talked about: "she" is a "he"
	ReasonGarbled   = "attribution"    // “the official said, adding that ...”
	ReasonDialogue  = "dialogue"       // a paragraph opened by a dialogue dash
	ReasonUnclassed = "not-classified" // classification turned off
	ReasonTooLong   = "too-long"       // longer than WithMaxLength allows
)

// Quote is one quotation. Offsets are UTF-8 byte offsets into the text
// given to [Detector.Detect]: text[q.Start:q.End] == q.Text.
type Quote struct {
	// Start, End and Text cover the quotation with its marks. An unclosed
	// quotation ends where the detector gave up on it (see [Detector.Detect])
	// with trailing white space left out.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Inner is the quoted words without the outer marks. For a quotation
	// over several paragraphs it includes the marks that re-open it.
	Inner span.Span `json:"inner"`
	// Open and Close are the marks used; Close is empty when the quotation
	// never closed, and for a dialogue dash closed by its paragraph's end.
	Open  string `json:"open"`
	Close string `json:"close"`
	// Closed reports whether the quotation ended as the text means it to: a
	// closing mark, or the end of a dialogue paragraph.
	Closed bool `json:"closed"`
	// Parts are the pieces of a quotation that runs over several
	// paragraphs, one per paragraph, each from its (re-)opening mark to the
	// end of its paragraph or to the closing mark; nil when the quotation
	// lies in one paragraph.
	Parts []span.Span `json:"parts,omitempty"`
	// FirstSentence and LastSentence index the sentences it spans (-1 when
	// no sentences were given).
	FirstSentence int `json:"first_sentence"`
	LastSentence  int `json:"last_sentence"`
	// FirstParagraph and LastParagraph index the paragraphs it spans, as
	// the sentences number them (-1 when no sentences were given).
	FirstParagraph int `json:"first_paragraph"`
	LastParagraph  int `json:"last_paragraph"`
	// Depth is 0 for an outermost quotation, 1 inside another, and so on.
	Depth int `json:"depth"`
	// Kind says whether the quotation is speech; Score is the confidence in
	// [0,1] that it is speech; Reason names the rule that decided Kind (one
	// of the Reason constants).
	Kind   Kind    `json:"kind"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// Span returns the quotation with its marks as a span.
func (q Quote) Span() span.Span { return span.Span{Start: q.Start, End: q.End, Text: q.Text} }

// Pieces returns q.Parts, or the whole quotation as the one piece when it
// lies in one paragraph.
func (q Quote) Pieces() []span.Span {
	if len(q.Parts) > 0 {
		return q.Parts
	}
	return []span.Span{q.Span()}
}

// Option configures a [Detector].
type Option func(*config)

type config struct {
	maxDepth, maxLength           int
	maxDepthSet, maxLengthSet     bool
	dialogueDash, dialogueDashSet bool
	classify, classifySet         bool
	straight, straightSet         bool
	errs                          []error
}

// MaxDepth is the default limit on nesting; see [WithMaxDepth].
const MaxDepth = 8

// WithMaxDepth limits how deep quotations may nest (default [MaxDepth]);
// an opening mark deeper than that is ignored. n must be in [1, 64];
// giving two different limits is an error from [New].
func WithMaxDepth(n int) Option {
	return func(c *config) {
		if n < 1 || n > 64 {
			c.errs = append(c.errs, fmt.Errorf("WithMaxDepth(%d): out of range [1, 64]", n))
			return
		}
		option.Set(&c.errs, "WithMaxDepth", &c.maxDepth, &c.maxDepthSet, n)
	}
}

// MaxLength is the default limit on the length of a speech quotation; see
// [WithMaxLength].
const MaxLength = 1 << 20

// WithMaxLength sets the longest quotation, in bytes with its marks, that
// may be Speech (default [MaxLength], 1 MiB: a hundred times a long
// quotation). A longer one is still paired and reported, so nesting and
// offsets are unchanged, but it is NotSpeech with Reason [ReasonTooLong]
// and Score 0: in news text it comes from a scrape that lost a mark. n
// must be positive; giving two different lengths is an error from [New].
func WithMaxLength(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.errs = append(c.errs, fmt.Errorf("WithMaxLength(%d): the length must be positive", n))
			return
		}
		option.Set(&c.errs, "WithMaxLength", &c.maxLength, &c.maxLengthSet, n)
	}
}

// WithDialogueDash makes a paragraph (or line) that opens with an em dash,
// en dash or horizontal bar a quotation, as in fiction and in languages
// that mark dialogue so. It runs to the next spaced dash on its line (the
// narrator's aside) or to the line's end. Default false: English news
// opens list items and bylines with a dash. Giving both true and false is
// an error from [New].
func WithDialogueDash(on bool) Option {
	return func(c *config) { option.Set(&c.errs, "WithDialogueDash", &c.dialogueDash, &c.dialogueDashSet, on) }
}

// WithClassification turns the speech/not-speech decision on or off
// (default on). Off, every quotation is Speech with Reason
// [ReasonUnclassed] and Score 0.5. Giving both true and false is an error
// from [New].
func WithClassification(on bool) Option {
	return func(c *config) { option.Set(&c.errs, "WithClassification", &c.classify, &c.classifySet, on) }
}

// WithStraightSingles sets whether straight single marks (') may pair into
// quotations (default true). Off, they are all read as apostrophes, save
// two in a row, which stand for a double mark and still pair. Giving both
// true and false is an error from [New].
func WithStraightSingles(on bool) Option {
	return func(c *config) { option.Set(&c.errs, "WithStraightSingles", &c.straight, &c.straightSet, on) }
}

// Detector finds quotations. It holds no per-call state and is safe for
// concurrent use.
type Detector struct {
	cfg config
}

// ErrOption is wrapped by the error [New] returns for a nil option, an
// out-of-range value or options that conflict.
var ErrOption = errors.New("bad option")

// New returns a Detector configured by opts. It returns an error wrapping
// [ErrOption] when an option is nil or out of range or options conflict
// (the same option given twice with the same value is no conflict). It
// never panics.
func New(opts ...Option) (*Detector, error) {
	d := &Detector{cfg: config{maxDepth: MaxDepth, maxLength: MaxLength, classify: true, straight: true}}
	for i, o := range opts {
		if o == nil {
			d.cfg.errs = append(d.cfg.errs, fmt.Errorf("option %d is nil", i+1))
			continue
		}
		o(&d.cfg)
	}
	if len(d.cfg.errs) > 0 {
		return nil, fmt.Errorf("quote: %w: %w", ErrOption, errors.Join(d.cfg.errs...))
	}
	d.cfg.errs = nil
	return d, nil
}

var defaultDetector = sync.OnceValues(func() (*Detector, error) { return New() })

// Detect finds quotations with the shared default Detector (New with no
// options). It returns nil for empty text, and also in the unexpected case
// that the default Detector cannot be built.
func Detect(text string, sents []sentence.Sentence) []Quote {
	d, err := defaultDetector()
	if err != nil {
		return nil
	}
	return d.Detect(text, sents)
}

// Detect returns the quotations of text, sorted by Start (an outer
// quotation before the inner ones that start with it), properly nested:
// two quotations never cross. Empty text returns nil.
//
// sents are the sentences of text as [sentence.Split] returns them; they
// only place each quotation in its sentences and paragraphs, and may be nil.
// Marks are paired on the raw text: a paragraph break is a blank line; a
// quotation that is still open at the end of a paragraph (or line) and
// re-opened at the start of the next is one quotation over both. An
// unclosed mark ends at the end of its paragraph at the latest: at the end
// of its line when it opened the line, else at the end of its sentence, or
// before the next opening mark of its kind that cannot nest in it (and
// never before the end of a quotation that closed inside it). Quotations
// with no letter or digit inside are left out.
func (d *Detector) Detect(text string, sents []sentence.Sentence) []Quote {
	if len(text) == 0 {
		return nil
	}
	p := parsers.Get().(*parser)
	p.reset(text, &d.cfg)
	p.run()
	out := p.finish()
	p.reset("", nil)
	parsers.Put(p)
	for i := range out {
		q := &out[i]
		locate(q, sents)
		switch {
		case q.End-q.Start > d.cfg.maxLength:
			q.Kind, q.Score, q.Reason = NotSpeech, 0, ReasonTooLong
		case d.cfg.classify:
			classify(text, q)
		default:
			q.Kind, q.Score, q.Reason = Speech, 0.5, ReasonUnclassed
		}
	}
	return out
}

// locate fills the sentence and paragraph indexes of q.
func locate(q *Quote, sents []sentence.Sentence) {
	q.FirstSentence, q.LastSentence, q.FirstParagraph, q.LastParagraph = -1, -1, -1, -1
	if len(sents) == 0 {
		return
	}
	// First sentence that ends after Start; last that starts before End.
	lo, hi := 0, len(sents)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if sents[m].End > q.Start {
			hi = m
		} else {
			lo = m + 1
		}
	}
	f := lo
	lo, hi = 0, len(sents)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if sents[m].Start < q.End {
			lo = m + 1
		} else {
			hi = m
		}
	}
	l := lo - 1
	if f >= len(sents) {
		f = len(sents) - 1
	}
	if l < 0 {
		l = 0
	}
	if l < f {
		l = f
	}
	q.FirstSentence, q.LastSentence = f, l
	q.FirstParagraph, q.LastParagraph = sents[f].Paragraph, sents[l].Paragraph
}
