package attribution

import (
	"strconv"

	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file says what the scorer sees of a frame: the facts of its cue
// (the word, its verb group and what stands around it), which every frame
// of the cue shares, and the facts of the frame itself (the rule that read
// it, the form of its speaker and its content, and where they stand).

// The templates of the features of a frame, each made once; those of an
// attribution's confidence that a frame lacks are in confidence.go.
var (
	tCue            = linear.NewTemplate("cue")
	tLemma          = linear.NewTemplate("lemma")
	tClass          = linear.NewTemplate("class")
	tKind           = linear.NewTemplate("kind")
	tTag            = linear.NewTemplate("tag")
	tForced         = linear.NewTemplate("forced")
	tGeneric        = linear.NewTemplate("generic")
	tAux            = linear.NewTemplate("aux")
	tPassive        = linear.NewTemplate("passive")
	tInQuote        = linear.NewTemplate("in.quote")
	tSentQuotes     = linear.NewTemplate("sent.quotes")
	tCuePos         = linear.NewTemplate("cue.pos")
	tPrevW          = linear.NewTemplate("prev.w")
	tNextW          = linear.NewTemplate("next.w")
	tLemmaNextW     = linear.NewTemplate("lemma|next.w")
	tPrevT          = linear.NewTemplate("prev.t")
	tNextT          = linear.NewTemplate("next.t")
	tLemmaNextT     = linear.NewTemplate("lemma|next.t")
	tPrevTTag       = linear.NewTemplate("prev.t|tag")
	tOtherCue       = linear.NewTemplate("other.cue")
	tRule           = linear.NewTemplate("rule")
	tUnit           = linear.NewTemplate("unit")
	tRuleLemma      = linear.NewTemplate("rule|lemma")
	tFirst          = linear.NewTemplate("first")
	tFirstRule      = linear.NewTemplate("first|rule")
	tGenericRule    = linear.NewTemplate("generic|rule")
	tSpk            = linear.NewTemplate("spk")
	tSpkHead        = linear.NewTemplate("spk.head")
	tSpkFirst       = linear.NewTemplate("spk.first")
	tSpkLen         = linear.NewTemplate("spk.len")
	tSpkSide        = linear.NewTemplate("spk.side")
	tSpkPrevW       = linear.NewTemplate("spk.prev.w")
	tSpkNextW       = linear.NewTemplate("spk.next.w")
	tSpkPrevT       = linear.NewTemplate("spk.prev.t")
	tSpkNextT       = linear.NewTemplate("spk.next.t")
	tSpkPrevTFirstT = linear.NewTemplate("spk.prev.t|first.t")
	tSpkTag         = linear.NewTemplate("spk.tag")
	tRuleSpk        = linear.NewTemplate("rule|spk")
	tLemmaSpk       = linear.NewTemplate("lemma|spk")
	tVariant        = linear.NewTemplate("variant")
	tVariantRule    = linear.NewTemplate("variant|rule")
	tCntLen         = linear.NewTemplate("cnt.len")
	tCntPrevW       = linear.NewTemplate("cnt.prev.w")
	tCntPrevTFirstT = linear.NewTemplate("cnt.prev.t|first.t")
	tCntFirst       = linear.NewTemplate("cnt.first")
	tCntLast        = linear.NewTemplate("cnt.last")
	tCntEndsNextW   = linear.NewTemplate("cnt.ends|next.w")
	tCntEndsNextT   = linear.NewTemplate("cnt.ends|next.t")
	tCntEndsRest    = linear.NewTemplate("cnt.ends|rest")
	tVariantLemma   = linear.NewTemplate("variant|lemma")
	tCntQuoted      = linear.NewTemplate("cnt.quoted")
	tCntFrags       = linear.NewTemplate("cnt.frags")
	tCntSide        = linear.NewTemplate("cnt.side")
	tCntEnds        = linear.NewTemplate("cnt.ends")
	tRuleCntFirst   = linear.NewTemplate("rule|cnt.first")
	tLemmaCntFirst  = linear.NewTemplate("lemma|cnt.first")
	tAddressee      = linear.NewTemplate("addressee")
)

// frameTemplates names the feature templates of a frame, for the model's
// provenance.
var frameTemplates = templateNames(
	tCue, tLemma, tClass, tKind, tTag, tForced, tGeneric, tAux, tPassive, tInQuote, tSentQuotes,
	tCuePos, tPrevW, tNextW, tLemmaNextW, tPrevT, tNextT, tLemmaNextT, tPrevTTag, tOtherCue, tRule,
	tUnit, tRuleLemma, tFirst, tFirstRule, tGenericRule, tSpk, tSpkHead, tSpkFirst, tSpkLen, tSpkSide,
	tSpkPrevW, tSpkNextW, tSpkPrevT, tSpkNextT, tSpkPrevTFirstT, tSpkTag, tRuleSpk, tLemmaSpk,
	tVariant, tVariantRule, tCntLen, tCntPrevW, tCntPrevTFirstT, tCntFirst, tCntLast, tCntEndsNextW,
	tCntEndsNextT, tCntEndsRest, tVariantLemma, tCntQuoted, tCntFrags, tCntSide, tCntEnds,
	tRuleCntFirst, tLemmaCntFirst, tAddressee,
)

// templateNames returns the names of ts, in order.
func templateNames(ts ...linear.Template) []string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name()
	}
	return names
}

