package attribution

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/internal/tagger"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
)

// maxSentenceTokens bounds the tokens of one sentence that are read; text
// past it is left unattributed, which keeps a run-on "sentence" linear.
const maxSentenceTokens = 400

// tok is a token of the window: a view of a stream token with its strings
// and its part-of-speech tag. It is kept small, 72 bytes, as the rules
// copy tokens by the thousand; its feature values are apart (see
// [window.vals]).
type tok struct {
	start, end int
	text       string
	lower      string
	tag        string
	kind       token.Kind
	lex        lexicon.WordKind
	// inQuote is what [window.inQuote] reports of the token, set by load.
	inQuote bool
	// id is the stream's number of the token's lower-case form.
	id int32
}

// tokValues are the lower-case form and the tag of a token as feature
// values, once a feature has read them; zero before (see
// [window.lowerValue]).
type tokValues struct {
	lower, tag linear.Value
}

// window is the sentence the rules read: the stream's tokens of one
// sentence (or of a few, where a sentence ends on an abbreviation), with
// their tags, and the facts of the sentence as a whole. Its state is set
// by load and tagAll and read by the rules; nothing else writes it, but
// for the tag of a cue verb that cue finding reads against the tagger
// (see [window.readAsVerb]) and the tokens' feature values, which the
// model's features fill as they read them (see [window.lowerValue]).
type window struct {
	text string
	lex  *lexicon.Lexicon
	// qs are the outermost quotations of the text, in order.
	qs []*quote.Quote
	// qs[q0:q1] are the quotations that the offsets [qFrom, qEnd) can
	// fall in or before, the last window's (see [window.quoteAfter]); the
	// zero values hold no offset.
	q0, q1, qFrom, qEnd int
	toks                []tok
	// tagged holds the tagger's own tags of toks, which readAsVerb may
	// override in toks; asVerb is the token it last did, or -1.
	tagged []string
	asVerb int
	// words holds the texts of toks for the tagger, set by load, with the
	// keys it remembers their lookups under in memo: their forms. The
	// spellings of a form ("the", "The") share its key, and the last one
	// tagged is remembered: they alternate seldom enough that a key for
	// each case would save little.
	words []tagger.Word
	memo  *tagger.Memo
	// vals holds the feature values of toks, by token; forms those of the
	// text's lower-case forms, by form, hashed once for the text.
	vals  []tokValues
	forms []linear.Value
	// values holds the feature values of the tags and of the names of
	// rules and readings, by where their bytes lie (see [valueCache]).
	values valueCache
	// first is the stream index of toks[0].
	first int
	// title is set when the sentence is a title-case headline.
	title bool
	// lastBreak is the index of the sentence's last comma, quote mark,
	// dash or semicolon, or -1.
	lastBreak int
	// anyVerbs makes every verb a cue candidate, not only the lexicon's.
	anyVerbs bool
}

// load fills w with the stream's tokens [from, to), at most
// maxSentenceTokens of them, untagged, and their words for the tagger,
// and returns the end of those it read.
func (w *window) load(st *token.Stream, from, to int) int {
	to = min(to, from+maxSentenceTokens)
	w.toks, w.words, w.first = w.toks[:0], w.words[:0], from
	// k is the first quotation that ends after the token, as quoteAfter
	// finds it: the tokens ascend, and so does k.
	k := 0
	if from < to {
		k = quoteAfter(w.qs, int(st.Toks[from].Start))
		w.setQuotes(k, int(st.Toks[from].Start), int(st.Toks[to-1].End))
	}
	// Each token is read once, its strings and kind by its form, and
	// written in place, field by field, in room made for all of them: an
	// append would build the 72-byte token aside and copy it.
	text := st.Text()
	toks := slices.Grow(w.toks, to-from)[:max(to-from, 0)]
	words := slices.Grow(w.words, to-from)[:len(toks)]
	n := 0
	for i := from; i < to; i++ {
		t := &st.Toks[i]
		start, end, kind, id := int(t.Start), int(t.End), t.Kind(), t.ID()
		for k < len(w.qs) && w.qs[k].End <= start {
			k++
		}
		if kind == token.Quote && w.misplaced(start, end) {
			continue
		}
		x := &toks[n]
		x.start, x.end, x.text, x.lower, x.tag = start, end, text[start:end], st.Form(id), ""
		x.kind, x.lex, x.id = kind, st.FormLex(id), id
		x.inQuote = k < len(w.qs) && w.qs[k].Start <= start && w.quotedBy(w.qs[k], start, end)
		words[n] = tagger.Word{Text: x.text, Key: id}
		n++
	}
	w.toks, w.words = toks[:n], words[:n]
	w.vals = slices.Grow(w.vals[:0], n)[:n]
	clear(w.vals)
	return to
}

