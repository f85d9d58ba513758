package whosaid

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Attribution is one quotation or reported claim and who said it; see
// [attribution.Attribution]. Text holds the words said; Extent covers them
// with the narration between their fragments.
type Attribution = attribution.Attribution

// Entity is a speaker with all its mentions in one text; see
// [attribution.Entity].
type Entity = attribution.Entity

// Span is a byte range of the caller's text; see [span.Span].
type Span = span.Span

// Type is the kind of reported speech; see [attribution.Type]. Its zero
// value is [Unknown].
type Type = attribution.Type

// The kinds of reported speech.
const (
	Unknown  = attribution.Unknown
	Direct   = attribution.Direct
	Mixed    = attribution.Mixed
	Indirect = attribution.Indirect
)

// Option configures an [Extractor].
type Option func(*config)

type config struct {
	maxBytes, maxTokens int
	sentenceOpts        []sentence.Option
	quoteOpts           []quote.Option
	attributionOpts     []attribution.Option
	errs                []error
}

// ErrOption is wrapped by the error [New] returns for a nil option, an
// out-of-range bound or two options that conflict.
var ErrOption = errors.New("bad option")

// DefaultMaxBytes is the longest text an Extractor reads by default: 8 MiB,
// a hundred times a long news article.
const DefaultMaxBytes = 8 << 20

// DefaultMaxTokens is the most tokens of a text an Extractor reads by
// default: 2 Mi, more than news text holds within [DefaultMaxBytes] (about
// one token per five bytes), so that only text made mostly of punctuation
// meets it first.
const DefaultMaxTokens = 2 << 20

// setBound sets *v to n once; a second, different value is a conflict.
func (c *config) setBound(name string, v *int, n int) {
	switch {
	case n <= 0:
		c.errs = append(c.errs, fmt.Errorf("%s(%d): the bound must be positive", name, n))
	case *v != 0 && *v != n:
		c.errs = append(c.errs, fmt.Errorf("%s(%d) conflicts with %s(%d)", name, n, name, *v))
	default:
		*v = n
	}
}

// WithMaxBytes bounds the work done on one text, for hostile input: an
// Extractor reads at most the first n bytes of a text, cut at the last
// paragraph break (blank line) before the bound, or else at the last line
// break, or else at the last character boundary, and finds no attribution
// past the cut, which [Extractor.ExtractRecord] reports in [Record.Cut].
// Offsets still refer to the whole text. The default is
// [DefaultMaxBytes]; n must be positive.
func WithMaxBytes(n int) Option {
	return func(c *config) { c.setBound("WithMaxBytes", &c.maxBytes, n) }
}

// WithMaxTokens bounds the work done on one text by its tokens, since
// the stages' memory grows with tokens rather than bytes: a text of more
// than n tokens is cut before its (n+1)th token as [WithMaxBytes] cuts it,
// at the last paragraph break, and the cut is reported in [Record.Cut]. A
// token is a run of letters, digits and marks, or one other character
// that is not white space. The default is [DefaultMaxTokens]; n must be
// positive.
func WithMaxTokens(n int) Option {
	return func(c *config) { c.setBound("WithMaxTokens", &c.maxTokens, n) }
}

// WithSentence passes options to the sentence splitter; see
// [sentence.New]. By default the splitter's own defaults apply.
func WithSentence(opts ...sentence.Option) Option {
	return func(c *config) {
		c.sentenceOpts = append(c.sentenceOpts, opts...)
		c.checkNil("WithSentence", len(opts), func(i int) bool { return opts[i] == nil })
	}
}

// WithQuote passes options to the quotation detector; see [quote.New]. By
// default the detector's own defaults apply.
func WithQuote(opts ...quote.Option) Option {
	return func(c *config) {
		c.quoteOpts = append(c.quoteOpts, opts...)
		c.checkNil("WithQuote", len(opts), func(i int) bool { return opts[i] == nil })
	}
}

// WithAttribution passes options to the attribution resolver; see
// [attribution.New]. By default the resolver's own defaults apply.
func WithAttribution(opts ...attribution.Option) Option {
	return func(c *config) { c.attributionOpts = append(c.attributionOpts, opts...) }
}

// checkNil records an error for each nil option passed through name.
func (c *config) checkNil(name string, n int, isNil func(int) bool) {
	for i := range n {
		if isNil(i) {
			c.errs = append(c.errs, fmt.Errorf("%s: option %d is nil", name, i+1))
		}
	}
}

// Extractor runs the whole pipeline: sentences, quotations, attributions.
// It is built once and is safe for concurrent use.
type Extractor struct {
	maxBytes, maxTokens int
	splitter            *sentence.Splitter
	detector            *quote.Detector
	resolver            *attribution.Resolver
}