// cueLemma returns the lemma the features give cue c: the lexicon's, the
// stem of a verb it does not know, or the word.
func (w *window) cueLemma(c *cue) string {
	lower := w.toks[c.i].lower
	switch {
	case c.kind == cueColon:
		return ":"
	case c.kind == cueVerb && c.generic:
		return stem(lower)
	case c.kind == cueVerb:
		return c.v.Lemma
	}
	return lower
}

// cueFeatures adds the features of cue c to fs: the word and its lemma,
// its verb group, and the words and tags around it.
func (rd *reader) cueFeatures(c *cue, fs *linear.Features) {
	w := &rd.w
	lemma := w.cueLemma(c)
	fs.Add(tCue, w.toks[c.i].lower)
	fs.Add(tLemma, lemma)
	if c.kind == cueVerb && !c.generic {
		fs.Add(tClass, c.v.Class.String())
	}
	fs.Add(tKind, strconv.Itoa(int(c.kind)))
	fs.Add(tTag, c.tag)
	flag := func(t linear.Template, on bool) {
		if on {
			fs.Add(t, "1")
		}
	}
	flag(tForced, c.forced)
	flag(tGeneric, c.generic)
	flag(tAux, c.hasAux)
	flag(tPassive, c.passive)
	flag(tInQuote, w.inQuote(c.i))
	flag(tSentQuotes, w.lastBreak >= 0 && w.toks[w.lastBreak].kind == token.Quote)
	flag(tOtherCue, c.generic && w.lexCue(c.i))
	fs.Add(tCuePos, bucket(c.i))
	if c.kind != cueVerb {
		return
	}
	before, after := "^", "$"
	if c.cs > 0 {
		before = w.toks[c.cs-1].tag
		fs.Add(tPrevW, w.toks[c.cs-1].lower)
	}
	if c.ce+1 < len(w.toks) {
		n := w.toks[c.ce+1]
		after = n.tag
		fs.Add(tNextW, n.lower)
		fs.Add2(tLemmaNextW, lemma, n.lower)
	}
	fs.Add(tPrevT, before)
	fs.Add(tNextT, after)
	fs.Add2(tLemmaNextT, lemma, after)
	fs.Add2(tPrevTTag, before, c.tag)
}

// frameFeatures adds the features of frame f, a reading of cue c, to fs:
// its rule, and the form and place of its speaker and its content.
func (rd *reader) frameFeatures(c *cue, f *frame, fs *linear.Features) {
	lemma := rd.w.cueLemma(c)
	rd.readingFeatures(c, f, lemma, fs)
	rd.speakerFeatures(&f.a, lemma, fs)
	rd.contentFeatures(&f.a, lemma, fs)
}

