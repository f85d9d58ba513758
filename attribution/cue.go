package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
)

// cueKind is what kind of word a cue candidate is.
type cueKind uint8

const (
	cueNone   cueKind = iota // a noun cue only
	cueVerb                  // a verb of saying, stance or evidence
	cueColon                 // a colon after a name: "PENCE: ..."
	cueSurvey                // "In" opening "In a CNN poll, ..."
	cuePhrase                // a fixed phrase with its speaker after it: "according to"
	cueSeem                  // a verb of appearance: "seems to"
)

// cue is a cue candidate: a token where an attribution may be read, and
// what the lexicon and the tagger say of it. For a verb, [cs, ce] is the
// verb group, auxiliaries, adverbs and a particle included ("has also
// said", "called for").
type cue struct {
	kind cueKind
	// noun is set for a noun of statement or attitude ("claim",
	// "criticism"), read before the word's other reading.
	noun bool
	i    int          // the token that starts the cue
	v    lexicon.Verb // the verb, for cueVerb
	tag  string       // token i's tag, as cue finding reads it
	// group is the start of the verb group with a leading adverb that
	// opens the sentence; cs is the start without it.
	group, cs, ce int
	hasAux        bool // the group has an auxiliary or adverb before the verb
	passive       bool // the group has a form of "be" before the verb
	phraseEnd     int  // the last token of a cuePhrase
	// generic is set for a verb the lexicon does not know, proposed as a
	// cue for the model to weigh.
	generic bool
	// forced is set when cue finding reads token i as a verb against the
	// tagger (see [window.readAsVerb]).
	forced bool
	// subj caches the subject of a cue verb once found; see
	// [reader.subject].
	subj    subject
	hasSubj bool
	// reducedRelative is set for a bare participle after a noun with a
	// finite verb after it ("the report released Monday found"): a
	// modifier, not a cue.
	reducedRelative bool
}

// findCue sets c to the cue candidate that starts at token i and reports
// whether there is one. It fills c in place, where returning a cue would
// copy it for every token of the window.
func (w *window) findCue(c *cue, i int) bool {
	// The token is read in place: nothing writes the tokens while a cue
	// is found, and a copy of one is 72 bytes.
	t := &w.toks[i]
	*c = cue{i: i}
	if t.kind != token.Word {
		c.kind = cueColon
		return t.text == ":"
	}
	if w.inQuote(i) {
		return false
	}
	// A word the lexicon does not know starts no cue, "in" aside; but for
	// a model that weighs them, any verb may (see [window.anyVerb]).
	if t.lex == 0 && !(i == 0 && t.lower == "in") {
		if !w.anyVerbs || !w.anyVerb(i) {
			return false
		}
		c.tag, c.generic = t.tag, true
		if !w.verbGroup(c, []lexicon.Verb{{Lemma: t.lower, Class: lexicon.Speech, Forms: lexicon.Base | lexicon.Third | lexicon.Past | lexicon.Participle | lexicon.Gerund}}) || w.notCue(c) {
			return false
		}
		c.kind = cueVerb
		return true
	}
	if i == 0 && t.lower == "in" {
		c.kind = cueSurvey
		return true
	}
	c.noun = t.lex&lexicon.NounWord != 0 && (w.lex.Noun(t.lower) || w.lex.NounObject(t.lower) != "")
	if t.lex&lexicon.PhraseWord != 0 {
		for _, p := range w.lex.Phrases(t.lower) {
			// "by" names the speaker, but not a means: "Ms. Gao said by
			// telephone".
			if n := len(p.Words); i+n <= len(w.toks) && matchWords(w.toks[i:i+n], p.Words) && p.SpeakerAfter &&
				!(p.Words[n-1] == "by" && i+n < len(w.toks) && meansNouns.has(w.toks[i+n].lower)) {
				c.kind, c.phraseEnd = cuePhrase, i+n-1
				return true
			}
		}
	}
	var verbs []lexicon.Verb
	if t.lex&lexicon.VerbWord != 0 {
		verbs = w.lex.Verbs(t.lower)
	}
	if verbs == nil {
		return c.noun
	}
	if verbs[0].Class == lexicon.Seeming {
		c.kind = cueSeem
		return true
	}
	c.tag = t.tag
	if !isVerbTag(t.tag) {
		if !w.verbInContext(i, verbs) {
			return c.noun
		}
		c.tag, c.forced = "VBD", true
	}
	if !w.verbGroup(c, verbs) || w.notCue(c) {
		*c = cue{i: i, noun: c.noun}
		return c.noun
	}
	c.kind = cueVerb
	return true
}

// anyVerb reports whether token i is a verb the lexicon does not know
// that may report all the same ("lobbied", "endorsed"): a verb by its
// tag, not an auxiliary.
func (w *window) anyVerb(i int) bool {
	t := &w.toks[i]
	// A verb is a word of letters; the tagger reads the apostrophe of a
	// plural's possessive ("the candidates’ estimates") as one.
	return isVerbTag(t.tag) && t.tag != "MD" && !auxWords.has(t.lower) && t.kind == token.Word && t.lower != "" && t.lower[0] >= 'a' && t.lower[0] <= 'z'
}