// misplaced reports whether the quotation mark [start, end) is one of a
// quotation whose words are narration between misplaced marks: the rules
// read the words as if the marks were not there.
func (w *window) misplaced(start, end int) bool {
	k := w.quoteAt(start)
	return k >= 0 && (w.qs[k].Start == start || w.qs[k].End == end) && garbled(w.text, w.qs[k])
}

// garbled reports whether quotation q holds narration between misplaced
// marks: it opens with an attribution of its own (see
// [quote.ReasonGarbled]) right after a comma, where a closing mark
// belongs: “..., at the end of this month, “the official said, adding
// ...”. A quotation that opens so elsewhere is one all the same (Trump
// “says a lot of stupid stuff,” though).
func garbled(text string, q *quote.Quote) bool {
	if q.Reason != quote.ReasonGarbled {
		return false
	}
	i := q.Start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i > 0 && text[i-1] == ','
}

// tagAll fills the part-of-speech tags of the window and the facts of the
// sentence. Call it right after load, which clears the tokens' feature
// values: none has read a tag yet.
func (w *window) tagAll(tg *tagger.Tagger) {
	n := len(w.toks)
	w.tagged = slices.Grow(w.tagged[:0], n)[:n]
	tg.TagWordsMemo(w.tagged, w.words, w.memo)
	w.asVerb, w.lastBreak = -1, -1
	for i := range w.toks {
		t := &w.toks[i]
		t.tag = w.tagged[i]
		// A comma and a semicolon are marks of their own.
		if t.kind == token.Quote || t.kind == token.Dash || t.kind == token.Punct && (t.text == "," || t.text == ";") {
			w.lastBreak = i
		}
	}
	w.title = titleCase(w.toks)
}

// readAsVerb makes token i read as a past-tense verb, against the tagger:
// cue finding takes a form of a cue verb for a verb where its context
// says it is one ("the article read."). The reading holds for the rest of
// the window when the cue yields an attribution; untag gives the tagger's
// tag back when it does not.
func (w *window) readAsVerb(i int) {
	w.toks[i].tag = "VBD"
	w.vals[i].tag = linear.Value{}
	w.asVerb = i
}

// untag gives token i back the tagger's tag. Only the token readAsVerb
// last made a verb may have lost it: untag is asked of every token that
// starts no attribution, right after its cue was read.
func (w *window) untag(i int) {
	if i != w.asVerb || i >= len(w.tagged) {
		return
	}
	w.toks[i].tag = w.tagged[i]
	w.vals[i].tag = linear.Value{}
	w.asVerb = -1
}

// lowerValue returns the lower-case form of token i as a feature value,
// hashed once for the window.
func (w *window) lowerValue(i int) linear.Value {
	if v := &w.vals[i]; v.lower != (linear.Value{}) {
		return v.lower
	}
	return w.hashLower(i)
}

// tagValue returns the tag of token i as a feature value, hashed once
// while the tag holds.
func (w *window) tagValue(i int) linear.Value {
	if v := &w.vals[i]; v.tag != (linear.Value{}) {
		return v.tag
	}
	return w.hashTag(i)
}

// hashLower and hashTag set and return a feature value of token i; they
// are lowerValue's and tagValue's first reading, out of line.
func (w *window) hashLower(i int) linear.Value {
	v := &w.vals[i]
	t := &w.toks[i]
	if int(t.id) >= len(w.forms) {
		v.lower = linear.NewValue(t.lower)
		return v.lower
	}
	f := &w.forms[t.id]
	if *f == (linear.Value{}) {
		*f = linear.NewValue(t.lower)
	}
	v.lower = *f
	return v.lower
}

func (w *window) hashTag(i int) linear.Value {
	v := &w.vals[i]
	v.tag = w.values.of(w.toks[i].tag)
	return v.tag
}

