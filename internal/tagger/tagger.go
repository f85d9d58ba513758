// Package tagger assigns Penn Treebank part-of-speech tags with prose v3's
// English averaged-perceptron model, giving exactly the tags of prose's
// tag.Tagger.TagTokens, faster.
//
// prose finds each feature of each token by a binary search with string
// comparisons over its 75,447 sorted feature strings. This package indexes
// the same model by template and argument once per process, so tagging a
// token costs a hash lookup or two for its word and suffix, and every
// other feature is an array read. The features, their order of
// accumulation and the tie-breaking are prose's, so the scores are
// bit-identical.
//
// # Getting Started
//
//	t, err := tagger.New()
//	if err != nil { ... }
//	toks := []token.Token{{Text: "He"}, {Text: "said"}, {Text: "so"}, {Text: "."}}
//	t.TagTokens(toks) // toks[i].Tag is PRP, VBD, RB, .
//
// Empty input is left as it is. Any token text is accepted, including empty
// and invalid UTF-8 strings.
//
// # Cost
//
// The model is decoded and indexed on the first call to [New], once per
// process: about 8 ms and 7.5 MB of allocation, of which about 4.5 MB stays
// live. Tagging then runs eight to nine times as fast as prose's tagger on the
// PolNeAR dev sentences and allocates only for words that need Unicode case
// folding.
package tagger

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"
)

// load decodes and indexes the embedded English model once per process.
var load = sync.OnceValues(func() (*model, error) {
	m, err := decode(aptagmodel.English)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return m, nil
})

// Tagger tags tokenized sentences. It is safe for concurrent use.
type Tagger struct {
	m    *model
	pool sync.Pool

	// Argument and tag IDs of the fixed strings prose substitutes.
	hyphen, year, digits, empty lookup
	start, start2, end, end2    lookup
	dash, sym, nn, none, blank  int32 // tag IDs of "-", "SYM", "NN", "-NONE-", ""
	startTag, start2Tag         int32
}

// lookup is what the model knows of a normalized word: its own argument
// index and that of its last three bytes.
type lookup struct{ word, suf int32 }

// rawWord is what tag reads of a token's own text: its lookups, and its
// class as wordClass gives it.
type rawWord struct {
	lookup
	cls int16
}

// scratch is the per-call working set.
type scratch struct {
	scores [256]float32
	feats  [nFeat]ref
	ctx    []lookup // normalized words, with two sentinels at each end
	raw    []rawWord
	buf    []byte
	words  []Word   // the texts of the tokens or words of TagTokens and TagWords
	tags   []string // and the tags of TagTokens's
}

// New returns a Tagger backed by prose's built-in English model, which is
// loaded on the first call and shared by every Tagger.
func New() (*Tagger, error) {
	m, err := load()
	if err != nil {
		return nil, err
	}
	t := &Tagger{m: m}
	t.hyphen = t.lookupNorm(hyphenWord)
	t.year = t.lookupNorm(yearWord)
	t.digits = t.lookupNorm(digitsWord)
	t.empty = t.lookupNorm("")
	t.start = t.lookupNorm(startTag)
	t.start2 = t.lookupNorm(start2Tag)
	t.end = t.lookupNorm(endWord)
	t.end2 = t.lookupNorm(end2Word)
	t.dash = m.tags["-"]
	t.sym = m.tags["SYM"]
	t.nn = m.tags["NN"]
	t.none = m.tags["-NONE-"]
	t.blank = m.tags[""]
	t.startTag = m.tags[startTag]
	t.start2Tag = m.tags[start2Tag]
	t.pool.New = func() any {
		return &scratch{buf: make([]byte, 0, 64)}
	}
	return t, nil
}

// lookupNorm returns the argument indexes of a normalized word.
func (t *Tagger) lookupNorm(w string) lookup {
	id := t.m.find(w)
	switch {
	case len(w) <= 3:
		return lookup{id, id}
	case id != 0:
		return lookup{id, t.m.rows[id].tail}
	}
	return lookup{id, t.m.find(w[len(w)-3:])}
}

