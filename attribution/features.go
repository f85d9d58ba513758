package attribution

import (
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/lexicon"
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
	tCommaQuote     = linear.NewTemplate("comma.quote")
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
	tSpkInner       = linear.NewTemplate("spk.inner")
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
	tRuleCntFirst, tLemmaCntFirst, tAddressee, tSpkInner, tCommaQuote,
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

// Feature values that many features take, hashed once; the words and
// tags of a window are hashed once for it (see [window.lowerValue]).
var (
	vOne      = linear.NewValue("1")
	vBefore   = linear.NewValue("^") // what stands before the first token
	vAfter    = linear.NewValue("$") // and after the last
	vSentence = linear.NewValue("sentence")
	vNone     = linear.NewValue("none")
	vBools    = [2]linear.Value{linear.NewValue("false"), linear.NewValue("true")}
)

// classValues holds the class of a verb as a feature value, by class,
// and kindValues the kind of a cue, by kind: each is hashed once.
var (
	classValues = func() (vs [256]linear.Value) {
		for c := range vs {
			vs[c] = linear.NewValue(lexicon.Class(c).String())
		}
		return vs
	}()
	kindValues = func() (vs [cueSeem + 1]linear.Value) {
		for k := range vs {
			vs[k] = linear.NewValue(strconv.Itoa(k))
		}
		return vs
	}()
)

// cueFeatures adds the features of cue c, whose lemma (see
// [window.cueLemma]) is lemma, to fs: the word and its lemma, its verb
// group, and the words and tags around it.
func (rd *reader) cueFeatures(c *cue, lemma linear.Value, fs *linear.Features) {
	w := &rd.w
	fs.AddValue(tCue, w.lowerValue(c.i))
	fs.AddValue(tLemma, lemma)
	if c.kind == cueVerb && !c.generic {
		fs.AddValue(tClass, classValues[c.v.Class])
	}
	fs.AddValue(tKind, kindValues[c.kind])
	tag := w.values.of(c.tag)
	fs.AddValue(tTag, tag)
	flag := func(t linear.Template, on bool) {
		if on {
			fs.AddValue(t, vOne)
		}
	}
	flag(tForced, c.forced)
	flag(tGeneric, c.generic)
	flag(tAux, c.hasAux)
	flag(tPassive, c.passive)
	flag(tInQuote, w.inQuote(c.i))
	flag(tSentQuotes, w.lastBreak >= 0 && w.toks[w.lastBreak].kind == token.Quote)
	flag(tOtherCue, c.generic && w.lexCue(c.i))
	flag(tCommaQuote, c.generic && w.afterCommaQuote(c.i))
	fs.AddValue(tCuePos, bucketValue(c.i))
	if c.kind != cueVerb {
		return
	}
	before, after := vBefore, vAfter
	if c.cs > 0 {
		before = w.tagValue(c.cs - 1)
		fs.AddValue(tPrevW, w.lowerValue(c.cs-1))
	}
	if c.ce+1 < len(w.toks) {
		after = w.tagValue(c.ce + 1)
		next := w.lowerValue(c.ce + 1)
		fs.AddValue(tNextW, next)
		fs.AddValue2(tLemmaNextW, lemma, next)
	}
	fs.AddValue(tPrevT, before)
	fs.AddValue(tNextT, after)
	fs.AddValue2(tLemmaNextT, lemma, after)
	fs.AddValue2(tPrevTTag, before, tag)
}

// frameFeatures adds the features of frame f, a reading of cue c, to fs:
// its rule, and the form and place of its speaker and its content.
func (rd *reader) frameFeatures(c *cue, f *frame, fs *linear.Features) {
	lemma, rule := linear.NewValue(rd.w.cueLemma(c)), rd.w.values.of(f.a.Rule)
	rd.readingFeatures(c, f, rule, lemma, fs)
	rd.speakerFeatures(&f.a, rule, lemma, fs)
	rd.contentFeatures(&f.a, rule, lemma, fs)
}

// The features of a frame fall in three parts: those of the reading (its
// rule and how it was made), those of its speaker, and those of its
// content. The frames of a cue that differ only in where their content
// ends share the speaker's part, and those that differ in their speaker
// share the content's: [reader.chooseFrame] scores each part once. Each
// takes the frame's rule and the cue's lemma as values.

// readingFeatures adds the features of the reading of frame f to fs.
func (rd *reader) readingFeatures(c *cue, f *frame, rule, lemma linear.Value, fs *linear.Features) {
	rd.readingVariantFeatures(f, rule, lemma, fs)
	rd.readingRuleFeatures(c, f, rule, lemma, fs)
}

// readingRuleFeatures adds the features of the rule that read frame f,
// of rule rule: they depend on its Rule, unit and first only.
func (rd *reader) readingRuleFeatures(c *cue, f *frame, rule, lemma linear.Value, fs *linear.Features) {
	fs.AddValue(tRule, rule)
	fs.AddValue(tUnit, rd.w.values.of(f.unit))
	fs.AddValue2(tRuleLemma, rule, lemma)
	if f.first {
		// The reading the rules alone would take.
		fs.AddValue(tFirst, vOne)
		fs.AddValue2(tFirstRule, rule, vBools[b2i(c.generic)])
	}
	if c.generic {
		fs.AddValue2(tGenericRule, rule, rd.w.values.of(c.tag))
	}
}

// readingVariantFeatures adds the features of how frame f, of rule rule,
// moved its content from the rule's, if it did.
func (rd *reader) readingVariantFeatures(f *frame, rule, lemma linear.Value, fs *linear.Features) {
	if f.variant != "" {
		variant := rd.w.values.of(f.variant)
		fs.AddValue(tVariant, variant)
		fs.AddValue2(tVariantRule, variant, rule)
		fs.AddValue2(tVariantLemma, variant, lemma)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// speakerFeatures adds the features of the speaker of a to fs: its form,
// its words and where it stands. They depend on a's Rule, Cue and Speaker
// only.
func (rd *reader) speakerFeatures(a *Attribution, rule, lemma linear.Value, fs *linear.Features) {
	w := &rd.w
	s0, s1 := 0, 0
	if !a.Speaker.Empty() {
		s0, s1 = w.tokenRange(a.Speaker)
	}
	spk := w.speakerForm(s0, s1)
	fs.AddValue(tSpk, spk)
	fs.AddValue2(tRuleSpk, rule, spk)
	fs.AddValue2(tLemmaSpk, lemma, spk)
	if !a.Speaker.Empty() {
		if s0 < s1 {
			fs.AddValue(tSpkHead, w.lowerValue(s1-1))
			fs.AddValue(tSpkFirst, w.lowerValue(s0))
			fs.AddValue(tSpkTag, w.tagValue(s1-1))
		}
		fs.AddValue(tSpkLen, bucketValue(s1-s0))
		fs.AddValue(tSpkInner, w.innerLink(s0, s1))
		fs.AddValue(tSpkSide, side(a.Speaker, a.Cue))
		// What stands at the speaker's edges: a preposition before it
		// ("inside Trump Tower") says its phrase started earlier.
		prev, next := vBefore, vAfter
		if s0 > 0 {
			prev = w.tagValue(s0 - 1)
			fs.AddValue(tSpkPrevW, w.lowerValue(s0-1))
		}
		if s1 < len(w.toks) {
			next = w.tagValue(s1)
			fs.AddValue(tSpkNextW, w.lowerValue(s1))
		}
		fs.AddValue(tSpkPrevT, prev)
		fs.AddValue(tSpkNextT, next)
		fs.AddValue2(tSpkPrevTFirstT, prev, w.tagValue(s0))
	}
}

// innerLink returns what first joins a modifier to the head of the noun
// phrase of tokens [s0, s1): a preposition ("sources [privy] to
// negotiations", "a person familiar [with] the planning"), a participle
// ("emails [released] this week"), a relative word, or none.
func (w *window) innerLink(s0, s1 int) linear.Value {
	for j := s0 + 1; j < s1; j++ {
		switch w.toks[j].tag {
		case "IN", "TO":
			return w.lowerValue(j)
		case "VBG", "VBN", "WP", "WDT":
			return w.tagValue(j)
		}
	}
	return vNone
}

// contentFeatures adds the features of the content of a to fs: its
// length, its words at both ends and what stands beyond them, and where
// it stands. They depend on a's Rule, Cue, Extent, number of fragments and
// whether it has an Addressee only.
func (rd *reader) contentFeatures(a *Attribution, rule, lemma linear.Value, fs *linear.Features) {
	c0, c1 := rd.w.tokenRange(a.Extent)
	rd.contentStartFeatures(a, rule, lemma, c0, c1, fs)
	if c0 < c1 {
		rd.w.contentEndFeatures(c1, fs)
	}
}

// contentStartFeatures adds the features of the content of a, which
// covers tokens [c0, c1), but for those of where it ends.
func (rd *reader) contentStartFeatures(a *Attribution, rule, lemma linear.Value, c0, c1 int, fs *linear.Features) {
	w := &rd.w
	fs.AddValue(tCntLen, bucketValue(c1-c0))
	if c0 > 0 && c0 < len(w.toks) {
		// What the content starts after: the cue, "that", an object.
		fs.AddValue(tCntPrevW, w.lowerValue(c0-1))
		fs.AddValue2(tCntPrevTFirstT, w.tagValue(c0-1), w.tagValue(c0))
	}
	if c0 < c1 {
		first := w.lowerValue(c0)
		fs.AddValue(tCntFirst, first)
		fs.AddValue2(tRuleCntFirst, rule, first)
		fs.AddValue2(tLemmaCntFirst, lemma, first)
	}
	fs.AddValue(tCntSide, side(a.Extent, a.Cue))
	fs.AddValue(tCntFrags, bucketValue(nFragments(a)))
	if q := w.quoteAfter(a.Extent.Start); q < len(w.qs) && w.qs[q].Start < a.Extent.End {
		fs.AddValue(tCntQuoted, vOne)
	}
	if !a.Addressee.Empty() {
		fs.AddValue(tAddressee, vOne)
	}
}

// contentEndFeatures adds the features of where a content that ends
// before token c1 (and has a token) ends: its last word and what follows
// it. They depend on c1 only, and the frames of a cue whose contents end
// at one token share them.
func (w *window) contentEndFeatures(c1 int, fs *linear.Features) {
	fs.AddValue(tCntLast, w.lowerValue(c1-1))
	if c1 == len(w.toks) || isEnd(w.toks[c1]) {
		fs.AddValue(tCntEnds, vSentence)
		return
	}
	end := w.lowerValue(c1)
	fs.AddValue(tCntEnds, end)
	next := vAfter
	if c1+1 < len(w.toks) {
		next = w.tagValue(c1 + 1)
		fs.AddValue2(tCntEndsNextW, end, w.lowerValue(c1+1))
	}
	fs.AddValue2(tCntEndsNextT, end, next)
	fs.AddValue2(tCntEndsRest, end, w.restShape(c1+1))
}

// lexCue reports whether a word of the lexicon other than token i is in
// the window.
func (w *window) lexCue(i int) bool {
	for j := range w.toks {
		t := &w.toks[j]
		if j != i && t.lex != 0 {
			return true
		}
	}
	return false
}

// stem returns the key that the forms of an English verb share, so that
// the forms of a verb the lexicon does not know share their weights:
// "vote", "votes", "voted" and "voting" give "vot"; "identify" and
// "identified" give "identif"; "plans" and "planned" give "plan";
// "discusses" gives "discuss", as "discuss" does; and the common
// irregular forms give their base's key ("took" and "taken" give "tak").
// The key is a prefix of the form or of its base: stem allocates nothing.
func stem(w string) string {
	if base, ok := irregularForms[w]; ok {
		return canonicalStem(base, "")
	}
	n := len(w)
	switch {
	case n > 5 && (strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies")):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ing"):
		return canonicalStem(w[:n-3], "ing")
	case n > 4 && strings.HasSuffix(w, "ed"):
		return canonicalStem(w[:n-2], "ed")
	case n > 4 && strings.HasSuffix(w, "es") && sibilantEnd(w[:n-2]):
		return canonicalStem(w[:n-2], "")
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return canonicalStem(w[:n-1], "")
	}
	return canonicalStem(w, "")
}

// canonicalStem returns the key of s, what is left of a verb's form once
// its suffix suf ("ing", "ed" or none) is cut: a consonant doubled before
// the suffix is one ("planned", "stopping"); a final "e", which a suffix
// drops ("voting"), goes from every form, but for the "e" of "agreed",
// the base's own; and a final "y" or "i", which "y" becomes before a
// suffix ("identified", "tried"), goes too.
func canonicalStem(s, suf string) string {
	m := len(s)
	if suf != "" && m > 3 && s[m-1] == s[m-2] && strings.IndexByte("bgmnprt", s[m-1]) >= 0 {
		return s[:m-1]
	}
	if m > 2 && s[m-1] == 'e' && suf != "ed" {
		s, m = s[:m-1], m-1
	}
	if m > 2 && (s[m-1] == 'y' || s[m-1] == 'i') {
		s = s[:m-1]
	}
	return s
}

// sibilantEnd reports whether w ends in a sound after which the third
// person takes "-es": "push", "fix", "discuss", "buzz".
func sibilantEnd(w string) bool {
	return strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "ss") ||
		strings.HasSuffix(w, "x") || strings.HasSuffix(w, "zz")
}

// irregularForms maps the forms of common irregular English verbs (the
// base as well, which may end as a suffix does: "bring") to their base, for [stem].
var irregularForms = func() map[string]string {
	m := map[string]string{}
	for _, l := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(l)
		for _, form := range f {
			m[form] = f[0]
		}
	}
	return m
}()

// irregularVerbs lists common irregular verbs: the base, then its past
// forms and participles. It leaves out those the lexicon knows in every
// form ("say", "think", "write"), whose forms stem never sees.
const irregularVerbs = `be was were been
become became
begin began begun
bear bore borne
beat beaten
bite bit bitten
blow blew blown
break broke broken
bring brought
build built
buy bought
catch caught
choose chose chosen
come came
deal dealt
draw drew drawn
drive drove driven
eat ate eaten
fall fell fallen
fight fought
flee fled
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung
have had
hear heard
hide hid hidden
hold held
keep kept
lay laid
lead led
leave left
lend lent
lose lost
make made
mean meant
meet met
pay paid
ride rode ridden
ring rang rung
rise rose risen
run ran
sell sold
send sent
shake shook shaken
shoot shot
sink sank sunk
sit sat
sleep slept
spend spent
stand stood
steal stole stolen
stick stuck
strike struck stricken
sweep swept
take took taken
teach taught
tear tore torn
throw threw thrown
uphold upheld
wake woke woken
wear wore worn
win won
withdraw withdrew withdrawn
use used
withhold withheld`

// The forms of a speaker mention that speakerForm tells apart.
var (
	formNone    = linear.NewValue("none")
	formPronoun = linear.NewValue("pronoun")
	formTime    = linear.NewValue("time")
	formName    = linear.NewValue("name")
	formDesc    = linear.NewValue("desc")
)

// speakerForm says what the speaker mention of tokens [s0, s1) is: none,
// a pronoun, a name, a time ("Tuesday", "recent months"), or a
// description.
func (w *window) speakerForm(s0, s1 int) linear.Value {
	if s0 >= s1 {
		return formNone
	}
	last := &w.toks[s1-1]
	switch {
	case s1-s0 == 1 && subjectPronouns.has(last.lower):
		return formPronoun
	case adverbialWords.has(last.lower) || last.tag == "CD":
		return formTime
	case last.tag == "NNP" || last.tag == "NNPS":
		return formName
	case last.tag == "PRP":
		return formPronoun
	}
	return formDesc
}

// tokenRange returns the window tokens [s, e) that sp covers: s is the
// first token that starts at or after sp.Start, and e the first from s on
// that ends after sp.End. Both are found by halving, as the tokens'
// starts and ends ascend, without a branch on the comparisons (see
// [startsFrom]).
func (w *window) tokenRange(sp span.Span) (int, int) {
	s := startsFrom(w.toks, sp.Start)
	return s, s + endsPast(w.toks[s:], sp.End)
}

// startsFrom returns the index of the first of toks that starts at or
// after off, or len(toks); the tokens' starts ascend. Each halving step
// moves the base by the half or by nothing, as the comparison's bit
// masks it, where a branch on the comparison would go either way at
// random and the processor would mispredict half of them.
func startsFrom(toks []tok, off int) int {
	n, base := len(toks), 0
	if n == 0 {
		return 0
	}
	for n > 1 {
		half := n >> 1
		base += half & -b2i(toks[base+half].start < off)
		n -= half
	}
	if toks[base].start < off {
		base++
	}
	return base
}

// endsPast returns the index of the first of toks that ends after off,
// or len(toks), as startsFrom finds a start; the tokens' ends ascend.
func endsPast(toks []tok, off int) int {
	n, base := len(toks), 0
	if n == 0 {
		return 0
	}
	for n > 1 {
		half := n >> 1
		base += half & -b2i(toks[base+half].end <= off)
		n -= half
	}
	if toks[base].end <= off {
		base++
	}
	return base
}

// The sides of a cue that side tells apart.
var (
	sideNone   = linear.NewValue("none")
	sideBefore = linear.NewValue("before")
	sideAfter  = linear.NewValue("after")
	sideAround = linear.NewValue("around")
)

// side says whether span s lies before or after the cue.
func side(s, cue span.Span) linear.Value {
	switch {
	case cue.Empty():
		return sideNone
	case s.End <= cue.Start:
		return sideBefore
	case s.Start >= cue.End:
		return sideAfter
	}
	return sideAround
}

// bucket names a count in a few bins: 0 to 4, then 5-9, 10-19, 20-39, 40+.
func bucket(n int) string { return buckets[bucketOf(n)] }

var buckets = [...]string{"0", "1", "2", "3", "4", "5-9", "10-19", "20-39", "40+"}

// bucketValue is bucket as a feature value.
func bucketValue(n int) linear.Value { return bucketValues[bucketOf(n)] }

var bucketValues = func() (vs [len(buckets)]linear.Value) {
	for b, n := range buckets {
		vs[b] = linear.NewValue(n)
	}
	return vs
}()

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
// bin of its length, made once so that no feature builds them.
var shapes = func() (t [2][len(buckets)]linear.Value) {
	for k, shape := range [2]string{"phrase", "clause"} {
		for b, n := range buckets {
			t[k][b] = linear.NewValue(shape + n)
		}
	}
	return t
}()

var shapeCue = linear.NewValue("cue")

// restShape says what the words from token i to the next break or the
// sentence's end make: a clause (a finite verb among them), a cue ("he
// said"), or a phrase, and how long it is.
func (w *window) restShape(i int) linear.Value {
	shape := 0 // a phrase
	n := 0
	for ; i < len(w.toks) && !isBreak(w.toks[i]) && !isEnd(w.toks[i]); i++ {
		n++
		t := &w.toks[i]
		switch {
		case t.lex != 0 && isFinite(t.tag):
			return shapeCue
		case isFinite(t.tag):
			shape = 1 // a clause
		}
	}
	return shapes[shape][bucketOf(n)]
}