// valueCache holds feature values of the strings that are the pipeline's
// own rather than words of the text: tags, and the names of rules and of
// the ways a frame was read. They are a few dozen, from constants and the
// tagger's model, and each is read as a value again and again; the cache
// finds one by where its bytes lie, with no hashing. Two strings of the
// same length at the same place hold the same bytes, as an entry keeps
// its string, whose bytes therefore stay where they are. The cache is
// emptied with the window it belongs to: a bracket's tag is its word, of
// the text.
type valueCache [256]linear.Value

// of returns s as a feature value, linear.NewValue(s).
func (c *valueCache) of(s string) linear.Value {
	if s == "" {
		return linear.NewValue(s)
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	e := &c[(p>>2^p>>9^uintptr(len(s)))%uintptr(len(c))]
	if v := e.String(); len(v) == len(s) && unsafe.StringData(v) == unsafe.StringData(s) {
		return *e
	}
	*e = linear.NewValue(s)
	return *e
}

// titleCase reports whether the words of toks are set in title case, as a
// headline is: at least three words of four letters or more, nearly all
// capitalized.
func titleCase(toks []tok) bool {
	n, capital := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.kind != token.Word || len(t.text) < 4 {
			continue
		}
		n++
		if isCapital(t.text) {
			capital++
		}
	}
	return n >= 3 && capital*10 >= n*9
}

// quoteAfter returns the index of the first outermost quotation that ends
// after byte offset off; the quotations from there on are the ones that
// can overlap [off, ...). It halves the quotations, whose ends ascend,
// without a branch on the comparisons, as [startsFrom] halves tokens.
func quoteAfter(qs []*quote.Quote, off int) int {
	n, base := len(qs), 0
	if n == 0 {
		return 0
	}
	for n > 1 {
		half := n >> 1
		base += half & -b2i(qs[base+half].End <= off)
		n -= half
	}
	return base + b2i(qs[base].End <= off)
}

// setQuotes sets the window's quotations to those that the offsets
// [from, to] can fall in or before, the first of them q0, the first that
// ends after from.
func (w *window) setQuotes(q0, from, to int) {
	q1 := q0
	for q1 < len(w.qs) && w.qs[q1].Start <= to {
		q1++
	}
	w.q0, w.q1, w.qFrom, w.qEnd = q0, q1, from, to+1
}

// quoteAfter is quoteAfter of the window's text, which halves the
// quotations of the window alone for an offset in it: every quotation
// before q0 ends at or before the window's start, and every one from q1
// on starts, and so ends, after its end. The rules ask it of the window's
// tokens, a window holds a few quotations, and a long text has hundreds.
func (w *window) quoteAfter(off int) int {
	if off >= w.qFrom && off < w.qEnd {
		return w.q0 + quoteAfter(w.qs[w.q0:w.q1], off)
	}
	return quoteAfter(w.qs, off)
}

// quoteAt returns the index of the outermost quotation that holds byte
// offset off, or -1.
func (w *window) quoteAt(off int) int {
	k := w.quoteAfter(off)
	if k < len(w.qs) && w.qs[k].Start <= off {
		return k
	}
	return -1
}

// isOpenQuote reports whether token i opens an outermost quotation.
func (w *window) isOpenQuote(i int) bool {
	t := &w.toks[i]
	if t.kind != token.Quote {
		return false
	}
	k := w.quoteAt(t.start)
	return k >= 0 && w.qs[k].Start == t.start
}

// isCloseQuote reports whether token i closes an outermost quotation, or
// is a closing mark after punctuation that the quote stage left unpaired:
// ...,” she said.
func (w *window) isCloseQuote(i int) bool {
	t := &w.toks[i]
	if t.kind != token.Quote {
		return false
	}
	k := w.quoteAt(t.start)
	if k >= 0 && w.qs[k].End == t.end {
		return true
	}
	return k < 0 && i > 0 && w.toks[i-1].kind == token.Punct && w.toks[i-1].end == t.start && (t.text == "”" || t.text == "’" || t.text == "\"" || t.text == "''")
}

// closesSpeech reports whether token i closes a quotation of speech (or an
// unpaired closing mark), not a title in quote marks: “Face the Nation,”.
func (w *window) closesSpeech(i int) bool {
	if !w.isCloseQuote(i) {
		return false
	}
	k := w.quoteAt(w.toks[i].start)
	return k < 0 || w.qs[k].Kind == quote.Speech
}

