package whosaid

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Attribution is one quotation or reported claim and who said it; see
// [attribution.Attribution].
type Attribution = attribution.Attribution

// Span is a byte range of the caller's text; see [span.Span].
type Span = span.Span

// Option configures an [Extractor].
type Option func(*config)

type config struct {
	maxBytes        int
	sentenceOpts    []sentence.Option
	quoteOpts       []quote.Option
	attributionOpts []attribution.Option
}

// DefaultMaxBytes is the longest text an Extractor reads by default: 8 MiB,
// a hundred times a long news article.
const DefaultMaxBytes = 8 << 20

// WithMaxBytes bounds the work done on one text, for hostile input: an
// Extractor reads at most the first n bytes of a text, cut at the last
// paragraph break (blank line) before the bound, or else at the last line
// break, or else at the last character boundary, and finds no attribution
// past the cut. Offsets still refer to the whole text. The default is
// [DefaultMaxBytes]; n must be positive.
func WithMaxBytes(n int) Option { return func(c *config) { c.maxBytes = n } }

// WithSentence passes options to the sentence splitter; see
// [sentence.New]. By default the splitter's own defaults apply.
func WithSentence(opts ...sentence.Option) Option {
	return func(c *config) { c.sentenceOpts = append(c.sentenceOpts, opts...) }
}

// WithQuote passes options to the quotation detector; see [quote.New]. By
// default the detector's own defaults apply.
func WithQuote(opts ...quote.Option) Option {
	return func(c *config) { c.quoteOpts = append(c.quoteOpts, opts...) }
}

// WithAttribution passes options to the attribution resolver; see
// [attribution.New]. By default the resolver's own defaults apply.
func WithAttribution(opts ...attribution.Option) Option {
	return func(c *config) { c.attributionOpts = append(c.attributionOpts, opts...) }
}

// Extractor runs the whole pipeline: sentences, quotations, attributions.
// It is built once and is safe for concurrent use.
type Extractor struct {
	maxBytes int
	splitter *sentence.Splitter
	detector *quote.Detector
	resolver *attribution.Resolver
}

// New builds an Extractor. It loads the models and lexicons the stages need
// (once per process) and returns an error when one fails to load or the
// options conflict.
func New(opts ...Option) (*Extractor, error) {
	c := config{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(&c)
	}
	if c.maxBytes <= 0 {
		return nil, fmt.Errorf("whosaid: WithMaxBytes(%d): the bound must be positive", c.maxBytes)
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
	return &Extractor{maxBytes: c.maxBytes, splitter: s, detector: d, resolver: r}, nil
}

// Extract returns the attributions of text in order of their content's
// start. Empty or unreadable input returns none; it never panics.
func (e *Extractor) Extract(text string) []Attribution {
	text = text[:cut(text, e.maxBytes)]
	sents := e.splitter.Split(text)
	qs := e.detector.Detect(text, sents)
	return e.resolver.Resolve(text, sents, qs)
}

var defaultExtractor = sync.OnceValues(func() (*Extractor, error) { return New() })

// Extract returns the attributions of text with a shared default Extractor.
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
