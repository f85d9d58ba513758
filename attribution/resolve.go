package attribution

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	ptoken "github.com/jdkato/prose/v3/token"
	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/tagger"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// maxSentenceTokens bounds the tokens of one sentence that are read; text
// past it is left unattributed, which keeps a run-on "sentence" linear.
const maxSentenceTokens = 400

var loadTagger = sync.OnceValues(func() (*tagger.Tagger, error) { return tagger.New() })

// doc is the per-call state of Resolve.
type doc struct {
	r     *Resolver
	text  string
	sents []sentence.Sentence
	qs    []quote.Quote // outermost quotations, in order
	toks  []token
	ptoks []ptoken.Token
	lower lowerBuf // the tokens' lower-case forms
	out   []Attribution
	// last is the index in out of the last attribution with a speaker.
	last int
	// gerund makes leftNP stop at "of": the subject of a gerund is the
	// nearest noun phrase.
	gerund bool
	// title is set when the current sentence is a title-case headline.
	title bool
	// paren is the index of the comma that opens a parenthetical adverb
	// or participle clause after the speaker ("Lee, however, said"), or -1.
	paren int
	// lastBreak is the index of the sentence's last comma, quote mark,
	// dash or semicolon, or -1.
	lastBreak int
}

func (r *Resolver) resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	if len(text) == 0 {
		return nil
	}
	if sents == nil {
		sents = sentence.Split(text)
	}
	sc := scratches.Get().(*scratch)
	d := &doc{r: r, text: text, sents: sents, last: -1, qs: sc.qs[:0], toks: sc.toks[:0], ptoks: sc.ptoks[:0], out: sc.out[:0]}
	defer func() {
		sc.qs, sc.toks, sc.ptoks, sc.out = d.qs, d.toks, d.ptoks, d.out
		sc.put()
	}()
	for _, q := range qs {
		if q.Depth == 0 && q.Start >= 0 && q.End <= len(text) && q.Start < q.End {
			d.qs = append(d.qs, q)
		}
	}
	slices.SortStableFunc(d.qs, func(a, b quote.Quote) int { return cmp.Compare(a.Start, b.Start) })
	for si := 0; si < len(sents); {
		si = d.sentence(si)
	}
	byContent := func(a, b Attribution) int { return cmp.Compare(a.Extent.Start, b.Extent.Start) }
	slices.SortStableFunc(d.out, byContent)
	d.quotes()
	slices.SortStableFunc(d.out, byContent)
	if len(d.out) == 0 {
		return nil
	}
	// The attributions are built in the pooled buffer and copied out once,
	// at their final number.
	return slices.Clone(d.out)
}

