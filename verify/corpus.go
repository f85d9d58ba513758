package verify

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/span"
)

// Word flags.
const (
	// inQuote: the word is inside quotation marks, in the quoted words of
	// an attribution.
	inQuote uint8 = 1 << iota
	// interruption: the word is narration between two quoted fragments of
	// one attribution (“...,” she said, “...”); a claim that joins the
	// fragments leaves it out at no cost.
	interruption
)

// word is one indexed word of the corpus.
type word struct {
	start, end int32 // bytes, in its document's text
	term       int32
	attr       int32 // the innermost attribution whose content holds the word, or -1
	flags      uint8
}

type document struct {
	id     string
	text   string
	attrs  []attribution.Attribution
	w0, w1 int // its words: words[w0:w1]
}

// Builder collects the source documents of a [Corpus]. The zero Builder is
// empty and ready to use; it is not safe for concurrent use.
type Builder struct {
	docs  []document
	words []word
	terms map[string]int32
	df    []int32
	buf   []byte
}

// MaxDocument is the longest document a Builder takes, in bytes: offsets
// are kept in 32 bits.
const MaxDocument = math.MaxInt32

// Add adds one source document: its id (a file name, an article id), its
// text, and the attributions found in it (whosaid.Extract(text)), whose
// quoted words, contents and speakers the verdicts read. It returns an
// error, and adds nothing, when the text is longer than [MaxDocument].
func (b *Builder) Add(id, text string, attrs []attribution.Attribution) error {
	if len(text) > MaxDocument {
		return fmt.Errorf("verify: document %q: %d bytes, more than %d", id, len(text), MaxDocument)
	}
	if b.terms == nil {
		b.terms = map[string]int32{}
	}
	d := document{id: id, text: text, attrs: attrs, w0: len(b.words)}
	// A text has at most one word per two bytes. Growing by doubling, not
	// by append's quarter for large slices, copies the words at most twice.
	if need := len(b.words) + len(text)/2 + 1; need > cap(b.words) {
		b.words = slices.Grow(b.words, max(need, 2*cap(b.words))-len(b.words))
	}
	b.buf = tokenize(text, b.buf, func(start, end int, term []byte) {
		t, ok := b.terms[string(term)]
		if !ok {
			t = int32(len(b.df))
			b.terms[string(term)] = t
			b.df = append(b.df, 0)
		}
		b.df[t]++
		b.words = append(b.words, word{start: int32(start), end: int32(end), term: t, attr: -1})
	})
	d.w1 = len(b.words)
	markAttributions(b.words[d.w0:d.w1], attrs)
	b.docs = append(b.docs, d)
	return nil
}

// markAttributions sets the attr and flags of the words of one document.
// Nested contents are marked outermost first, so that a word belongs to
// the innermost.
func markAttributions(ws []word, attrs []attribution.Attribution) {
	order := make([]int, len(attrs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(attrs[j].Extent.Len(), attrs[i].Extent.Len()) })
	for _, k := range order {
		a := attrs[k]
		for i := range within(ws, a.Extent) {
			ws[i].attr = int32(k)
		}
		for _, q := range a.Quoted {
			for i := range within(ws, q) {
				ws[i].attr = int32(k)
				ws[i].flags |= inQuote
			}
		}
		if len(a.Quoted) > 1 {
			between := span.Span{Start: a.Quoted[0].Start, End: a.Quoted[len(a.Quoted)-1].End}
			for i := range within(ws, between) {
				if ws[i].flags&inQuote == 0 {
					ws[i].flags |= interruption
				}
			}
		}
	}
}

// within yields the indexes of the words of ws (sorted by start) that
// start inside s.
func within(ws []word, s span.Span) func(func(int) bool) {
	return func(yield func(int) bool) {
		if s.Empty() {
			return
		}
		i := sort.Search(len(ws), func(i int) bool { return int(ws[i].start) >= s.Start })
		for ; i < len(ws) && int(ws[i].start) < s.End; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Corpus returns the documents added so far, indexed for [Corpus.Check],
// and empties the Builder, which may go on to build another Corpus.
func (b *Builder) Corpus() *Corpus {
	c := &Corpus{docs: b.docs, words: b.words, terms: b.terms, off: make([]int32, len(b.df)+1)}
	if c.terms == nil {
		c.terms = map[string]int32{}
	}
	for t, n := range b.df {
		c.off[t+1] = c.off[t] + n
	}
	c.pos = make([]int32, len(c.words))
	next := slices.Clone(c.off[:len(b.df)])
	for i, w := range c.words {
		c.pos[next[w.term]] = int32(i)
		next[w.term]++
	}
	*b = Builder{buf: b.buf}
	return c
}

// Corpus is an indexed set of source documents. It is read-only and safe
// for concurrent use.
type Corpus struct {
	docs  []document
	words []word
	terms map[string]int32
	// The positions of term t in words are pos[off[t]:off[t+1]].
	off, pos []int32
}

// Len returns the number of documents and of words in the corpus.
func (c *Corpus) Len() (docs, words int) { return len(c.docs), len(c.words) }

// postings returns the word positions of term t, in order.
func (c *Corpus) postings(t int32) []int32 { return c.pos[c.off[t]:c.off[t+1]] }

// docOf returns the index of the document that holds word i.
func (c *Corpus) docOf(i int) int {
	return sort.Search(len(c.docs), func(d int) bool { return c.docs[d].w1 > i })
}