// The features of a frame fall in three parts: those of the reading (its
// rule and how it was made), those of its speaker, and those of its
// content. The frames of a cue that differ only in where their content
// ends share the speaker's part, and those that differ in their speaker
// share the content's: [reader.chooseFrame] scores each part once.

// readingFeatures adds the features of the reading of frame f to fs.
func (rd *reader) readingFeatures(c *cue, f *frame, lemma string, fs *linear.Features) {
	a := &f.a
	fs.Add(tRule, a.Rule)
	fs.Add(tUnit, f.unit)
	if f.variant != "" {
		fs.Add(tVariant, f.variant)
		fs.Add2(tVariantRule, f.variant, a.Rule)
		fs.Add2(tVariantLemma, f.variant, lemma)
	}
	fs.Add2(tRuleLemma, a.Rule, lemma)
	if f.first {
		// The reading the rules alone would take.
		fs.Add(tFirst, "1")
		fs.Add2(tFirstRule, a.Rule, strconv.FormatBool(c.generic))
	}
	if c.generic {
		fs.Add2(tGenericRule, a.Rule, c.tag)
	}
}

// speakerFeatures adds the features of the speaker of a to fs: its form,
// its words and where it stands. They depend on a's Rule, Cue and Speaker
// only.
func (rd *reader) speakerFeatures(a *Attribution, lemma string, fs *linear.Features) {
	w := &rd.w
	spk := w.speakerForm(a.Speaker)
	fs.Add(tSpk, spk)
	fs.Add2(tRuleSpk, a.Rule, spk)
	fs.Add2(tLemmaSpk, lemma, spk)
	if !a.Speaker.Empty() {
		s0, s1 := w.tokenRange(a.Speaker)
		if s0 < s1 {
			fs.Add(tSpkHead, w.toks[s1-1].lower)
			fs.Add(tSpkFirst, w.toks[s0].lower)
			fs.Add(tSpkTag, w.toks[s1-1].tag)
		}
		fs.Add(tSpkLen, bucket(s1-s0))
		fs.Add(tSpkSide, side(a.Speaker, a.Cue))
		// What stands at the speaker's edges: a preposition before it
		// ("inside Trump Tower") says its phrase started earlier.
		prev, next := "^", "$"
		if s0 > 0 {
			prev = w.toks[s0-1].tag
			fs.Add(tSpkPrevW, w.toks[s0-1].lower)
		}
		if s1 < len(w.toks) {
			next = w.toks[s1].tag
			fs.Add(tSpkNextW, w.toks[s1].lower)
		}
		fs.Add(tSpkPrevT, prev)
		fs.Add(tSpkNextT, next)
		fs.Add2(tSpkPrevTFirstT, prev, w.toks[s0].tag)
	}
}

// contentFeatures adds the features of the content of a to fs: its
// length, its words at both ends and what stands beyond them, and where
// it stands. They depend on a's Rule, Cue, Extent, number of fragments and
// whether it has an Addressee only.
func (rd *reader) contentFeatures(a *Attribution, lemma string, fs *linear.Features) {
	w := &rd.w
	c0, c1 := w.tokenRange(a.Extent)
	fs.Add(tCntLen, bucket(c1-c0))
	if c0 > 0 && c0 < len(w.toks) {
		// What the content starts after: the cue, "that", an object.
		fs.Add(tCntPrevW, w.toks[c0-1].lower)
		fs.Add2(tCntPrevTFirstT, w.toks[c0-1].tag, w.toks[c0].tag)
	}
	if c0 < c1 {
		first, last := w.toks[c0].lower, w.toks[c1-1].lower
		fs.Add(tCntFirst, first)
		fs.Add(tCntLast, last)
		fs.Add2(tRuleCntFirst, a.Rule, first)
		fs.Add2(tLemmaCntFirst, lemma, first)
		if c1 == len(w.toks) || isEnd(w.toks[c1]) {
			fs.Add(tCntEnds, "sentence")
		} else {
			fs.Add(tCntEnds, w.toks[c1].lower)
			next := "$"
			if c1+1 < len(w.toks) {
				next = w.toks[c1+1].tag
				fs.Add2(tCntEndsNextW, w.toks[c1].lower, w.toks[c1+1].lower)
			}
			fs.Add2(tCntEndsNextT, w.toks[c1].lower, next)
			fs.Add2(tCntEndsRest, w.toks[c1].lower, w.restShape(c1+1))
		}
	}
	fs.Add(tCntSide, side(a.Extent, a.Cue))
	fs.Add(tCntFrags, bucket(nFragments(a)))
	if q := quoteAfter(w.qs, a.Extent.Start); q < len(w.qs) && w.qs[q].Start < a.Extent.End {
		fs.Add(tCntQuoted, "1")
	}
	if !a.Addressee.Empty() {
		fs.Add(tAddressee, "1")
	}
}