// scratch holds the buffers of one call of resolve for reuse by the next;
// scratches keeps them. Nothing of them outlives a call.
type scratch struct {
	qs    []quote.Quote
	toks  []token
	ptoks []ptoken.Token
	out   []Attribution
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled bounds the elements of a buffer that is kept for reuse; a
// buffer grown by a huge text is left to the collector.
const maxPooled = 1 << 12

// put clears the buffers, so that they hold no strings of the text, and
// returns them to scratches.
func (sc *scratch) put() {
	if cap(sc.qs) > maxPooled || cap(sc.toks) > maxPooled || cap(sc.ptoks) > maxPooled || cap(sc.out) > maxPooled {
		return
	}
	clear(sc.out[:cap(sc.out)])
	clear(sc.qs[:cap(sc.qs)])
	clear(sc.toks[:cap(sc.toks)])
	clear(sc.ptoks[:cap(sc.ptoks)])
	scratches.Put(sc)
}

// sentence finds the attributions whose cue is in sentence si, and returns
// the index of the next sentence to read. A sentence that ends on an
// abbreviation or an initial ("Mr.", "J.") is read with the next one of its
// paragraph.
func (d *doc) sentence(si int) int {
	s := d.sents[si]
	next := si + 1
	if s.Start < 0 || s.End > len(d.text) || s.Start >= s.End {
		return next
	}
	end := s.End
	for next < len(d.sents) && d.sents[next].Paragraph == s.Paragraph && next-si < 8 && endsOnAbbreviation(d.text[s.Start:end]) && d.sents[next].End <= len(d.text) && d.sents[next].End > end {
		end = d.sents[next].End
		next++
	}
	d.toks = splitTokens(d.toks[:0], &d.lower, d.text, s.Start, end, maxSentenceTokens)
	toks := d.toks
	lex := d.r.lex
	// A sentence is tagged when it holds a cue: a colon, a verb (verbs of
	// appearance included), a noun cue, a whole multi-word cue, or a survey
	// opening ("In a poll, ...").
	found := false
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord {
			found = found || t.text == ":"
			continue
		}
		t.lex = lex.Kind(t.lower)
		found = found || t.lex&(lexicon.VerbWord|lexicon.NounWord) != 0 || t.lex&lexicon.PhraseWord != 0 && d.phraseAt(i) || i == 0 && t.lower == "in"
	}
	if !found {
		return next
	}
	d.tag()
	d.title = titleCase(toks)
	d.lastBreak = -1
	for m, t := range toks {
		if isComma(t) || t.kind == tQuote || t.kind == tDash || t.text == ";" {
			d.lastBreak = m
		}
	}
	used := -1 // tokens up to used belong to a cue already taken
	first := len(d.out)
	for i := 0; i < len(toks); i++ {
		if i <= used {
			continue
		}
		a, end, ok := d.cueAt(si, i)
		if !ok || a.Extent.Empty() {
			// A cue that came to nothing gives back the tag it may have
			// forced ("the 2013 report, Ari Fleischer, said").
			if i < len(d.ptoks) {
				toks[i].tag = d.ptoks[i].Tag
			}
		}
		if ok {
			if !d.r.cfg.nested {
				if d.nestedIn(a) && !d.speechCue(a) {
					used = end
					continue
				}
				d.cutCoordinated(a, first)
				// An attribution whose cue lies in this one's content is
				// nested in it: "X proposed Y, the official said".
				for len(d.out) > first && a.Extent.Start <= d.out[len(d.out)-1].Cue.Start && d.out[len(d.out)-1].Cue.End <= a.Extent.End {
					d.out = d.out[:len(d.out)-1]
				}
			}
			d.add(a)
			used = end
		}
	}
	return next
}

// cutCoordinated ends the content of the sentence's last attribution
// before a coordinated clause with a speaker and cue of its own, which a
// holds: "most said X, and a third said Y" reports X and Y apart.
func (d *doc) cutCoordinated(a Attribution, first int) {
	if len(d.out) <= first || a.Speaker.Empty() {
		return
	}
	o := &d.out[len(d.out)-1]
	if !(o.Extent.Start < a.Speaker.Start && a.Cue.End <= o.Extent.End && o.Cue.End <= o.Extent.Start) {
		return
	}
	k := 0
	for k < len(d.toks) && d.toks[k].start < a.Speaker.Start {
		k++
	}
	if k >= len(d.toks) || d.toks[k].start != a.Speaker.Start || k < 2 {
		return
	}
	c := k - 1
	if l := d.toks[c].lower; l == "and" || l == "but" {
		c--
	}
	if c == k-1 && d.toks[c].text != ";" || !isComma(d.toks[c]) && d.toks[c].text != ";" || d.toks[c].start <= o.Extent.Start {
		return
	}
	e := d.toks[c].start
	o.Extent = span.Of(d.text, o.Extent.Start, e)
	for len(o.Spans) > 0 && o.Spans[len(o.Spans)-1].Start >= e {
		o.Spans = o.Spans[:len(o.Spans)-1]
	}
	if n := len(o.Spans); n > 0 && o.Spans[n-1].End > e {
		o.Spans[n-1] = span.Of(d.text, o.Spans[n-1].Start, e)
	}
	if len(o.Spans) == 0 {
		o.Spans = []span.Span{o.Extent}
	}
}

// titleCase reports whether the words of toks are set in title case, as a
// headline is: at least three words of four letters or more, nearly all
// capitalized.
func titleCase(toks []token) bool {
	n, capital := 0, 0
	for _, t := range toks {
		if t.kind != tWord || len(t.text) < 4 {
			continue
		}
		n++
		if isCapital(t.text) {
			capital++
		}
	}
	return n >= 3 && capital*10 >= n*9
}

