package attribution

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/internal/room"
	"github.com/whosaid/whosaid/internal/tagger"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

var loadTagger = sync.OnceValues(func() (*tagger.Tagger, error) { return tagger.New() })

// reader is the state of one call of Resolve: the token stream of the
// text, the window of the sentence being read, and the attributions found
// so far. The rules read it; each call has its own.
type reader struct {
	st     *token.Stream
	w      window
	sents  []sentence.Sentence
	si     int // the first sentence of the window
	runs   bool
	nested bool
	tagger *tagger.Tagger
	// cue is the candidate being read; it lives here so that the rules,
	// called through the registry, share it without an allocation.
	cue    cue
	frames []frame
	// choose, when set, picks one of the frames of candidate c, or none
	// (-1), in place of the model; with neither, the first frame is
	// taken.
	choose func(rd *reader, c *cue, frames []frame) int
	model  *Model
	fs     linear.Features // the features of the frame being scored
	// memo remembers the frame model's weights of the features scored
	// lately, from call to call.
	memo linear.Memo
	// found holds the attributions found so far, frags their fragments
	// and quoted words, rules the names of their rules (see [found]).
	found []found
	frags []offsets
	rules []string
	// one and quoted hold the fragment and the quoted words of the
	// attribution being added, until it is kept; two, those of a
	// quotation without a cue (see [reader.quotes]).
	one    [1]span.Span
	two    [2]span.Span
	quoted []span.Span
	// out holds the attributions at the end, made from found.
	out []Attribution
	// reporting holds, by form of the text, whether the model has learned
	// that the word reports (see [reader.mayReport]), once looked up.
	reporting []reporting
	// pending and weights hold the forms lookUpForms looks up together
	// and their weights.
	pending []int32
	weights []float64
	// shared holds dropShared's pairs of attributions, and rank its
	// buffer for their ranks by confidence and their order.
	shared [][2]int32
	rank   []int32
	// tagMemo holds the tagger's lookups of the words of the text, by
	// form (see [window.keys]); put empties it.
	tagMemo tagger.Memo
}

// reporting is what [reader.mayReport] knows of a form of the text.
type reporting uint8

const (
	unread reporting = iota
	reports
	reportsNot
)

// readers keeps the buffers of one call for the next. Nothing of them
// outlives a call.
var readers = sync.Pool{New: func() any { return &reader{st: new(token.Stream)} }}

// maxPooled bounds the tokens of a reader that is kept for reuse; one
// grown by a huge text is left to the collector.
const maxPooled = 1 << 16

func (r *Resolver) resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	return r.resolveWith(text, sents, qs, nil)
}

// resolveWith is resolve with choose, when not nil, choosing among the
// frames of every cue.
func (r *Resolver) resolveWith(text string, sents []sentence.Sentence, qs []quote.Quote, choose func(rd *reader, c *cue, frames []frame) int) []Attribution {
	if len(text) == 0 {
		return nil
	}
	if sents == nil {
		sents = sentence.Split(text)
	}
	rd := readers.Get().(*reader)
	defer rd.put()
	rd.st.Scan(text, sents, qs, r.lex)
	rd.w = window{text: text, lex: r.lex, qs: rd.st.Quotes, toks: rd.w.toks[:0], tagged: rd.w.tagged[:0], words: rd.w.words[:0], memo: &rd.tagMemo, vals: rd.w.vals[:0], forms: rd.w.forms[:0]}
	rd.sents, rd.runs, rd.nested, rd.tagger = sents, r.cfg.runs, r.cfg.nested, r.tagger
	rd.found, rd.frags, rd.rules = rd.found[:0], rd.frags[:0], rd.rules[:0]
	rd.choose, rd.model = choose, r.model
	if n := rd.st.Forms(); rd.model != nil || choose != nil {
		// The forms' feature values, which only the model's features read.
		rd.w.forms = slices.Grow(rd.w.forms, n)[:n]
		clear(rd.w.forms)
		if rd.model != nil {
			rd.reporting = slices.Grow(rd.reporting[:0], n)[:n]
			clear(rd.reporting)
		}
	}
	// A model weighs every verb as a cue; the rules alone read only the
	// lexicon's.
	rd.w.anyVerbs = (choose != nil || r.model != nil)
	for si := 0; si < len(sents); {
		si = rd.sentence(si)
	}
	rd.sortByContent()
	rd.quotes()
	rd.sortByContent()
	// The attributions are made once, at their final number, and handed
	// out.
	rd.out = rd.attributions()
	// Repeated readings go by the frame model's probabilities, as they
	// did in the predictions the confidence part was fitted to; the
	// rules' figures are fixed by rule, and choose nothing.
	if rd.model != nil {
		rd.dropShared()
	}
	rd.confide()
	rd.resolveEntities()
	for i := range rd.out {
		rd.out[i].Text = JoinSpans(rd.out[i].Spans)
	}
	out := rd.out
	rd.out = nil
	return out
}

