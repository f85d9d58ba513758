// Package sentence splits English news text into paragraphs and sentences.
//
// Every [Sentence] and [Paragraph] carries UTF-8 byte offsets into the
// caller's text: text[s.Start:s.End] == s.Text. Surrounding white space is
// excluded. Empty input returns no sentences.
package sentence

import (
	"sort"
	"sync"
)

// Sentence is one sentence of the text.
type Sentence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Paragraph is the index of the paragraph that holds the sentence.
	Paragraph int `json:"paragraph"`
}

// Paragraph is one paragraph of the text: a run of sentences between
// paragraph breaks.
type Paragraph struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// First and Last are the indexes of its first and last sentence.
	First int `json:"first"`
	Last  int `json:"last"`
}

// Option configures a [Splitter].
type Option func(*config)

type config struct{}

// Splitter splits text into sentences. It is safe for concurrent use.
type Splitter struct {
	cfg config
}

// New returns a Splitter configured by opts.
func New(opts ...Option) (*Splitter, error) {
	s := &Splitter{}
	for _, o := range opts {
		o(&s.cfg)
	}
	return s, nil
}

var defaultSplitter = sync.OnceValue(func() *Splitter {
	s, err := New()
	if err != nil {
		panic("sentence: default splitter: " + err.Error())
	}
	return s
})

// Split splits text with the shared default Splitter.
func Split(text string) []Sentence { return defaultSplitter().Split(text) }

// Paragraphs groups sents (as returned by Split on text) into paragraphs.
func Paragraphs(text string, sents []Sentence) []Paragraph {
	var ps []Paragraph
	for i, s := range sents {
		if len(ps) == 0 || ps[len(ps)-1].First < 0 || sents[ps[len(ps)-1].Last].Paragraph != s.Paragraph {
			ps = append(ps, Paragraph{Start: s.Start, First: i})
		}
		p := &ps[len(ps)-1]
		p.End, p.Last = s.End, i
		p.Text = text[p.Start:p.End]
	}
	return ps
}

// Locate returns the index of the sentence of sents that holds byte offset
// off, or -1 when off falls outside every sentence. sents must be in order,
// as Split returns them. It runs in O(log n).
func Locate(sents []Sentence, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i < len(sents) && sents[i].Start <= off {
		return i
	}
	return -1
}

// Split splits text into sentences, in order.
func (s *Splitter) Split(text string) []Sentence {
	var out []Sentence
	para := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		for end > start && isSpace(text[end-1]) {
			end--
		}
		if end > start {
			out = append(out, Sentence{Start: start, End: end, Text: text[start:end], Paragraph: para})
		}
		start = -1
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			// A blank line ends the paragraph.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				flush(i)
				if len(out) > 0 && out[len(out)-1].Paragraph == para {
					para++
				}
				i = j
				continue
			}
		}
		if start < 0 {
			if isSpace(c) {
				continue
			}
			start = i
		}
		if c == '.' || c == '!' || c == '?' {
			j := i + 1
			for j < len(text) && isCloser(text, j) > 0 {
				j += isCloser(text, j)
			}
			if j < len(text) && isSpace(text[j]) {
				k := j
				for k < len(text) && isSpace(text[k]) {
					k++
				}
				if k >= len(text) || isUpperStart(text[k:]) {
					flush(j)
					i = j - 1
				}
			}
		}
	}
	flush(len(text))
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// isCloser returns the byte length of a closing quote or bracket at text[i],
// or 0.
func isCloser(text string, i int) int {
	switch text[i] {
	case '"', '\'', ')', ']':
		return 1
	}
	for _, m := range []string{"”", "’", "»"} {
		if len(text)-i >= len(m) && text[i:i+len(m)] == m {
			return len(m)
		}
	}
	return 0
}

func isUpperStart(s string) bool {
	c := s[0]
	if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '(' {
		return true
	}
	return len(s) >= 3 && (s[:3] == "“" || s[:3] == "‘")
}