// phraseAt reports whether a whole multi-word cue ("according to") starts
// at token i of the sentence. Its first word alone ("in", "as") is too
// common to be worth tagging a sentence for.
func (d *doc) phraseAt(i int) bool {
	for _, p := range d.r.lex.Phrases(d.toks[i].lower) {
		if n := len(p.Words); i+n <= len(d.toks) && matchWords(d.toks[i:i+n], p.Words) {
			return true
		}
	}
	return false
}

// nestedIn reports whether a lies inside the content of an attribution
// already found.
func (d *doc) nestedIn(a Attribution) bool {
	for j := len(d.out) - 1; j >= 0 && j >= len(d.out)-4; j-- {
		if o := d.out[j]; o.Extent.Start <= a.Cue.Start && a.Cue.End <= o.Extent.End && o.Extent.Start <= a.Extent.Start && a.Extent.End <= o.Extent.End {
			return true
		}
	}
	return false
}

// speechCue reports whether the last verb of a's cue ("complained" in
// "complained about") is a verb of saying. A verb whose content is its
// object ("support") reports an attitude, not speech.
func (d *doc) speechCue(a Attribution) bool {
	w := a.Cue.Text
	for len(w) > 0 {
		word := w
		if i := strings.LastIndexByte(w, ' '); i >= 0 {
			word, w = w[i+1:], w[:i]
		} else {
			w = ""
		}
		vs := d.r.lex.Verbs(lowerASCII(word))
		if vs == nil {
			continue
		}
		for _, v := range vs {
			if (v.Class == lexicon.Speech || v.Class == lexicon.Address) && !d.r.lex.TakesObject(v.Lemma) {
				return true
			}
		}
		return false
	}
	return false
}

// endsOnAbbreviation reports whether s ends with a title, abbreviation or
// initial and its full stop.
func endsOnAbbreviation(s string) bool {
	n := len(s)
	if n < 2 || s[n-1] != '.' {
		return false
	}
	i := n - 1
	for i > 0 && isWordChar(rune(s[i-1])) && s[i-1] < 0x80 {
		i--
	}
	w := s[i : n-1]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || fold.In(abbrevs, w)
}

// tag fills the part-of-speech tags of d.toks.
func (d *doc) tag() {
	d.ptoks = d.ptoks[:0]
	for _, t := range d.toks {
		d.ptoks = append(d.ptoks, ptoken.Token{Text: t.text})
	}
	d.r.tagger.TagTokens(d.ptoks)
	for i := range d.toks {
		d.toks[i].tag = d.ptoks[i].Tag
	}
}

func (d *doc) add(a Attribution) {
	if a.Extent.Empty() {
		return
	}
	for j := len(d.out) - 1; j >= 0 && j >= len(d.out)-8; j-- {
		if o := d.out[j]; o.Extent.Start == a.Extent.Start && o.Extent.End == a.Extent.End {
			return
		}
	}
	d.classify(&a)
	d.out = append(d.out, a)
	if !a.Speaker.Empty() {
		d.last = len(d.out) - 1
	}
}

// classify sets Type and Quoted from the quotations inside the content, and
// widens the content to whole quotations that cross its edges.
func (d *doc) classify(a *Attribution) {
	c := a.Extent
	// Widen to quotations that cross an edge of the content.
	for _, q := range d.qs[d.quoteAfter(c.Start):] {
		if q.Start >= c.End {
			break
		}
		if q.Start < c.Start && q.End > c.Start && q.End <= c.End+1 {
			c.Start = q.Start
		}
		if q.End > c.End && q.Start >= c.Start {
			c.End = q.End
		}
	}
	if c.Start != a.Extent.Start || c.End != a.Extent.End {
		c = span.Of(d.text, c.Start, c.End)
		if len(a.Spans) <= 1 {
			a.Spans = []span.Span{c}
		} else {
			a.Spans[0] = span.Of(d.text, c.Start, a.Spans[0].End)
			a.Spans[len(a.Spans)-1] = span.Of(d.text, a.Spans[len(a.Spans)-1].Start, c.End)
		}
		a.Extent = c
	}
	if len(a.Spans) == 0 {
		a.Spans = []span.Span{c}
	}
	a.Quoted = a.Quoted[:0]
	var inner []span.Span
	whole := true
	for _, q := range d.qs[d.quoteAfter(c.Start):] {
		if q.Start >= c.End {
			break
		}
		if q.Start < c.Start || q.End > c.End {
			continue
		}
		inner = append(inner, q.Inner)
	}
	if len(inner) == 0 {
		a.Type = Indirect
		a.Quoted = nil
		return
	}
	// Direct when the quotations cover every word of every fragment.
	for _, f := range a.Spans {
		if !d.onlyQuoted(f) {
			whole = false
			break
		}
	}
	a.Quoted = inner
	if whole {
		a.Type = Direct
	} else {
		a.Type = Mixed
	}
}