// sortByContent puts rd.found in order of the content's start, keeping
// the order of equal starts. The cues of a text are read in order, and so
// mostly find their contents in order: a check comes first, where a
// stable sort would move every attribution of a long text again.
func (rd *reader) sortByContent() {
	byContent := func(a, b found) int { return cmp.Compare(a.extent.start, b.extent.start) }
	if !slices.IsSortedFunc(rd.found, byContent) {
		slices.SortStableFunc(rd.found, byContent)
	}
}

// put clears the reader, so that it holds no strings of the text, and
// returns it to readers.
func (rd *reader) put() {
	if rd.st.Len() > maxPooled || cap(rd.found) > maxPooled {
		return
	}
	rd.st.Release()
	rd.one, rd.two = [1]span.Span{}, [2]span.Span{}
	clear(rd.quoted[:cap(rd.quoted)])
	clear(rd.w.toks[:cap(rd.w.toks)])
	clear(rd.w.words[:cap(rd.w.words)])
	rd.tagMemo.Release()
	clear(rd.w.vals[:cap(rd.w.vals)])
	clear(rd.w.forms[:cap(rd.w.forms)])
	clear(rd.w.values[:])
	clear(rd.frames[:cap(rd.frames)])
	rd.sents, rd.w.text, rd.w.qs, rd.choose, rd.model = nil, "", nil, nil, nil
	readers.Put(rd)
}

// sentence finds the attributions whose cue is in sentence si, and returns
// the index of the next sentence to read. A sentence that ends on an
// abbreviation or an initial ("Mr.", "J.") is read with the next one of its
// paragraph.
func (rd *reader) sentence(si int) int {
	text, sents := rd.w.text, rd.sents
	s := sents[si]
	next := si + 1
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return next
	}
	end := s.End
	for next < len(sents) && sents[next].Paragraph == s.Paragraph && next-si < 8 && endsOnAbbreviation(text[s.Start:end]) && sents[next].End <= len(text) && sents[next].End > end && !rd.w.opensQuote(sents[next].Start) {
		end = sents[next].End
		next++
	}
	rd.si = si
	w := &rd.w
	from := int(rd.st.Sents[si].First)
	to := w.load(rd.st, from, int(rd.st.Sents[next-1].End))
	if !w.holdsCue() && !rd.mayReport(from, to) && !(w.anyVerbs && w.holdsCommaQuote()) {
		return next
	}
	w.tagAll(rd.tagger)
	used := -1 // tokens up to used belong to a cue already taken
	first := len(rd.found)
	for i := 0; i < len(w.toks); i++ {
		if i <= used {
			continue
		}
		f := rd.cueAt(i)
		if f == nil || f.a.Extent.Empty() {
			// A cue that came to nothing gives back the tag it may have
			// forced ("the 2013 report, Ari Fleischer, said").
			w.untag(i)
		}
		if f == nil {
			continue
		}
		used = f.end
		if !rd.nested {
			if rd.nestedIn(f.a) && (!rd.speechCue(f.a) || hypothetical(f.a.Cue.Text)) {
				continue
			}
			rd.cutCoordinated(f.a, first)
			// An attribution whose cue lies in this one's content is
			// nested in it: "X proposed Y, the official said".
			for len(rd.found) > first && f.a.Extent.Start <= int(rd.found[len(rd.found)-1].cue.start) && int(rd.found[len(rd.found)-1].cue.end) <= f.a.Extent.End {
				rd.drop()
			}
		}
		rd.add(f.a)
	}
	return next
}

// cueAt reads the attribution whose cue starts at token i of the window,
// if there is one: the frame chosen among rd.frames, valid until the next
// call, or nil.
func (rd *reader) cueAt(i int) *frame {
	if !rd.w.findCue(&rd.cue, i) {
		return nil
	}
	// A generic cue's lemma is the stem of its form (see
	// [window.cueLemma]), which mayReport may have looked up.
	if rd.cue.generic && rd.model != nil && !rd.formReports(rd.w.toks[i].id) && !rd.w.afterCommaQuote(i) {
		return nil
	}
	return rd.selectFrame(&rd.cue)
}

