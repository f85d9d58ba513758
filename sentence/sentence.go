package sentence

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/internal/option"
)

// Sentence is one sentence of the text. Text is the substring
// text[Start:End] of the caller's text, with no white space at either end.
// Sentences are values, safe for concurrent use.
type Sentence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Paragraph is the index of the paragraph that holds the sentence.
	Paragraph int `json:"paragraph"`
}

// Paragraph is one paragraph of the text: a run of sentences between
// paragraph breaks. Text is text[Start:End], from the start of its first
// sentence to the end of its last. Paragraphs are values, safe for
// concurrent use.
type Paragraph struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// First and Last are the indexes of its first and last sentence.
	First int `json:"first"`
	Last  int `json:"last"`
}

// LineBreaks says which line breaks end a paragraph.
type LineBreaks uint8

const (
	// LineBreaksAuto ends a paragraph at a blank line, and at a single line
	// break unless the next line starts with a lower-case letter (a line
	// wrapped inside a sentence). It suits scraped news text, where
	// paragraphs, headlines and bylines are often one line each.
	LineBreaksAuto LineBreaks = iota
	// LineBreaksBlank ends a paragraph only at a blank line; a single line
	// break is white space. It suits hard-wrapped text.
	LineBreaksBlank
	// LineBreaksEvery ends a paragraph at every line break.
	LineBreaksEvery
)

func (m LineBreaks) String() string {
	switch m {
	case LineBreaksAuto:
		return "auto"
	case LineBreaksBlank:
		return "blank"
	case LineBreaksEvery:
		return "every"
	}
	return fmt.Sprintf("LineBreaks(%d)", uint8(m))
}

// Option configures a [Splitter].
type Option func(*config)

type config struct {
	lineBreaks    LineBreaks
	lineBreaksSet bool
	titles        []string
	abbrs         []string
	errs          []error
}

// ErrOption is wrapped by the error [New] returns for a nil option, an
// invalid value or options that conflict.
var ErrOption = errors.New("bad option")

// WithLineBreaks sets which line breaks end a paragraph. The default is
// [LineBreaksAuto]. Giving two different modes is an error from [New].
func WithLineBreaks(m LineBreaks) Option {
	return func(c *config) {
		if m > LineBreaksEvery {
			c.errs = append(c.errs, fmt.Errorf("WithLineBreaks(%v): unknown line break mode", m))
			return
		}
		option.Set(&c.errs, "WithLineBreaks", &c.lineBreaks, &c.lineBreaksSet, m)
	}
}

// WithTitles adds prepositive abbreviations, written before a name, to the
// built-in list (Mr, Dr, Sen, Gov, Gen, ...): a full stop after one never
// ends a sentence. Words are given without their final full stop ("Amb");
// an all-lowercase word also matches its capitalised form. By default no
// word is added. A word that is empty or holds white space, or that is also
// given to [WithAbbreviations], is an error from [New].
func WithTitles(words ...string) Option {
	return func(c *config) { c.titles = append(c.titles, words...) }
}

// WithAbbreviations adds abbreviations that may end a sentence to the
// built-in list (Inc, Co, Jr, Sept, Calif, ...): a full stop after one ends
// the sentence only before a likely sentence opener ("Co. It closed", but
// "Co. at noon", "Sept. 11"). Words are given without their final full stop;
// an all-lowercase word also matches its capitalised form. By default no
// word is added. A word that is empty or holds white space, or that is also
// given to [WithTitles], is an error from [New].
func WithAbbreviations(words ...string) Option {
	return func(c *config) { c.abbrs = append(c.abbrs, words...) }
}

// Splitter splits text into sentences and paragraphs. It is built once by
// [New], never changes afterwards, and is safe for concurrent use.
type Splitter struct {
	lineBreaks LineBreaks
	lx         *lexicon
}

// New returns a Splitter configured by opts. It returns an error when the
// built-in lexicon cannot be loaded, or an error wrapping [ErrOption] when
// an option is nil or invalid or options conflict (the same option given
// twice with the same value is no conflict). It never panics.
func New(opts ...Option) (*Splitter, error) {
	var c config
	for i, o := range opts {
		if o == nil {
			c.errs = append(c.errs, fmt.Errorf("option %d is nil", i+1))
			continue
		}
		o(&c)
	}
	seen := make(map[string]string, len(c.titles)+len(c.abbrs))
	check := func(kind string, words []string) []string {
		out := make([]string, 0, len(words))
		for _, w := range words {
			w = strings.TrimSuffix(w, ".")
			if w == "" || strings.ContainsFunc(w, isSpaceRune) {
				c.errs = append(c.errs, fmt.Errorf("invalid %s %q", kind, w))
				continue
			}
			if k, ok := seen[w]; ok && k != kind {
				c.errs = append(c.errs, fmt.Errorf("%q given as both title and abbreviation", w))
				continue
			}
			seen[w] = kind
			out = append(out, w)
		}
		return out
	}
	titles := check("title", c.titles)
	abbrs := check("abbreviation", c.abbrs)
	if len(c.errs) > 0 {
		return nil, fmt.Errorf("sentence: %w: %w", ErrOption, errors.Join(c.errs...))
	}
	lx, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Splitter{lineBreaks: c.lineBreaks, lx: lx.with(titles, abbrs)}, nil
}