// verbInContext reports whether token i, a form of a cue verb that the
// tagger did not read as a verb, is one all the same.
func (w *window) verbInContext(i int, verbs []lexicon.Verb) bool {
	toks := w.toks
	t := &toks[i]
	// A past form that is not also a base form ("described", "said",
	// "wrote") is a verb whatever the tagger says after an adjective.
	for _, x := range verbs {
		if x.Forms&(lexicon.Past|lexicon.Participle) != 0 && x.Forms&lexicon.Base == 0 {
			return true
		}
	}
	// So is a third-person or past form in a title-case headline, which
	// the tagger reads as a name: "Senator Praises Plan".
	if w.title && i > 0 && isCapital(t.text) && hasForm(verbs, lexicon.Third|lexicon.Past, 0) {
		return true
	}
	// An adjective right after a determiner heads its phrase, as no noun
	// phrase ends on one; so a third-person or past form between it and
	// the end of the clause is a verb too: "the website reads."
	// (website/JJ reads/NNS). A base form is the noun the adjective
	// qualifies: "this bleak view."
	if i > 1 && i+1 < len(toks) && toks[i-1].tag == "JJ" && (toks[i-2].tag == "DT" || toks[i-2].tag == "PRP$") && (isEnd(toks[i+1]) || isComma(toks[i+1])) &&
		hasForm(verbs, lexicon.Third|lexicon.Past, lexicon.Base) {
		return true
	}
	// So is a third-person or past form after the noun that opens the
	// clause after a quotation ending on a comma, which is the clause
	// that attributes it: "“...,” the agency reports on its website";
	// but not in a relative clause: "“...,” which Lee thinks ...".
	if i > 0 && isNounTag(toks[i-1].tag) && !isCapital(t.text) && w.afterCommaQuote(i) && !w.relativeBefore(i) && hasForm(verbs, lexicon.Third|lexicon.Past, 0) {
		return true
	}
	// So is any form between a noun and the end of its clause: "the
	// article read.", "a narrator asks:".
	if i > 0 && i+1 < len(toks) && toks[i-1].kind == token.Word && isNounTag(toks[i-1].tag) {
		n := &toks[i+1]
		if isEnd(*n) || isComma(*n) || n.text == ":" || n.lower == "that" ||
			n.lower == "to" && toks[i-1].tag != "PRP" { // "the campaign plans to"
			return true
		}
		// And a third-person form after a singular noun, before the
		// start of a noun phrase: "The new poll shows Trump ahead", where
		// a plural noun would have to end the phrase it is read into. A
		// capitalised one is part of a name ("the United States Senate").
		npStart := n.tag == "DT" || n.tag == "NNP" || n.tag == "PRP" || n.tag == "PRP$" || n.tag == "CD"
		if (toks[i-1].tag == "NN" || toks[i-1].tag == "NNP") && !isCapital(t.text) && hasSuffixFold(t.text, "s") && npStart {
			for _, x := range verbs {
				if x.Forms&lexicon.Third != 0 {
					return true
				}
			}
		}
		// The same of a base form after a plural noun: "a majority of
		// Republicans support a ban", "three-quarters support the plan";
		// before a common noun too, as a plural noun seldom modifies
		// another ("Republicans support deportation").
		if (toks[i-1].tag == "NNS" || toks[i-1].tag == "NNPS") && !isCapital(t.text) && (npStart || n.tag == "JJ" || n.tag == "NN" || n.tag == "NNS") && hasForm(verbs, lexicon.Base, 0) {
			return true
		}
	}
	// And a base form after the participle of a plural noun: "students
	// polled support Clinton".
	return i > 1 && i+1 < len(toks) && regularPast(toks[i-1]) && (toks[i-2].tag == "NNS" || toks[i-2].tag == "NNPS") && !isCapital(t.text) && hasForm(verbs, lexicon.Base, 0)
}

// hasForm reports whether one of verbs, not a phrasal verb, is a form of
// want and of none of not.
func hasForm(verbs []lexicon.Verb, want, not lexicon.Form) bool {
	for _, x := range verbs {
		if x.Forms&want != 0 && x.Forms&not == 0 && x.Particle == "" {
			return true
		}
	}
	return false
}

// relativeBefore reports whether the words before token i, back to the
// token that is not a word, open with a relative or question word.
func (w *window) relativeBefore(i int) bool {
	j := i - 1
	for j > 0 && w.toks[j-1].kind == token.Word {
		j--
	}
	switch w.toks[j].tag {
	case "WDT", "WP", "WP$", "WRB":
		return true
	}
	return false
}

