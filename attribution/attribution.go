// Package attribution links each quotation, and each reported (indirect)
// speech clause, to its speaker: the mention as written, the entity it
// stands for, the cue, the addressee, a confidence and the rule that decided.
//
// Every span carries UTF-8 byte offsets into the caller's text:
// text[s.Start:s.End] == s.Text. Empty input returns no attributions.
package attribution

import (
	"sync"

	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Type is the kind of reported speech.
type Type uint8

const (
	// Direct: the content is one quoted passage.
	Direct Type = iota
	// Mixed: reported speech that contains quoted words.
	Mixed
	// Indirect: reported speech with no quote marks.
	Indirect
)

var typeNames = [...]string{Direct: "direct", Mixed: "mixed", Indirect: "indirect"}

// String returns "direct", "mixed" or "indirect".
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// MarshalText encodes t as its String.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Entity is a speaker: the mentions of the text that stand for one person or
// organization, under one canonical name.
type Entity struct {
	// ID numbers the entities of one text from 1; 0 means no entity.
	ID int `json:"id"`
	// Name is the canonical name: the fullest proper name among the
	// mentions ("Antony Blinken"), else the fullest description ("a senior
	// State Department official").
	Name string `json:"name"`
	// Mentions lists every mention of the entity in the text, in order.
	Mentions []span.Span `json:"mentions"`
}

// Attribution is one quotation or reported claim and who said it.
type Attribution struct {
	// Content is the quotation with its marks (direct) or the reported
	// clause (mixed, indirect). Spans lists its fragments when it is
	// interrupted ("“...,” she said, “...”"); it has at least one element.
	Content span.Span   `json:"content"`
	Spans   []span.Span `json:"spans"`
	// Quoted lists the quoted words inside Content without their marks.
	Quoted []span.Span `json:"quoted,omitempty"`
	Type   Type        `json:"type"`
	// Speaker is the speaker mention as written ("he", "the official");
	// empty when the text names no speaker for this attribution.
	Speaker span.Span `json:"speaker"`
	// Entity is the resolved speaker; Entity.ID is 0 when unresolved.
	Entity Entity `json:"entity"`
	// Cue is the cue ("said", "according to", ":"); empty for a
	// continuation of the previous speaker's turn.
	Cue span.Span `json:"cue"`
	// Addressee is who was spoken to ("told Blinken"), or empty.
	Addressee span.Span `json:"addressee"`
	// Confidence is in [0,1].
	Confidence float64 `json:"confidence"`
	// Rule names the rule that decided.
	Rule string `json:"rule"`
}

// Option configures a [Resolver].
type Option func(*config)

type config struct{}

// Resolver attributes quotations and reported speech. It is safe for
// concurrent use.
type Resolver struct {
	cfg config
}

// New returns a Resolver configured by opts.
func New(opts ...Option) (*Resolver, error) {
	r := &Resolver{}
	for _, o := range opts {
		o(&r.cfg)
	}
	return r, nil
}

var defaultResolver = sync.OnceValue(func() *Resolver {
	r, err := New()
	if err != nil {
		panic("attribution: default resolver: " + err.Error())
	}
	return r
})

// Resolve attributes with the shared default Resolver.
func Resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	return defaultResolver().Resolve(text, sents, qs)
}

// Resolve returns the attributions of text in order of their content's
// start. sents and qs are the sentences and quotations of text as
// sentence.Split and quote.Detect return them.
func (r *Resolver) Resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	var out []Attribution
	for _, q := range qs {
		if q.Kind != quote.Speech || q.Depth > 0 {
			continue
		}
		a := Attribution{
			Content: q.Span(), Spans: []span.Span{q.Span()},
			Quoted: []span.Span{q.Inner}, Type: Direct,
			Confidence: 0.3, Rule: "quote-said",
		}
		if c, s, ok := saidAfter(text, q.End); ok {
			a.Cue, a.Speaker, a.Confidence = c, s, 0.6
		}
		out = append(out, a)
	}
	resolveEntities(text, sents, out)
	return out
}

// saidAfter finds ", NAME said" or ", said NAME" right after a quotation.
func saidAfter(text string, i int) (cue, speaker span.Span, ok bool) {
	w := words(text, i, 6)
	for k, wd := range w {
		if wd.Text == "said" || wd.Text == "says" {
			cue = wd
			if k > 0 {
				return cue, span.Of(text, w[0].Start, w[k-1].End), true
			}
			if k+1 < len(w) {
				return cue, w[k+1], true
			}
		}
	}
	return cue, speaker, false
}

// words returns up to n words of letters after offset i, stopping at a full
// stop.
func words(text string, i, n int) []span.Span {
	var out []span.Span
	for i < len(text) && len(out) < n {
		c := text[i]
		if c == '.' || c == '"' || c == '\n' {
			break
		}
		if isLetter(c) {
			j := i
			for j < len(text) && (isLetter(text[j]) || text[j] == '-') {
				j++
			}
			out = append(out, span.Of(text, i, j))
			i = j
			continue
		}
		i++
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