// New builds an Extractor. It loads the models and lexicons the stages need
// (once per process) and returns an error when one fails to load, or an
// error wrapping [ErrOption] (or the stage's own) when an option is nil,
// out of range or conflicts with another. It never panics.
func New(opts ...Option) (*Extractor, error) {
	var c config
	for i, o := range opts {
		if o == nil {
			c.errs = append(c.errs, fmt.Errorf("option %d is nil", i+1))
			continue
		}
		o(&c)
	}
	if len(c.errs) > 0 {
		return nil, fmt.Errorf("whosaid: %w: %w", ErrOption, errors.Join(c.errs...))
	}
	if c.maxBytes == 0 {
		c.maxBytes = DefaultMaxBytes
	}
	if c.maxTokens == 0 {
		c.maxTokens = DefaultMaxTokens
	}
	s, err := sentence.New(c.sentenceOpts...)
	if err != nil {
		return nil, fmt.Errorf("whosaid: %w", err)
	}
	d, err := quote.New(c.quoteOpts...)
	if err != nil {
		return nil, fmt.Errorf("whosaid: %w", err)
	}
	r, err := attribution.New(c.attributionOpts...)
	if err != nil {
		return nil, fmt.Errorf("whosaid: %w", err)
	}
	return &Extractor{maxBytes: c.maxBytes, maxTokens: c.maxTokens, splitter: s, detector: d, resolver: r}, nil
}

// Extract returns the attributions of text in order of their content's
// start. Empty or unreadable input returns none; it never panics. A text
// past the bounds ([WithMaxBytes], [WithMaxTokens]) is cut silently here:
// [Extractor.ExtractRecord] reports the cut.
func (e *Extractor) Extract(text string) []Attribution {
	n, _ := e.limit(text)
	return e.extract(text[:n])
}

func (e *Extractor) extract(text string) []Attribution {
	sents := e.splitter.Split(text)
	qs := e.detector.Detect(text, sents)
	return e.resolver.Resolve(text, sents, qs)
}

// ExtractRecord returns the record of one document: its attributions, its
// speakers (Entities) and, when the text was cut at a bound, the Cut. Its
// Text is left empty, as [NewRecord] leaves it.
func (e *Extractor) ExtractRecord(id, text string) Record {
	n, c := e.limit(text)
	r := NewRecord(id, e.extract(text[:n]))
	r.Entities = Entities(r.Quotes)
	r.Cut = c
	return r
}

// Cut reports that an Extractor read only the start of a text: it looked
// for attributions in text[:Offset] alone.
type Cut struct {
	// Offset is the byte offset of the cut, at a paragraph break where
	// there is one.
	Offset int `json:"offset"`
	// Bound names the bound that was met: "max-bytes" or "max-tokens"
	// (or, for the command-line tool, "max-bytes" when it stopped reading).
	Bound string `json:"bound"`
	// Limit is the bound's value, in bytes or tokens.
	Limit int `json:"limit"`
}

// String describes the cut for a message.
func (c *Cut) String() string {
	unit := "bytes"
	if c.Bound == "max-tokens" {
		unit = "tokens"
	}
	return fmt.Sprintf("cut at byte %d by the %s bound of %d %s: no quotation was looked for past it", c.Offset, c.Bound, c.Limit, unit)
}

// limit returns how much of text is read and the cut, or nil when the
// whole text is.
func (e *Extractor) limit(text string) (int, *Cut) {
	n := len(text)
	var c *Cut
	if n > e.maxBytes {
		n = cut(text, e.maxBytes)
		c = &Cut{Offset: n, Bound: "max-bytes", Limit: e.maxBytes}
	}
	// A token takes at least a byte: only a text longer than the bound
	// can hold too many.
	if n > e.maxTokens {
		if t := tokenBound(text[:n], e.maxTokens); t < n {
			n = cut(text, t)
			c = &Cut{Offset: n, Bound: "max-tokens", Limit: e.maxTokens}
		}
	}
	return n, c
}

var defaultExtractor = sync.OnceValues(func() (*Extractor, error) { return New() })

// Extract returns the attributions of text with a shared default
// Extractor (New with no options). It returns nil in the unexpected case
// that the embedded lexicons or models cannot be loaded.
func Extract(text string) []Attribution {
	e, err := defaultExtractor()
	if err != nil {
		return nil
	}
	return e.Extract(text)
}

// cut returns where a text is cut to read at most n bytes of it: len(text)
// when it is short enough, else just after the line break that ends the
// last whole paragraph before n, else after the last line break, else at
// the last character boundary.
func cut(text string, n int) int {
	if len(text) <= n {
		return len(text)
	}
	head := text[:n]
	if i := strings.LastIndex(head, "\n\n"); i > 0 {
		return i + 1
	}
	if i := strings.LastIndexByte(head, '\n'); i > 0 {
		return i + 1
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return n
}

// tokenBound returns the byte offset at which the (n+1)th token of text
// starts, or len(text) when text holds at most n tokens. A token is a run
// of letters, digits and marks, or one other character that is not white
// space.
func tokenBound(text string, n int) int {
	count := 0
	inWord := false
	for i := 0; i < len(text); {
		c := text[i]
		var word, space bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		} else {
			r, sz := utf8.DecodeRuneInString(text[i:])
			size = sz
			word = unicode.In(r, unicode.L, unicode.M, unicode.N)
			space = unicode.IsSpace(r)
		}
		switch {
		case space:
			inWord = false
		case word && inWord:
		default:
			if count == n {
				return i
			}
			count++
			inWord = word
		}
		i += size
	}
	return len(text)
}