var defaultSplitter = sync.OnceValues(func() (*Splitter, error) { return New() })

// Split splits text with a shared default Splitter (New with no options).
// It returns nil for empty or all-white-space text, and also in the
// unexpected case that the embedded lexicon cannot be loaded.
func Split(text string) []Sentence {
	s, err := defaultSplitter()
	if err != nil {
		return nil
	}
	return s.Split(text)
}

// Split splits text into sentences, in order, non-overlapping, each trimmed
// of white space, with non-decreasing paragraph indexes numbered from 0
// without gaps. It returns nil for empty or all-white-space text. It never
// panics, whatever the input (invalid UTF-8 and NUL bytes included), and its
// cost is linear in len(text).
func (s *Splitter) Split(text string) []Sentence {
	if len(text) == 0 {
		return nil
	}
	sc := scanner{sp: s, lx: s.lx, text: text, start: -1, lineStart: -1}
	sc.out = make([]Sentence, 0, estimate(text))
	sc.run()
	if len(sc.out) == 0 {
		return nil
	}
	return sc.out
}

// SplitParagraphs splits text into sentences and groups them into
// paragraphs: Paragraphs(text, s.Split(text)) in one call.
func (s *Splitter) SplitParagraphs(text string) ([]Sentence, []Paragraph) {
	sents := s.Split(text)
	return sents, Paragraphs(text, sents)
}

// estimate returns a capacity for the sentences of text: the number of
// full stops, question and exclamation marks and line breaks, counted with
// the fast counters, an upper bound in all but list paragraphs. A
// paragraph break ("\n\n") counts once, and so does a full stop that ends
// its line: news has one of each in most paragraphs, and counting them
// twice would reserve room for twice the sentences it has. It is capped at
// one sentence per 24 bytes (news sentences average over 100), so that a
// page of full stops does not reserve memory for millions; append grows the
// slice past the cap when a text needs it.
func estimate(text string) int {
	n := strings.Count(text, ".") + strings.Count(text, "\n") +
		strings.Count(text, "?") + strings.Count(text, "!") + 1 -
		strings.Count(text, "\n\n") - strings.Count(text, ".\n")
	return min(n, len(text)/24+8)
}

// Paragraphs groups sents (as returned by Split on text) into paragraphs.
// It returns nil when sents is empty.
func Paragraphs(text string, sents []Sentence) []Paragraph {
	if len(sents) == 0 {
		return nil
	}
	ps := make([]Paragraph, 0, min(max(sents[len(sents)-1].Paragraph-sents[0].Paragraph+1, 1), len(sents)))
	for i, s := range sents {
		if len(ps) == 0 || sents[ps[len(ps)-1].Last].Paragraph != s.Paragraph {
			ps = append(ps, Paragraph{Start: s.Start, First: i})
		}
		p := &ps[len(ps)-1]
		p.End, p.Last = s.End, i
	}
	for i := range ps {
		p := &ps[i]
		if p.Start >= 0 && p.Start <= p.End && p.End <= len(text) {
			p.Text = text[p.Start:p.End]
		}
	}
	return ps
}

// Locate returns the index of the sentence of sents that holds byte offset
// off, or -1 when off falls outside every sentence (in the white space
// between two, say). sents must be in order, as Split returns them. It runs
// in O(log n).
func Locate(sents []Sentence, off int) int {
	if i := Nearest(sents, off); i < len(sents) && sents[i].Start <= off {
		return i
	}
	return -1
}

// LocateParagraph returns the index of the paragraph of paras that holds
// byte offset off, or -1 when off falls outside every paragraph. paras must
// be in order, as Paragraphs returns them. It runs in O(log n).
func LocateParagraph(paras []Paragraph, off int) int {
	if i := searchEnd(paras, off, func(p *Paragraph) int { return p.End }); i < len(paras) && paras[i].Start <= off {
		return i
	}
	return -1
}

// Nearest returns the index of the sentence of sents that holds byte offset
// off or, when off falls in the white space between two sentences, of the
// next one; it returns len(sents) when off lies past the last sentence.
// sents must be in order. It runs in O(log n).
func Nearest(sents []Sentence, off int) int {
	return searchEnd(sents, off, func(s *Sentence) int { return s.End })
}

// searchEnd returns the index of the first of xs, in order, whose end (as
// end gives it) lies past off, or len(xs).
func searchEnd[T any](xs []T, off int, end func(*T) int) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if end(&xs[m]) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