// mayReport reports whether the tokens [from, to) of the text hold a word
// that the lexicon does not know but that may be a cue all the same (see
// [window.anyVerb]): for a model, a word outside quotation marks whose
// stem it has learned reports, as only those can be (see [window.findCue] and
// [Model.reports]); in training, any word. Each form of the text is
// looked up once.
func (rd *reader) mayReport(from, to int) bool {
	if !rd.w.anyVerbs {
		return false
	}
	if rd.model == nil {
		return true
	}
	rd.lookUpForms(from, to)
	st := rd.st
	for i := from; i < to; i++ {
		t := st.Toks[i]
		if t.Kind() != token.Word || st.Lex(i) != 0 {
			continue
		}
		// Where the word is, only for a word that reports.
		if rd.formReports(t.ID()) && !rd.w.quoted(int(t.Start), int(t.End)) {
			return true
		}
	}
	return false
}

// lookUpForms looks up for formReports, all together, the forms of the
// words [from, to) of the text that the lexicon does not know and that
// were not looked up before: the model reads their weights side by side
// (see [linear.Model.Weights]), where looking them up one after another
// would wait for each read that misses the cache in turn.
func (rd *reader) lookUpForms(from, to int) {
	st, fs := rd.st, &rd.fs
	fs.Reset()
	ids := rd.pending[:0]
	for i := from; i < to; i++ {
		t := st.Toks[i]
		if t.Kind() != token.Word || st.Lex(i) != 0 {
			continue
		}
		if id := t.ID(); rd.reporting[id] == unread {
			rd.reporting[id] = reportsNot // until weighed below; once in ids
			ids = append(ids, id)
			fs.Add(tLemma, stem(st.Form(id)))
		}
	}
	rd.weights = rd.model.frames.Weights(fs, rd.weights[:0])
	for k, id := range ids {
		if rd.weights[k] > 0 {
			rd.reporting[id] = reports
		}
	}
	rd.pending = ids
}

// formReports reports whether the model has learned that the stem of
// form id of the text reports (see [Model.reports]), looking each form up
// once. Call it only with a model.
func (rd *reader) formReports(id int32) bool {
	if rd.reporting[id] == unread {
		rd.reporting[id] = reportsNot
		if rd.model.reports(&rd.fs, stem(rd.st.Form(id))) {
			rd.reporting[id] = reports
		}
	}
	return rd.reporting[id] == reports
}

// holdsCue reports whether the window holds a cue worth tagging it for: a
// colon, a verb (verbs of appearance included), a noun cue, a whole
// multi-word cue, or a survey opening ("In a poll, ..."), outside
// quotation marks.
func (w *window) holdsCue() bool {
	for i := range w.toks {
		t := &w.toks[i]
		if t.kind != token.Word {
			if t.text == ":" {
				return true
			}
			continue
		}
		// A word inside quotation marks starts no cue (see
		// [window.findCue]).
		if (t.lex&(lexicon.VerbWord|lexicon.NounWord) != 0 || t.lex&lexicon.PhraseWord != 0 && w.phraseAt(i) || i == 0 && t.lower == "in") && !w.inQuote(i) {
			return true
		}
	}
	return false
}

// phraseAt reports whether a whole multi-word cue ("according to") starts
// at token i of the window. Its first word alone ("in", "as") is too
// common to be worth tagging a sentence for.
func (w *window) phraseAt(i int) bool {
	for _, p := range w.lex.Phrases(w.toks[i].lower) {
		if n := len(p.Words); i+n <= len(w.toks) && matchWords(w.toks[i:i+n], p.Words) {
			return true
		}
	}
	return false
}