// onlyQuoted reports whether every letter or digit of f lies inside a
// quotation.
func (d *doc) onlyQuoted(f span.Span) bool {
	i := f.Start
	for _, q := range d.qs[d.quoteAfter(f.Start):] {
		if i >= f.End {
			return true
		}
		if q.End <= i {
			continue
		}
		if q.Start >= f.End {
			break
		}
		if q.Start > i && hasWordChar(d.text[i:q.Start]) {
			return false
		}
		i = q.End
	}
	return i >= f.End || !hasWordChar(d.text[i:f.End])
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if isWordChar(r) {
			return true
		}
	}
	return false
}

// quoteAfter returns the index of the first outermost quotation that ends
// after byte offset off; the quotations from there on are the ones that
// can overlap [off, ...).
func (d *doc) quoteAfter(off int) int {
	return sort.Search(len(d.qs), func(i int) bool { return d.qs[i].End > off })
}

// quoteAt returns the index of the outermost quotation that holds byte
// offset off, or -1.
func (d *doc) quoteAt(off int) int {
	k := sort.Search(len(d.qs), func(i int) bool { return d.qs[i].End > off })
	if k < len(d.qs) && d.qs[k].Start <= off {
		return k
	}
	return -1
}

// quotes attributes the quotations of speech that no cue claimed: a
// quotation ended by a dash and a name, a continuation of the previous
// speaker's turn, or a bare quotation.
func (d *doc) quotes() {
	claimed := make([]bool, len(d.qs))
	for _, a := range d.out {
		for k := d.quoteAfter(a.Extent.Start); k < len(d.qs) && d.qs[k].Start < a.Extent.End; k++ {
			claimed[k] = true
		}
	}
	var extra []Attribution
	for k, q := range d.qs {
		if claimed[k] || q.Kind != quote.Speech {
			continue
		}
		if !hasWordChar(q.Inner.Text) || len(q.Inner.Text) < 3 {
			continue
		}
		a := Attribution{Extent: q.Span(), Spans: []span.Span{q.Span()}, Quoted: []span.Span{q.Inner}, Type: Direct}
		if spk, cue, ok := d.dashSpeaker(q); ok {
			a.Speaker, a.Cue, a.Rule, a.Confidence = spk, cue, RuleDashSpeaker, 0.7
			extra = append(extra, a)
			continue
		}
		// A short phrase in quotation marks that does not end as an
		// utterance (“fake news”, “a disaster”) is a name or a scare quote,
		// not a turn of speech, when no cue claims it.
		if isFragment(q.Inner.Text) && !d.cueJustBefore(q.Start) {
			continue
		}
		// Continuation: the closest attribution before it with a speaker,
		// in the same paragraph or the one before.
		prev := -1
		js := sort.Search(len(d.out), func(i int) bool { return d.out[i].Extent.Start >= q.Start }) - 1
		for j := js; j >= 0 && j >= js-8; j-- {
			if d.out[j].Extent.End <= q.Start {
				prev = j
				break
			}
		}
		if prev >= 0 && d.out[prev].Type != Indirect && !d.out[prev].Speaker.Empty() {
			pp := d.paragraphOf(d.out[prev].Extent.End - 1)
			qp := q.FirstParagraph
			if qp < 0 {
				qp = d.paragraphOf(q.Start)
			}
			if qp-pp <= 1 && qp >= pp {
				a.Rule, a.Confidence = RuleContinuation, 0.4
				// The turn's speaker is the mention that opened it, as
				// the one cue reports the whole run of quotations.
				a.Speaker = d.out[prev].Speaker
				extra = append(extra, a)
				continue
			}
		}
		a.Rule, a.Confidence = RuleQuote, 0.2
		extra = append(extra, a)
	}
	d.out = append(d.out, extra...)
}