// TagTokens sets the Tag of each token from its Text, treating the slice as
// one sentence, exactly as prose's tag.Tagger.TagTokens does. Nothing else
// in the tokens is changed.
func (t *Tagger) TagTokens(toks []token.Token) {
	if len(toks) == 0 {
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.words = s.words[:0]
	for i := range toks {
		s.words = append(s.words, Word{Text: toks[i].Text})
	}
	s.tags = slices.Grow(s.tags[:0], len(toks))[:len(toks)]
	t.tag(s, s.tags, s.words, nil)
	for i := range toks {
		toks[i].Tag = s.tags[i]
	}
	clear(s.words)
}

// TagWords sets tags[i] to the tag of words[i], treating words as one
// sentence: the tags TagTokens gives tokens of those texts. tags must be
// at least as long as words.
func (t *Tagger) TagWords(tags, words []string) {
	if len(words) == 0 {
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.words = s.words[:0]
	for _, w := range words {
		s.words = append(s.words, Word{Text: w})
	}
	t.tag(s, tags[:len(words)], s.words, nil)
	clear(s.words)
}

// Word is a word to tag with a Memo (see [Tagger.TagWordsMemo]): its text,
// and the key its lookups are remembered under.
type Word struct {
	Text string
	Key  int32
}

// Memo remembers the model's lookups of the words of one text, so that a
// word the text repeats is normalized and found in the model once: see
// [Tagger.TagWordsMemo]. It has a fixed room of memoLen words, some 20 KB,
// by key modulo memoLen: the distinct words of the sentences of a text
// that are tagged seldom fill it, and a memo that grew with the text
// would cost a long one some 40 bytes a form. The zero Memo is empty. A
// Memo is not safe for concurrent use.
type Memo struct {
	words [memoLen]memoWord
	// last is the slot of the word set last, plus one, or 0: the words
	// that are set are chained from it, so that Release clears them alone.
	last int32
}

// memoLen is the number of words a Memo holds, a power of two.
const memoLen = 1 << 9

// memoWord is a word of a Memo, its lookups and its class (see
// [Tagger.wordClass]), once ok is set; prev is the slot of the word set
// before it, plus one, or 0.
type memoWord struct {
	text string
	norm lookup
	raw  rawWord
	prev int32
	ok   bool
}

// Release empties m, dropping its references to the words.
func (m *Memo) Release() {
	for k := m.last; k != 0; {
		e := &m.words[k-1]
		k = e.prev
		*e = memoWord{}
	}
	m.last = 0
}

// TagWordsMemo is TagWords of the texts of words, with memo remembering
// the lookups of each word in the slot of its key, modulo the memo's
// room. A key is a hint, not a promise: a slot's lookups are reused only
// for a word of the same text, so the tags are TagWords's whatever the
// keys. Words of one text given one key each, as its forms, are looked up
// about once.
func (t *Tagger) TagWordsMemo(tags []string, words []Word, memo *Memo) {
	if len(words) == 0 {
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	t.tag(s, tags[:len(words)], words, memo)
}

// tag sets tags to the tags of the texts of words; with memo, it looks up
// each under its key (see [Tagger.TagWordsMemo]).
func (t *Tagger) tag(s *scratch, tags []string, words []Word, memo *Memo) {
	m := t.m
	n := len(words)
	if cap(s.ctx) < n+4 {
		s.ctx = make([]lookup, n+4)
		s.raw = make([]rawWord, n)
	}
	ctx, raw := s.ctx[:n+4], s.raw[:n]
	ctx[0], ctx[1] = t.start, t.start2
	ctx[n+2], ctx[n+3] = t.end, t.end2
	// The words' own normalized lookups, between the sentinels, and the
	// tags, sliced to the words' length, which the loops index with no
	// bounds check.
	own := ctx[2:][:len(words)]
	tags = tags[:len(words)]
	if memo == nil {
		for i := range words {
			w := words[i].Text
			var r lookup
			own[i], r = t.normalize(s, w)
			raw[i] = rawWord{r, t.wordClass(w, r)}
		}
	} else {
		for i := range words {
			w := words[i].Text
			k := int(words[i].Key) & (memoLen - 1)
			e := &memo.words[k]
			if !e.ok || e.text != w {
				if !e.ok {
					e.prev, memo.last = memo.last, int32(k)+1
				}
				e.norm, e.raw.lookup = t.normalize(s, w)
				e.raw.cls = t.wordClass(w, e.raw.lookup)
				e.text, e.ok = w, true
			}
			own[i], raw[i] = e.norm, e.raw
		}
	}

	scores := &s.scores
	p1, p2 := t.startTag, t.start2Tag
	for i := range words {
		w := words[i].Text
		var tag string
		var id int32
		switch c := int(raw[i].cls); {
		case c >= 0:
			// The class the tag map fixes, the most common case.
			ct := &m.classTags[c]
			tag, id = ct.tag, ct.id
		case c == noTagMap:
			g := t.features(&s.feats, ctx[i:i+5], raw[i].lookup, w, p1, p2)
			if c = m.classify(scores, &s.feats, g); c < 0 {
				tag, id = "", t.blank
			} else {
				ct := &m.classTags[c]
				tag, id = ct.tag, ct.id
			}
		case c == isDash:
			tag, id = "-", t.dash
		case c == isEmoticon:
			tag, id = "SYM", t.sym
		case c == isHandle:
			tag, id = "NN", t.nn
		case c == isTraceWord:
			tag, id = "-NONE-", t.none
		default: // isBracketWord
			tag, id = w, m.tags[w]
		}
		tags[i] = tag
		p2, p1 = p1, id
	}
}

// The classes of the words that prose tags without scoring them, beside
// noTagMap and isEmoticon (see [Tagger.wordClass]).
const (
	isDash        = -3 // "-", tagged "-"
	isHandle      = -4 // a word that starts with "@", tagged NN
	isTraceWord   = -5 // a trace (see isTrace), tagged -NONE-
	isBracketWord = -6 // a bracket literal (see isBracket), its own tag
)

// wordClass returns what decides the tag of word w, whose own lookups are
// raw, wherever it is: the class the tag map fixes for it, one of the
// special words above (or isEmoticon), in the order in which prose tests
// them, or noTagMap for a word that is scored. It depends on the word
// alone, so a Memo keeps it with the word's lookups.
func (t *Tagger) wordClass(w string, raw lookup) int16 {
	fixed := t.m.rows[raw.word].fixed
	// Every special word but an emoticon, whose class is fixed, starts
	// with "-", "@", "*" or "0".
	if w == "" || w[0] != '-' && w[0] != '@' && w[0] != '*' && w[0] != '0' {
		return fixed
	}
	return specialClass(w, fixed)
}

// specialClass returns the class of word w, whose class the tag map
// fixes to fixed: one of the special words, tested in prose's order, or
// fixed. [Tagger.wordClass] asks it only of the words that may be
// special.
func specialClass(w string, fixed int16) int16 {
	switch {
	case w == "-":
		return isDash
	case fixed == isEmoticon:
		return isEmoticon
	case strings.HasPrefix(w, "@"):
		return isHandle
	case isTrace(w):
		return isTraceWord
	case isBracket(w):
		return isBracketWord
	}
	return fixed
}

// features sets f to the features prose scores for word w, in its order,
// given the lookups of w itself, of the normalized words from two before
// to two after it, and the tag IDs of the two words before it. It returns
// a guess at the winning class for bestClass.
func (t *Tagger) features(f *[nFeat]ref, ctx []lookup, raw lookup, w string, p1, p2 int32) int {
	m := t.m
	ctx = ctx[:5]
	cur := &m.rows[ctx[2].word]
	f[0] = m.rows[raw.suf].suf
	if w == "" {
		f[1] = m.prefNil
	} else {
		f[1] = m.pref[w[0]]
	}
	f[2] = m.tag1[p1]
	f[3] = m.tag2[p2]
	f[4] = m.tagTag[int(p1)*len(m.tag1)+int(p2)]
	f[5] = cur.word
	f[6] = m.tagWord(cur, p1)
	f[7] = m.rows[ctx[1].word].wM1
	f[8] = m.rows[ctx[1].suf].sufM1
	f[9] = m.rows[ctx[0].word].wM2
	f[10] = m.rows[ctx[3].word].wP1
	f[11] = m.rows[ctx[3].suf].sufP1
	f[12] = m.rows[ctx[4].word].wP2
	if cur.wguess != noGuess {
		return int(cur.wguess)
	}
	return int(m.rows[raw.suf].sguess)
}

// normalize maps a word onto the form prose's model was trained against
// (prose's tag.normalize) and returns the argument indexes of that form and
// of the word itself.
func (t *Tagger) normalize(s *scratch, w string) (norm, raw lookup) {
	if w == "" {
		return t.empty, t.empty
	}
	// The facts of the bytes are gathered with one table read a byte,
	// where three comparisons read each.
	var seen byteKind
	for i := 0; i < len(w); i++ {
		seen |= byteKinds[w[i]]
	}
	upper, ascii, hyphen := seen&bUpper != 0, seen&bWide == 0, seen&bHyphen != 0
	switch first := w[0]; {
	case hyphen && first != '-':
		norm = t.hyphen
	case len(w) == 4 && isDecimalInt(w):
		norm = t.year
	case first-'0' < 10:
		norm = t.digits
	case ascii && !upper:
		// prose leaves the word as it is.
		norm = t.lookupNorm(w)
		return norm, norm
	case ascii:
		b := s.buf[:0]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c-'A' < 26 {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		s.buf = b
		// b is scratch that nothing retains.
		lower := unsafe.String(&b[0], len(b))
		norm = t.lookupNorm(lower)
		if id := t.m.find(w); id != 0 || len(w) <= 3 {
			return norm, lookup{id, t.m.rows[id].tail}
		}
		if w[len(w)-3:] == lower[len(w)-3:] {
			// The word has the suffix of its lower case.
			return norm, lookup{0, norm.suf}
		}
		return norm, lookup{0, t.m.find(w[len(w)-3:])}
	default:
		norm = t.lookupNorm(strings.ToLower(w))
	}
	return norm, t.lookupNorm(w)
}

// byteKind is what normalize needs of a byte of a word: whether it is an
// ASCII capital, a byte outside ASCII or a hyphen.
type byteKind uint8

const (
	bUpper byteKind = 1 << iota
	bWide
	bHyphen
)

// byteKinds is the byteKind of each byte.
var byteKinds = func() (k [256]byteKind) {
	for c := range k {
		switch {
		case c >= utf8.RuneSelf:
			k[c] = bWide
		case c >= 'A' && c <= 'Z':
			k[c] = bUpper
		case c == '-':
			k[c] = bHyphen
		}
	}
	return k
}()

// isDecimalInt reports whether s is what strconv.Atoi accepts: an optional
// sign and at least one ASCII digit.
func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// prose passes Penn Treebank traces and bracket literals through unscored,
// matching them with regular expressions; isTrace and isBracket read the
// same words byte by byte.

// isTrace reports whether w matches prose's trace expression
// ^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$: "0", "*", "*T*",
// "*?*", "*-12" or "*EXP*-1".
func isTrace(w string) bool {
	switch {
	case w == "0" || w == "*":
		return true
	case len(w) < 3 || w[0] != '*':
		return false
	case len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?'):
		return true
	case w[1] == '-':
		return isDigits(w[2:], 3)
	}
	i := 1
	for i < len(w) && w[i] >= 'A' && w[i] <= 'Z' {
		i++
	}
	return i > 1 && i+2 < len(w) && w[i] == '*' && w[i+1] == '-' && isDigits(w[i+2:], 3)
}

// isBracket reports whether w matches prose's ^\-[A-Z]{3}\-$: "-LRB-".
func isBracket(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// isDigits reports whether s is 1 to max ASCII digits.
func isDigits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isWordByte reports whether c is in the regular-expression class \w.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
