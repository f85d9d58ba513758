package attribution

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/option"
	"github.com/whosaid/whosaid/internal/tagger"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Type is the kind of reported speech. The zero value is [Unknown]: a
// Resolver never returns it.
type Type uint8

const (
	// Unknown: no type is known (the zero value).
	Unknown Type = iota
	// Direct: the content is one quoted passage.
	Direct
	// Mixed: reported speech that contains quoted words.
	Mixed
	// Indirect: reported speech with no quote marks.
	Indirect
)

var typeNames = [...]string{Unknown: "unknown", Direct: "direct", Mixed: "mixed", Indirect: "indirect"}

// String returns "direct", "mixed", "indirect" or "unknown".
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// MarshalText encodes t as its String.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes a type from its String; "" and "unknown" are
// [Unknown], any other name is an error.
func (t *Type) UnmarshalText(b []byte) error {
	for i, n := range typeNames {
		if string(b) == n {
			*t = Type(i)
			return nil
		}
	}
	if len(b) == 0 {
		*t = Unknown
		return nil
	}
	return fmt.Errorf("attribution: unknown type %q: want direct, mixed or indirect", b)
}

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

// Attribution is one quotation or reported claim and who said it. Its
// json.Marshal is one quote of the JSON Lines record format (see
// MarshalJSON); the zero value has no content, no speaker, no cue and an
// [Unknown] type.
type Attribution struct {
	// Text is the words said: the text of each fragment of Spans, joined
	// by one space (the convention of the PolNeAR annotation), without
	// the narration that interrupts a quotation. A direct quotation keeps
	// its quote marks: “We will rebuild,” “It will take time.”
	Text string
	// Extent covers the content from the start of its first fragment to
	// the end of its last: the quotation with its marks (direct) or the
	// reported clause (mixed, indirect), with the narration that
	// interrupts it ("she said") included. Spans lists the fragments
	// themselves ("“...,” she said, “...”" has two); it has at least one
	// element.
	Extent span.Span
	Spans  []span.Span
	// Quoted lists the quoted words inside Extent without their marks.
	Quoted []span.Span
	// Type is Direct, Mixed or Indirect.
	Type Type
	// Speaker is the speaker mention as written ("he", "the official");
	// empty when the text names no speaker for this attribution.
	Speaker span.Span
	// Entity is the resolved speaker; Entity.ID is 0 when unresolved.
	Entity Entity
	// Cue is the cue ("said", "according to", ":"); empty for a
	// continuation of the previous speaker's turn.
	Cue span.Span
	// Addressee is who was spoken to ("told Blinken"), or empty.
	Addressee span.Span
	// Confidence is in [0,1].
	Confidence float64
	// Rule names the rule that decided.
	Rule string
}

// JoinSpans returns the words said across fragments: the text of each
// span joined by one space, as [Attribution.Text] holds them.
func JoinSpans(spans []span.Span) string {
	switch len(spans) {
	case 0:
		return ""
	case 1:
		return spans[0].Text
	}
	n := len(spans) - 1
	for _, s := range spans {
		n += len(s.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// Option configures a [Resolver].
type Option func(*config)

type config struct {
	nested, nestedSet bool
	runs, runsSet     bool
	model             *Model
	modelSet          bool // set by WithModel
	errs              []error
}

// ErrOption is wrapped by the error [New] returns for a nil option or for
// options that conflict.
var ErrOption = errors.New("bad option")

// WithModel sets the model that chooses among the readings of each cue; nil
// leaves the choice to the rules (the first reading of the first rule that
// reads the cue). By default the embedded model ([DefaultModel]) chooses.
// Giving two different models is an error from [New].
func WithModel(m *Model) Option {
	return func(c *config) {
		if c.modelSet && c.model != m {
			c.errs = append(c.errs, errors.New("WithModel given two different models"))
			return
		}
		c.model, c.modelSet = m, true
	}
}

// WithQuoteRuns sets whether a quotation that opens the sentence right
// after an attributed quotation, in the same paragraph, is reported as a
// further fragment of that attribution (“...,” she said. “...”), as the
// PolNeAR annotation does. The default is true; with false it is reported
// on its own, as a continuation of the speaker's turn. Giving both true
// and false is an error from [New].
func WithQuoteRuns(on bool) Option {
	return func(c *config) { option.Set(&c.errs, "WithQuoteRuns", &c.runs, &c.runsSet, on) }
}

// WithNested makes the Resolver report every attribution whose cue lies
// inside the reported content of another ("She said he believes ...": the
// belief too). By default (false), as in the PolNeAR annotation, such a
// nested attribution is reported only when its cue is a verb of saying
// ("She said the aide told her ..."), not of stance or evidence. Giving
// both true and false is an error from [New].
func WithNested(on bool) Option {
	return func(c *config) { option.Set(&c.errs, "WithNested", &c.nested, &c.nestedSet, on) }
}

// Resolver attributes quotations and reported speech. It is safe for
// concurrent use: its lexicon and tagger are read-only.
type Resolver struct {
	cfg    config
	lex    *lexicon.Lexicon
	tagger *tagger.Tagger
	// model chooses among the frames of a cue; nil takes the first.
	model *Model
}

// New returns a Resolver configured by opts. It loads the cue lexicon and
// the part-of-speech model, once per process, and returns an error when
// either fails to load, or an error wrapping [ErrOption] when an option is
// nil or options conflict. It never panics.
func New(opts ...Option) (*Resolver, error) {
	r := &Resolver{cfg: config{runs: true}}
	for i, o := range opts {
		if o == nil {
			r.cfg.errs = append(r.cfg.errs, fmt.Errorf("option %d is nil", i+1))
			continue
		}
		o(&r.cfg)
	}
	if len(r.cfg.errs) > 0 {
		return nil, fmt.Errorf("attribution: %w: %w", ErrOption, errors.Join(r.cfg.errs...))
	}
	r.cfg.errs = nil
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("attribution: %w", err)
	}
	tg, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("attribution: tagger: %w", err)
	}
	r.lex, r.tagger = lex, tg
	r.model = r.cfg.model
	if !r.cfg.modelSet {
		if r.model, err = DefaultModel(); err != nil {
			return nil, err
		}
	}
	return r, nil
}

var defaultResolver = sync.OnceValues(func() (*Resolver, error) { return New() })

// Resolve attributes with the shared default Resolver (New with no
// options). It returns nil in the unexpected case that the embedded
// lexicon or model cannot be loaded.
func Resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	r, err := defaultResolver()
	if err != nil {
		return nil
	}
	return r.Resolve(text, sents, qs)
}

// Resolve returns the attributions of text in order of their content's
// start. sents and qs are the sentences and quotations of text as
// sentence.Split and quote.Detect return them.
func (r *Resolver) Resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	return r.resolve(text, sents, qs)
}