// lexCue reports whether a word of the lexicon other than token i is in
// the window.
func (w *window) lexCue(i int) bool {
	for j, t := range w.toks {
		if j != i && t.lex != 0 {
			return true
		}
	}
	return false
}

// stem strips the common inflections of an English verb ("endorsed",
// "backs", "lobbying" give "endors", "back", "lobby"), so that the forms of
// a verb the lexicon does not know share their weights.
func stem(w string) string {
	for _, suf := range [...]string{"ing", "ied", "ies", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// speakerForm says what a speaker mention is: none, a pronoun, a name, a
// time ("Tuesday", "recent months"), or a description.
func (w *window) speakerForm(sp span.Span) string {
	if sp.Empty() {
		return "none"
	}
	s0, s1 := w.tokenRange(sp)
	if s0 >= s1 {
		return "none"
	}
	last := w.toks[s1-1]
	switch {
	case s1-s0 == 1 && subjectPronouns.has(last.lower):
		return "pronoun"
	case adverbialWords.has(last.lower) || last.tag == "CD":
		return "time"
	case last.tag == "NNP" || last.tag == "NNPS":
		return "name"
	case last.tag == "PRP":
		return "pronoun"
	}
	return "desc"
}

// tokenRange returns the window tokens [s, e) that sp covers.
func (w *window) tokenRange(sp span.Span) (int, int) {
	s := w.past(0, sp.Start)
	e := s
	for e < len(w.toks) && w.toks[e].end <= sp.End {
		e++
	}
	return s, e
}

// side says whether span s lies before or after the cue.
func side(s, cue span.Span) string {
	switch {
	case cue.Empty():
		return "none"
	case s.End <= cue.Start:
		return "before"
	case s.Start >= cue.End:
		return "after"
	}
	return "around"
}

// bucket names a count in a few bins: 0 to 4, then 5-9, 10-19, 20-39, 40+.
func bucket(n int) string { return buckets[bucketOf(n)] }

var buckets = [...]string{"0", "1", "2", "3", "4", "5-9", "10-19", "20-39", "40+"}

// bucketOf returns the index in buckets of the bin of n.
func bucketOf(n int) int {
	switch {
	case n < 5:
		return max(n, 0)
	case n < 10:
		return 5
	case n < 20:
		return 6
	case n < 40:
		return 7
	}
	return 8
}

// shapes are the values of restShape other than "cue": a shape and a
// bin of its length, written out once so that no feature builds them.
var shapes = func() (t [2][len(buckets)]string) {
	for k, shape := range [2]string{"phrase", "clause"} {
		for b, n := range buckets {
			t[k][b] = shape + n
		}
	}
	return t
}()

// restShape says what the words from token i to the next break or the
// sentence's end make: a clause (a finite verb among them), a cue ("he
// said"), or a phrase, and how long it is.
func (w *window) restShape(i int) string {
	shape := 0 // a phrase
	n := 0
	for ; i < len(w.toks) && !isBreak(w.toks[i]) && !isEnd(w.toks[i]); i++ {
		n++
		t := w.toks[i]
		switch {
		case t.lex != 0 && isFinite(t.tag):
			return "cue"
		case isFinite(t.tag):
			shape = 1 // a clause
		}
	}
	return shapes[shape][bucketOf(n)]
}