// inQuote reports whether token i lies inside a closed quotation of one
// paragraph: a quotation that runs over paragraphs may be mispaired, and
// only one within a paragraph hides the cues inside it.
func (w *window) inQuote(i int) bool { return w.toks[i].inQuote }

// quoted reports whether the bytes [start, end) of the text are inside
// quotation marks, as [window.inQuote] says of a token.
func (w *window) quoted(start, end int) bool {
	k := w.quoteAt(start)
	return k >= 0 && w.quotedBy(w.qs[k], start, end)
}

// quotedBy reports whether quotation q, the outermost quotation that
// holds byte offset start, holds the bytes [start, end) inside its marks,
// as [window.quoted] says.
func (w *window) quotedBy(q *quote.Quote, start, end int) bool {
	return q.Start < start && end < q.End && q.Closed && q.FirstParagraph == q.LastParagraph && !garbled(w.text, q)
}

// quoteOf returns the outermost quotation that token i opens; call it only
// where isOpenQuote(i).
func (w *window) quoteOf(i int) quote.Quote { return *w.qs[w.quoteAt(w.toks[i].start)] }

// innerEnds reports whether the words of quotation q end with one of the
// bytes of marks: “...,” ends with a comma.
func innerEnds(q quote.Quote, marks string) bool {
	in := strings.TrimSpace(q.Inner.Text)
	return in != "" && strings.IndexByte(marks, in[len(in)-1]) >= 0
}

// commaQuote reports whether token j closes a quotation of speech whose
// words end with a comma: “...,” is followed by its attribution.
func (w *window) commaQuote(j int) bool {
	if w.toks[j].kind != token.Quote {
		return false
	}
	q := w.quoteAt(w.toks[j].start)
	return q >= 0 && w.qs[q].End == w.toks[j].end && w.qs[q].Kind == quote.Speech && innerEnds(*w.qs[q], ",")
}

// holdsCommaQuote reports whether a quotation whose words end with a comma
// closes in the window before a word: “...,” Oliver barked.
func (w *window) holdsCommaQuote() bool {
	for j := 0; j+1 < len(w.toks); j++ {
		if w.toks[j+1].kind == token.Word && w.commaQuote(j) {
			return true
		}
	}
	return false
}

// afterCommaQuote reports whether the verb at token i follows a quotation
// whose words end with a comma, right after it or after a short noun
// phrase (“...,” Oliver barked; “...,” exhorted the actress): whatever
// the verb, it reports the quotation, as a comma inside the marks says
// the sentence goes on with its attribution.
func (w *window) afterCommaQuote(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 5; j-- {
		t := &w.toks[j]
		if t.kind == token.Quote {
			return w.commaQuote(j)
		}
		if t.kind != token.Word || isVerbTag(t.tag) {
			return false
		}
	}
	return false
}

func isComma(t tok) bool { return t.text == "," }

func isEnd(t tok) bool {
	return t.text == "." || t.text == "!" || t.text == "?" || t.text == "..." || t.text == "…"
}

func isCapital(s string) bool {
	return len(s) > 0 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] == '@')
}

func isNounTag(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "PRP" || t == "CD" || t == "FW"
}

func isNPTag(t string) bool {
	switch t {
	case "NN", "NNS", "NNP", "NNPS", "CD", "FW", "DT", "JJ", "JJR", "JJS", "PRP$", "POS", "HYPH", "NNP$":
		return true
	}
	return false
}

func isVerbTag(t string) bool { return len(t) >= 2 && t[0] == 'V' && t[1] == 'B' || t == "MD" }

// isFinite reports whether t is the tag of a finite verb or a modal.
func isFinite(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" }

// verbs returns the lexicon's verbs of the form of token i, as
// lexicon.Verbs does: the token's lexicon kind says whether there are
// any, which spares the look-up for the words that are no verb, most of
// them.
func (w *window) verbs(i int) []lexicon.Verb {
	if t := &w.toks[i]; t.lex&lexicon.VerbWord != 0 {
		return w.lex.Verbs(t.lower)
	}
	return nil
}

// matchWords reports whether the lower-case forms of ts begin with ws.
func matchWords(ts []tok, ws []string) bool {
	for k, w := range ws {
		if ts[k].lower != w {
			return false
		}
	}
	return true
}

// hasWordChar reports whether s holds a character of a word.
func hasWordChar(s string) bool {
	for _, r := range s {
		if token.IsWordChar(r) {
			return true
		}
	}
	return false
}