// verbGroup sets the verb of c (a phrasal verb whose particle follows is
// preferred) and its group: the auxiliaries, negation and adverbs before
// it, and a raising verb before "to" ("appeared to suggest", "went on to
// say", "declined to say").
func (w *window) verbGroup(c *cue, verbs []lexicon.Verb) bool {
	toks := w.toks
	i := c.i
	c.ce = i
	for _, x := range verbs {
		if x.Particle != "" && i+1 < len(toks) && toks[i+1].lower == x.Particle {
			c.v, c.ce = x, i+1
			break
		}
		if x.Particle == "" && c.v.Lemma == "" {
			c.v = x
		}
	}
	if c.v.Lemma == "" {
		return false
	}
	// The particle of a phrasal verb the lexicon does not list is part of
	// the cue all the same: "pointed out", "fired back", "backed off".
	if c.ce == i && i+1 < len(toks) && toks[i+1].tag == "RP" && particles.has(toks[i+1].lower) {
		c.ce = i + 1
	}
	cs := i
	for cs > 0 && i-cs < 4 {
		p := &toks[cs-1]
		// A place adverb after a noun modifies the noun, not the verb:
		// "Officials there condemned".
		if p.tag == "RB" && placeAdverbs.has(p.lower) && cs >= 2 && isNounTag(toks[cs-2].tag) {
			break
		}
		if auxWords.has(p.lower) && (p.lower != "'s" || p.tag == "VBZ") || p.lower == "'s" && p.tag == "VBZ" || p.tag == "RB" && p.kind == token.Word && i-cs < 2 {
			cs--
			continue
		}
		break
	}
	if cs >= 2 && toks[cs-1].lower == "to" && raisingVerbs.has(toks[cs-2].lower) {
		cs -= 2
		if cs >= 1 && toks[cs].lower == "on" && raisingVerbs.has(toks[cs-1].lower) {
			cs--
		}
		for cs > 0 && i-cs < 8 && auxWords.has(toks[cs-1].lower) {
			cs--
		}
	} else if cs >= 3 && toks[cs-1].lower == "to" && toks[cs-2].lower == "on" && raisingVerbs.has(toks[cs-3].lower) {
		cs -= 3
	}
	// "X is quoted as saying": the passive of quoting is part of the
	// group of the verb of saying after it, whose speaker is its
	// subject; the group is not a passive.
	quoted := cs == i && cs >= 2 && c.tag == "VBG" && toks[cs-1].lower == "as" && toks[cs-2].lower == "quoted"
	if quoted {
		cs -= 2
		for cs > 0 && i-cs < 8 && (auxWords.has(toks[cs-1].lower) || toks[cs-1].tag == "RB") {
			cs--
		}
	}
	c.group, c.cs = cs, cs
	c.hasAux = cs < i
	for m := cs; m < i && !quoted; m++ {
		c.passive = c.passive || beForms.has(toks[m].lower)
	}
	// A leading adverb that is not part of an auxiliary chain, where it
	// opens the sentence, is not part of the cue.
	for c.cs < i && c.cs == 0 && !auxWords.has(toks[c.cs].lower) {
		c.cs++
	}
	c.reducedRelative = c.tag == "VBN" && !c.hasAux && c.v.Lemma != "say" && c.v.Lemma != "tell" && w.finiteAfter(c.ce+1)
	return true
}

// notCue reports whether a verb candidate is used otherwise than to
// report: "continue" as an aspect verb, "find oneself", and a passive that
// does not report ("was charged with").
func (w *window) notCue(c *cue) bool {
	toks := w.toks
	ce := c.ce
	if ce+1 >= len(toks) {
		return false
	}
	n := &toks[ce+1]
	switch c.v.Lemma {
	case "continue":
		// "continue" reports speech only when words follow it as they
		// follow a verb of saying ("she continued: ...", "..., he
		// continued."), not as an aspect verb ("continues to grow").
		return !(n.text == ":" || isComma(*n) || isEnd(*n) || n.lower == "that" || w.isOpenQuote(ce+1) || n.kind == token.Quote || n.kind == token.Dash)
	case "ask", "request":
		// "an official who asked not to be named": the formula of
		// anonymity is part of the speaker's description.
		return anonymity(toks, ce+1)
	case "find":
		// "find oneself", "find their way": not a finding; and "find" in
		// the present reports a finding only with "that".
		return reflexives.has(n.lower) || n.tag == "PRP$" && ce+2 < len(toks) && toks[ce+2].lower == "way" ||
			c.tag != "VBD" && c.tag != "VBN" && n.lower != "that"
	}
	return false
}

// anonymity reports whether the words from token k are the formula of a
// source who is not named: "not to be named", "not to be identified".
func anonymity(toks []tok, k int) bool {
	return k+3 < len(toks) && toks[k].lower == "not" && toks[k+1].lower == "to" && toks[k+2].lower == "be" &&
		(toks[k+3].lower == "named" || toks[k+3].lower == "identified" || toks[k+3].lower == "quoted")
}

// passiveNotReporting reports whether c is a passive that does not report
// ("was charged with"): only "is expected to", "was told that", "was
// said" and the like do.
func (w *window) passiveNotReporting(c *cue) bool {
	if c.tag != "VBN" || !c.hasAux || c.ce+1 >= len(w.toks) || c.v.Lemma == "say" {
		return false
	}
	n := &w.toks[c.ce+1]
	return n.lower != "to" && n.lower != "that" && n.text != ":" && c.passive
}