// cutCoordinated ends the content of the sentence's last attribution
// before a coordinated clause with a speaker and cue of its own, which a
// holds: "most said X, and a third said Y" reports X and Y apart.
func (rd *reader) cutCoordinated(a Attribution, first int) {
	if len(rd.found) <= first || a.Speaker.Empty() {
		return
	}
	f := rd.found[len(rd.found)-1]
	if !(int(f.extent.start) < a.Speaker.Start && a.Cue.End <= int(f.extent.end) && f.cue.end <= f.extent.start) {
		return
	}
	start := int(f.extent.start)
	toks := rd.w.toks
	k := 0
	for k < len(toks) && toks[k].start < a.Speaker.Start {
		k++
	}
	if k >= len(toks) || toks[k].start != a.Speaker.Start || k < 2 {
		return
	}
	c := k - 1
	if l := toks[c].lower; l == "and" || l == "but" {
		c--
	}
	if c == k-1 && toks[c].text != ";" || !isComma(toks[c]) && toks[c].text != ";" || toks[c].start <= start {
		return
	}
	spans := make([]span.Span, f.spans.n+f.quoted.n)
	o, _ := rd.attribution(&f, spans)
	cutAt(rd.w.text, &o, toks[c].start)
	// The quotations it held may now lie past its end: its type and
	// quoted words are taken again, its content not widened over them.
	rd.quoted = typeOf(rd.w.text, rd.w.qs, &o, rd.quoted)
	rd.drop()
	rd.keep(&o)
}

// cutAt ends the content of a at offset e.
func cutAt(text string, a *Attribution, e int) {
	a.Extent = span.Of(text, a.Extent.Start, e)
	for len(a.Spans) > 0 && a.Spans[len(a.Spans)-1].Start >= e {
		a.Spans = a.Spans[:len(a.Spans)-1]
	}
	if n := len(a.Spans); n > 0 && a.Spans[n-1].End > e {
		a.Spans[n-1] = span.Of(text, a.Spans[n-1].Start, e)
	}
}

// nestedIn reports whether a lies inside the content of an attribution
// already found.
func (rd *reader) nestedIn(a Attribution) bool {
	for j := len(rd.found) - 1; j >= 0 && j >= len(rd.found)-4; j-- {
		if o := rd.found[j].extent; int(o.start) <= a.Cue.Start && a.Cue.End <= int(o.end) && int(o.start) <= a.Extent.Start && a.Extent.End <= int(o.end) {
			return true
		}
	}
	return false
}

// speechCue reports whether the last verb of a's cue ("complained" in
// "complained about") is a verb of saying. A verb whose content is its
// object ("support") reports an attitude, not speech.
func (rd *reader) speechCue(a Attribution) bool {
	lex := rd.w.lex
	w := a.Cue.Text
	for len(w) > 0 {
		word := w
		if i := strings.LastIndexByte(w, ' '); i >= 0 {
			word, w = w[i+1:], w[:i]
		} else {
			w = ""
		}
		vs := lex.Verbs(token.Lower(word))
		if vs == nil {
			continue
		}
		for _, v := range vs {
			if (v.Class == lexicon.Speech || v.Class == lexicon.Address) && !lex.TakesObject(v.Lemma) {
				return true
			}
		}
		return false
	}
	return false
}

// hypothetical reports whether a cue opens with a modal: "would ask for",
// "will tell". Inside the content of another attribution it reports what
// someone may say, not what they said.
func hypothetical(cue string) bool {
	w, _, _ := strings.Cut(cue, " ")
	return modals.has(token.Lower(w))
}

// endsOnAbbreviation reports whether s ends with a title, abbreviation or
// initial and its full stop.
func endsOnAbbreviation(s string) bool {
	n := len(s)
	if n < 2 || s[n-1] != '.' {
		return false
	}
	i := n - 1
	for i > 0 && token.IsWordChar(rune(s[i-1])) && s[i-1] < 0x80 {
		i--
	}
	w := s[i : n-1]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || lexicon.Abbreviation(w)
}

// add appends a, unless its content is empty or already reported, with
// its type and quoted words.
func (rd *reader) add(a Attribution) {
	if a.Extent.Empty() {
		return
	}
	for j := len(rd.found) - 1; j >= 0 && j >= len(rd.found)-8; j-- {
		if o := rd.found[j].extent; int(o.start) == a.Extent.Start && int(o.end) == a.Extent.End {
			return
		}
	}
	if len(a.Spans) == 0 {
		// One fragment, in the reader's room until it is kept.
		rd.one[0] = a.Extent
		a.Spans = rd.one[:1:1]
	}
	rd.quoted = classify(rd.w.text, rd.w.qs, &a, rd.quoted)
	// Room at the rate of attributions per sentence read so far.
	rd.found = room.For(rd.found, 0, rd.si, len(rd.sents))
	rd.keep(&a)
}