// isFragment reports whether the words of a quotation are a short phrase
// (fewer than four words) with no closing punctuation of an utterance, or
// a name of one or two words before the sentence's comma (“Bloodline,”).
func isFragment(inner string) bool {
	inner = strings.TrimRight(inner, " \t\n\u00a0")
	if inner == "" {
		return true
	}
	switch inner[len(inner)-1] {
	case '.', '?', '!', ':', ';':
		return false
	case ',':
		// “Bloodline,”: a title before the comma of the sentence; a turn
		// of speech that goes on after its comma has a cue.
		return len(strings.Fields(inner)) < 3
	}
	if strings.HasSuffix(inner, "…") || strings.HasSuffix(inner, "—") {
		return false
	}
	return len(strings.Fields(inner)) < 4
}

// wordNouns name the words of a quotation that follows them: the phrase
// “...”, the slogan “...”.
var wordNouns = map[string]bool{
	"phrase": true, "term": true, "word": true, "words": true, "slogan": true, "label": true,
	"message": true, "motto": true, "chant": true, "chants": true, "catchphrase": true, "refrain": true,
}

// cueJustBefore reports whether a cue verb is among the four words before
// byte offset off, in the same clause: a quotation that a verb of saying or
// naming introduces (called them “lone wolves”), or a noun that names
// words (the phrase “...”), is speech however short.
func (d *doc) cueJustBefore(off int) bool {
	var buf [24]token
	from := max(0, off-48)
	toks := splitTokens(buf[:0], &d.lower, d.text, from, off, len(buf))
	n := 0
	for j := len(toks) - 1; j >= 0 && n < 4; j-- {
		t := toks[j]
		if t.kind != tWord {
			if t.text == "," || t.text == ":" {
				continue
			}
			return false
		}
		if j == 0 && from > 0 {
			return false // the first token may be cut
		}
		if d.r.lex.Verbs(t.lower) != nil || n == 0 && wordNouns[t.lower] {
			return true
		}
		n++
	}
	return false
}

func (d *doc) paragraphOf(off int) int {
	i := sentence.Locate(d.sents, off)
	if i < 0 || i >= len(d.sents) {
		return -1
	}
	return d.sents[i].Paragraph
}

// dashSpeaker finds "“...” — Name" right after quotation q.
func (d *doc) dashSpeaker(q quote.Quote) (spk, cue span.Span, ok bool) {
	end := min(len(d.text), q.End+200)
	for i := q.End; i < end; i++ {
		if d.text[i] == '\n' {
			end = i
			break
		}
	}
	var buf [40]token
	// Most quotations are not followed by a dash: look at one token first.
	if first := splitTokens(buf[:0], &d.lower, d.text, q.End, end, 1); len(first) == 0 || first[0].kind != tDash {
		return
	}
	toks := splitTokens(buf[:0], &d.lower, d.text, q.End, end, len(buf))
	if len(toks) < 2 || toks[0].kind != tDash {
		return
	}
	j := 1
	for j < len(toks) && toks[j].kind == tWord && isCapital(toks[j].text) || j > 1 && j < len(toks) && (toks[j].lower == "of" || toks[j].text == "." && false) {
		j++
		if j-1 > 6 {
			return
		}
	}
	if j == 1 {
		return
	}
	// The name must end its line or sentence.
	if j < len(toks) && toks[j].kind == tWord {
		return
	}
	return span.Of(d.text, toks[1].start, toks[j-1].end), span.Of(d.text, toks[0].start, toks[0].end), true
}

func isCapital(s string) bool {
	return len(s) > 0 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] == '@')
}
