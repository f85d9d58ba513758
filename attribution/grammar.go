package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
)

// This file holds the grammar the rules read: noun phrases left and right
// of a position, appositives, where a clause starts and ends, and the
// adverbials after a cue. Each function reads the window and its explicit
// arguments only, and returns token indexes.

// subjectPronouns stand as a whole speaker: the subject forms of the
// personal pronouns of internal/lexicon, and the relative pronouns "who"
// and "which". objectPronouns stand as a whole addressee ("told them"):
// the forms that are only object forms, "her" too, not "you" or "it".
var subjectPronouns = pronounSet(func(p lexicon.Pronoun) bool { return p.Case&lexicon.Subject != 0 }, "who", "which")

var objectPronouns = pronounSet(func(p lexicon.Pronoun) bool {
	return p.Case&lexicon.Object != 0 && p.Case&lexicon.Subject == 0
})

// leftNP returns the first token of the subject noun phrase that ends just
// before token end, with an appositive or relative clause between them
// ("Hugh Hill, a doctor, said"). With gerund set, the phrase stops at
// "of": the subject of a gerund is the nearest noun phrase ("footage of
// Trump saying"). stop, when it is not -1, is where the subject ends
// before end: the comma that opens a parenthetical adverb or participle
// clause after it ("Lee, however, said"), or a time phrase ("Gov. Ann
// Marsh on Tuesday announced").
func (w *window) leftNP(end int, gerund bool) (start, stop int, ok bool) {
	if end <= 0 {
		return 0, -1, false
	}
	toks := w.toks
	if t := w.timeBefore(end); t < end {
		if s, p, ok := w.leftNP(t, gerund); ok {
			if p < 0 {
				p = t
			}
			return s, p, true
		}
		// A time phrase between the subject and its verb is not the
		// subject itself ("Trump, who ..., on Friday described").
		return 0, -1, false
	}
	j := end - 1
	if isComma(toks[j]) || toks[j].kind == token.Dash {
		return w.appositive(j, gerund)
	}
	// A city's state belongs to the noun phrase before it: "a supporter
	// from Jackson, Miss.".
	for p := end - 3; p <= end-2; p++ {
		if w.placeEnd(p) == end {
			return w.leftNP(p, gerund)
		}
	}
	if toks[j].kind == token.Word && (subjectPronouns.has(toks[j].lower) || toks[j].lower == "that" && toks[j].tag == "WDT") {
		if j >= 2 && (toks[j-1].lower == "or" || toks[j-1].lower == "and") && subjectPronouns.has(toks[j-2].lower) && !isRelative(toks[j-2].lower) {
			return j - 2, -1, true // "he or she"
		}
		return j, -1, true
	}
	k := j
	// "Officials there said": a place adverb after the noun belongs to
	// the noun phrase.
	if j >= 1 && toks[j].tag == "RB" && placeAdverbs.has(toks[j].lower) && isNounTag(toks[j-1].tag) && toks[j-1].tag != "PRP" {
		k = j - 1
	}
	if toks[j].text == ")" {
		// "Rep. John Mica (R-Fla.)"
		m := j - 1
		for m > 0 && j-m < 10 && toks[m].text != "(" {
			m--
		}
		if m < 1 || toks[m].text != "(" {
			return 0, -1, false
		}
		k = m - 1
	}
	// A participle right before the cue, after a noun, can only modify
	// the noun: "voters polled said", "the people interviewed said"; after
	// "those", it makes the whole subject: "those surveyed say".
	if k == end-1 && k >= 1 && regularPast(toks[k]) {
		switch {
		case toks[k-1].tag == "NNS" || toks[k-1].tag == "NNP" || toks[k-1].tag == "NNPS" || toks[k-1].tag == "NN":
			k--
		case toks[k-1].lower == "those":
			return k - 1, -1, true
		}
	}
	// A quantifier stands as a whole subject: "Several said", "Most
	// believe".
	if k == end-1 && quantifiers.has(toks[k].lower) {
		if k > 0 && quantityAdverbs.has(toks[k-1].lower) {
			k-- // "almost half"
		}
		return k, -1, true
	}
	// A name the tagger reads as an adverb for its "-ly" ("Jolly said"),
	// as an adjective for its ending ("Calabrese told") or as a gerund
	// ("Schilling told"): right before the verb, with no noun after it,
	// it can only be the subject.
	name := k+1 == end && isCapital(toks[k].text) && (toks[k].tag == "RB" && !auxWords.has(toks[k].lower) && hasSuffixFold(toks[k].text, "ly") ||
		toks[k].tag == "JJ" && (k == 0 || !isNPTag(toks[k-1].tag)) || toks[k].tag == "VBG" && !auxWords.has(toks[k].lower) && !haveForms.has(toks[k].lower))
	// A plural noun the tagger reads as a verb for its "-s"
	// ("strategists/VBZ think"): right before a verb of the plural
	// present, the past or a modal, two finite verbs in a row, it can only
	// be the subject.
	plural := k+1 == end && end < len(toks) && toks[k].tag == "VBZ" && !isCapital(toks[k].text) && hasSuffixFold(toks[k].text, "s") &&
		(toks[end].tag == "VBP" || toks[end].tag == "VBD" || toks[end].tag == "MD")
	if s, ok := w.relativeSubject(end, gerund); ok {
		return s, -1, true
	}
	// An adjective after a determiner, a number or a possessive heads the
	// phrase where it ends it ("the elder said", "one user/JJ wrote").
	if toks[k].kind != token.Word || !isNounTag(toks[k].tag) && !(toks[k].tag == "JJ" && k > 0 && (toks[k-1].tag == "DT" || toks[k-1].tag == "CD" || toks[k-1].tag == "PRP$")) && !name && !plural {
		return 0, -1, false
	}
	k = w.extendLeft(k, j, gerund)
	for k < j && (npConnectors.has(toks[k].lower) && !(toks[k].lower == "at" && (toks[k+1].lower == "least" || toks[k+1].lower == "most")) || toks[k].tag == "POS" || toks[k].text == ")") {
		k++
	}
	// A time phrase after a participle belongs to a reduced relative: "a
	// report released last year found", "the memo released on Friday
	// shows".
	v := k - 1
	if v >= 1 && timePrepositions.has(toks[v].lower) {
		v--
	}
	if v >= 1 && allAdverbial(toks[k:j+1]) && toks[v].tag == "VBN" && toks[v-1].kind == token.Word && isNounTag(toks[v-1].tag) {
		if s, _, ok := w.leftNP(v, gerund); ok {
			return s, -1, true
		}
	}
	return k, -1, true
}

// placeOfOrigin reports whether token m opens a place of origin after a
// name: "of" and a name ("Tom Lee, of Austin, Tex.").
func (w *window) placeOfOrigin(m int) bool {
	return w.toks[m].lower == "of" && m+1 < len(w.toks) && w.toks[m+1].tag == "NNP"
}

// opensPhrase reports whether a noun phrase may open with token k, after
// what comes before it: the start of the window, a determiner, a
// possessive, an adjective or a number.
func (w *window) opensPhrase(k int) bool {
	if k == 0 {
		return true
	}
	p := &w.toks[k-1]
	switch p.tag {
	case "DT", "PDT", "PRP$", "POS", "JJ", "JJS", "JJR", "CD":
		return p.kind == token.Word
	}
	return p.lower == "’s" || p.lower == "'s" // a possessive the tagger missed
}

// isYear reports whether t is a year of the last or this century:
// "in 2010".
func isYear(t tok) bool {
	s := t.text
	return t.tag == "CD" && len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}

// regularPast reports whether t is a regular past form, "-ed", which the
// tagger reads as a past tense or a participle, the one often for the
// other.
func regularPast(t tok) bool {
	return (t.tag == "VBD" || t.tag == "VBN") && hasSuffixFold(t.text, "ed")
}

// degreeBefore reports whether t is an adverb of the adjective or
// participle next, within a noun phrase: a degree ("the most recent
// survey", "a more senior official", "a very senior official") or a
// manner ("the publicly available evidence", "a newly released poll").
func degreeBefore(t, next tok) bool {
	adverb := t.tag == "RBS" || t.tag == "RBR" || t.tag == "RB" && (t.lower == "very" || hasSuffixFold(t.text, "ly"))
	return adverb && (next.tag == "JJ" || next.tag == "VBN")
}

// timeBefore returns the first token of a time phrase that ends just
// before token end and follows a noun phrase, or the comma after one
// ("on Tuesday", "last week", "on Thursday evening", "in the past"), or
// end when there is none.
func (w *window) timeBefore(end int) int {
	toks := w.toks
	t := end
	time := false
	for t > 0 && end-t < 5 {
		p := &toks[t-1]
		if timeNouns.has(p.lower) || periodNouns.has(p.lower) || isYear(*p) {
			time = true
		} else if !(p.tag == "CD" || p.lower == "recent" || p.lower == "ago" || adverbialWords.has(p.lower) && !timePrepositions.has(p.lower)) {
			break
		}
		t--
	}
	// "on Tuesday", "earlier this month".
	for n := 0; n < 2 && t > 0 && t < end && timePrepositions.has(toks[t-1].lower); n++ {
		t--
	}
	if !time || t == 0 || t == end {
		return end
	}
	// After a noun, or after the comma that closes an appositive or
	// relative clause of one ("Trump, who ..., on Friday described"), or
	// after the relative pronoun that is the subject ("McConnell, who in
	// 2010 said").
	if b := &toks[t-1]; b.kind == token.Word && (isNounTag(b.tag) && b.tag != "CD" || b.lower == "who" || b.lower == "which" || b.lower == "that" && b.tag == "WDT") || b.text == ")" || isComma(*b) && t >= 2 {
		return t
	}
	// Inside the verb group: "Police had last month charged".
	if t >= 2 && auxWords.has(toks[t-1].lower) && toks[t-2].kind == token.Word && isNounTag(toks[t-2].tag) && toks[t-2].tag != "CD" {
		return t - 1
	}
	return end
}

// relativeSubject returns the first token of a subject that ends with a
// relative clause just before token end, with no comma: that of an
// unnamed source ("A senior city engineer who asked not to be named
// because the report has not been released described ...", "an official
// who spoke on condition of anonymity said"), or one whose pronoun is its
// subject (see [window.subjectRelative]) where the verb after it is not a
// gerund, whose subject may be the clause's own object ("an email chain
// that showed Douglas J. Band seeking").
func (w *window) relativeSubject(end int, gerund bool) (int, bool) {
	toks := w.toks
	for r := end - 1; r > 0 && end-r < 30; r-- {
		t := &toks[r]
		if isComma(*t) || t.kind == token.Quote || t.kind == token.Dash || isEnd(*t) || t.text == ";" || t.text == ":" {
			return 0, false
		}
		if !whoOrThat(t) {
			continue
		}
		if r+1 >= end || !isNounTag(toks[r-1].tag) || toks[r-1].tag == "PRP" {
			return 0, false
		}
		if anonymous := r+2 < end && w.unnamed(r+1); !anonymous && (gerund || !w.subjectRelative(r, end)) {
			return 0, false
		}
		s, _, ok := w.leftNP(r, false)
		return s, ok
	}
	return 0, false
}

// whoOrThat reports whether t is "who" or the relative "that": the
// pronouns of the relative clauses that relativeSubject reads into a
// subject, and whose object relativeObject offers instead.
func whoOrThat(t *tok) bool {
	return t.lower == "who" || t.lower == "that" && t.tag == "WDT"
}

// subjectRelative reports whether the relative pronoun at token r is the
// subject of a clause that runs to token end with no clause of its own: a
// verb after it, and no complementizer, subordinator or second relative
// ("Supporters who have heard directly from the campaign say", "those
// who have a 401(k) say", "an official who spoke anonymously said"). Its
// antecedent, not the object of its verb, is then the subject of the verb
// at end.
func (w *window) subjectRelative(r, end int) bool {
	toks := w.toks
	if end >= len(toks) {
		return false // no verb after the clause
	}
	m := r + 1
	for m < end && m-r < 4 && (toks[m].tag == "RB" || auxWords.has(toks[m].lower)) {
		m++
	}
	if m >= end || !(isFinite(toks[m].tag) || m > r+1 && (toks[m].tag == "VBN" || toks[m].tag == "VB")) {
		return false
	}
	// After the clause comes the main clause's verb, or an adverb or a
	// time phrase before it: not a gerund, an infinitive, or a word only
	// the cue reads as a verb ("the lawsuit that led to the Supreme Court
	// ruling").
	if e := &toks[end]; e.tag == "VBG" || e.tag == "VB" || end == w.asVerb {
		return false
	}
	// The clause ends on a noun or an adverb, or on its verb before an
	// adverb ("an official who spoke anonymously said"); a verb after
	// "and" is the clause's own second one ("a running mate who performed
	// well and demonstrated").
	if last := &toks[end-1]; last.kind != token.Word || !(isNounTag(last.tag) || last.tag == "RB" || end-1 == m && toks[end].tag == "RB") {
		return false
	}
	for i := r + 1; i < end; i++ {
		t := &toks[i]
		if t.kind == token.Word && (t.lower == "that" || subordinators.has(t.lower) || i > r+1 && (t.tag == "WP" || t.tag == "WRB" || t.tag == "WDT")) {
			return false
		}
	}
	return true
}

// relativeCue reports whether the relative clause that token k, "who",
// opens says what its antecedent said, as an attribution of its own: a
// finite verb of saying after it, past adverbs and auxiliaries ("said
// Capt. Ann Pardo, who said she would not vote", "who also argued that"),
// unless it says the source is unnamed ("who asked not to be named").
func (w *window) relativeCue(k int) bool {
	toks := w.toks
	m := k + 1
	for m < len(toks) && m-k < 4 && (toks[m].tag == "RB" || auxWords.has(toks[m].lower)) {
		m++
	}
	if m >= len(toks) || !isFinite(toks[m].tag) || !w.plainCue(toks[m].lower) || w.unnamed(m) {
		return false
	}
	for _, v := range w.verbs(m) {
		if v.Class == lexicon.Speech || v.Class == lexicon.Address {
			return true
		}
	}
	return false
}

// unnamed reports whether the words from token k say that a source is
// not named: "asked not to be named", "spoke on (the) condition of
// anonymity".
func (w *window) unnamed(k int) bool {
	toks := w.toks
	if l := toks[k].lower; (l == "asked" || l == "requested") && anonymity(toks, k+1) {
		return true
	}
	m := k + 2
	if m < len(toks) && toks[m].lower == "the" {
		m++
	}
	return toks[k].lower == "spoke" && toks[k+1].lower == "on" && m+2 < len(toks) && toks[m].lower == "condition" && toks[m+1].lower == "of" && toks[m+2].lower == "anonymity"
}

// extendLeft returns the first token of the noun phrase whose last noun
// is token k, reading left over modifiers, a parenthesis and connectors
// ("of", "and"); j is the phrase's last token.
func (w *window) extendLeft(k, j int, gerund bool) int {
	toks := w.toks
	for k > 0 && j-k < 25 {
		p := &toks[k-1]
		// A participle before a noun modifies it: "a newly released
		// poll"; so does a gerund where a phrase opens with it, after a
		// determiner, an adjective or a number ("the acting secretary",
		// "its marching orders"), and not where it follows a noun, a
		// comma or a quotation as a verb with its object ("retirees
		// carrying signs", "“...,” making air quotes").
		modifier := p.tag == "VBN" && isNounTag(toks[k].tag) || p.tag == "VBG" && !isCapital(p.text) && (toks[k].tag == "NN" || toks[k].tag == "NNS") && w.opensPhrase(k-1)
		if p.kind == token.Word && (isNPTag(p.tag) || p.tag == "PDT" || modifier || degreeBefore(*p, toks[k])) && !(p.tag == "DT" && (p.lower == "that" || p.lower == "which")) {
			k--
			continue
		}
		if p.text == "/" && k >= 2 && toks[k-2].kind == token.Word {
			k--
			continue
		}
		// "a source close to him", "an adviser to the president": the
		// relation's noun or adjective heads the phrase.
		if p.lower == "to" && k >= 2 && toRelations.has(toks[k-2].lower) {
			k -= 2
			continue
		}
		// "a source familiar with the plan", "a memo seen by Reuters",
		// "an email relating to Benghazi": an adjective or participle
		// after a noun, with its preposition's object, modifies the noun.
		if (p.tag == "IN" || p.tag == "TO") && k >= 3 && p.lower != "that" && !subordinators.has(p.lower) && w.postModifier(k-2) {
			k -= 2
			continue
		}
		if m := w.quotedModifier(k); m < k {
			k = m
			continue
		}
		if p.text == ")" {
			m := k - 2
			for m >= 0 && j-m < 25 && toks[m].text != "(" {
				m--
			}
			if m >= 0 && toks[m].text == "(" {
				k = m
				continue
			}
			break
		}
		// "Politicians and even some technologists": an adverb of
		// focus after a conjunction belongs to what it joins, when the
		// conjunction joins a noun phrase before it.
		if focusAdverbs.has(p.lower) && k >= 3 && coordinators.has(toks[k-2].lower) && toks[k-3].kind == token.Word && isNounTag(toks[k-3].tag) && toks[k-3].tag != "PRP" {
			k--
			continue
		}
		// "Neither Mr. Comey nor other officials", "both parties": the
		// word opens the phrase.
		if correlatives.has(p.lower) && k < j {
			k--
			break
		}
		// "Sanders’ aides": a possessive apostrophe after a plural or a
		// name ending in s.
		if (p.text == "’" || p.text == "'") && k >= 2 && toks[k-2].kind == token.Word && hasSuffixFold(toks[k-2].text, "s") && isNPTag(toks[k-2].tag) && isNounTag(toks[k].tag) {
			k--
			continue
		}
		// "O’Malley (D) and former Arkansas Gov. Mike Huckabee (R)": a
		// parenthetical may close the first of two coordinated names.
		closes := k >= 2 && toks[k-2].text == ")" && coordinators.has(p.lower)
		if (npConnectors.has(p.lower) || npPrepositions.has(p.lower) || coordinators.has(p.lower)) && k >= 2 && (toks[k-2].kind == token.Word || closes) {
			q := toks[k-2].tag
			if closes {
				q = "NNP"
			}
			ok := isNounTag(q) && q != "PRP"
			r := toks[k].tag
			if focusAdverbs.has(toks[k].lower) && k+1 <= j {
				r = toks[k+1].tag
			}
			switch p.lower {
			case "of":
				ok = !gerund && (ok || q == "DT" || q == "JJ" || q == "JJS")
			case "and", "&", "or", "nor":
				name := q == "NNP" || q == "NNPS" || q == "NN" && isCapital(toks[k-2].text)
				ok = name && (r == "NNP" || r == "NNPS" || r == "JJ" || r == "DT" || r == "PRP$" || r == "NN") ||
					(q == "NN" || q == "NNS") && (r == "NN" || r == "NNS" || r == "JJ" || r == "NNP" || r == "PRP$") ||
					q == "JJ" && (r == "JJ" || r == "NN" || r == "NNP") || // "federal and state officials", "progressive and Muslim groups"
					q == "NNS" && r == "DT" // "many experts and some lawmakers"
				if q == "PRP" && subjectPronouns.has(toks[k-2].lower) && (r == "PRP" || r == "PRP$" || r == "NNP" || r == "DT") {
					k -= 2 // "he or she", "she and her aides": the pronoun ends the phrase
					break
				}
			}
			if ok {
				k--
				continue
			}
		}
		// A quantity: "at least a dozen", "more than half", "almost
		// half", "only 24 percent".
		if p.lower == "at" && (toks[k].lower == "least" || toks[k].lower == "most") {
			k--
			continue
		}
		if k >= 2 && p.lower == "than" && comparatives.has(toks[k-2].lower) {
			k -= 2
			continue
		}
		if quantityAdverbs.has(p.lower) && (toks[k].tag == "CD" || toks[k].tag == "DT" || quantifiers.has(toks[k].lower)) {
			k--
			continue
		}
		break
	}
	return k
}

// postModifier reports whether token m, an adjective or a participle
// right after a noun, modifies that noun ("familiar", "seen", "relating").
func (w *window) postModifier(m int) bool {
	t, n := w.toks[m], w.toks[m-1]
	if t.kind != token.Word || n.kind != token.Word || !isNounTag(n.tag) || n.tag == "PRP" || n.tag == "CD" {
		return false
	}
	// A past form the tagger reads as a past tense stays one: "Politifact
	// seized on Trump's claim".
	return t.tag == "JJ" || t.tag == "VBN" || t.tag == "VBG"
}

// objectAt reports whether token k opens the object of a verb before it:
// a determiner, a pronoun or a name that is not a time ("compared
// himself", "endorsed her", "praised the plan", "granted Mr. Clarke",
// but "released Monday").
func (w *window) objectAt(k int) bool {
	if k >= len(w.toks) {
		return false
	}
	switch t := &w.toks[k]; t.tag {
	case "DT", "PRP", "PRP$":
		return true
	case "NNP":
		return !timeNouns.has(t.lower)
	}
	return false
}

// pastWithObject reports whether token p, which the tagger reads as a
// participle, is the past tense of its clause all the same: right after a
// noun and before an object, which a participle of the passive does not
// take ("Sanders compared himself to Clinton").
func (w *window) pastWithObject(p int) bool {
	return w.toks[p].tag == "VBN" && p > 0 && isNounTag(w.toks[p-1].tag) && w.objectAt(p+1)
}

// rightNP returns the noun phrase that starts at token k as [start, end),
// with an appositive or relative clause after it when appos is set ("the
// official, a spokesman for the department").
func (w *window) rightNP(k int, appos bool) (start, end int, ok bool) {
	toks := w.toks
	if k >= len(toks) {
		return 0, 0, false
	}
	if subjectPronouns.has(toks[k].lower) && !isRelative(toks[k].lower) {
		return k, k + 1, true
	}
	// A quantifier that stands as a whole noun phrase: "tweeted
	// another.", "said several, ...".
	if quantifiers.has(toks[k].lower) && (k+1 == len(toks) || toks[k+1].kind != token.Word) {
		return k, k + 1, true
	}
	// An object pronoun ("told her", "asking him"), "her" too where no
	// noun follows it.
	if objectPronouns.has(toks[k].lower) && (k+1 == len(toks) || !isNPTag(toks[k+1].tag)) {
		return k, k + 1, true
	}
	j, noun := w.npRun(k)
	for j > k && (npConnectors.has(toks[j-1].lower) || toks[j-1].tag == "DT" || toks[j-1].tag == "POS" || toks[j-1].tag == "IN") {
		j--
	}
	if !noun || j == k {
		return 0, 0, false
	}
	// "said an official who asked not to be named": a relative clause
	// right after the noun phrase belongs to it.
	if appos && j < len(toks) && (toks[j].lower == "who" || toks[j].lower == "whose") {
		e := j + 1
		for e < len(toks) && !isEnd(toks[e]) && toks[e].kind != token.Quote && toks[e].text != ";" && toks[e].kind != token.Dash && !isComma(toks[e]) {
			e++
		}
		if e > j+1 {
			return k, e, true
		}
	}
	// The tagger tags quote marks too: an appositive opens with a word.
	if appos && j+1 < len(toks) && isComma(toks[j]) && toks[j+1].kind == token.Word {
		n := &toks[j+1]
		// A place of origin is one too: "Tom Lee, of Austin, Tex.".
		if n.lower == "who" || n.lower == "whose" || w.placeOfOrigin(j+1) || (isNPTag(n.tag) || n.tag == "RB" && j+2 < len(toks) && isNPTag(toks[j+2].tag)) && !w.startsCue(j+1) {
			// An appositive holds no verb of its own: "..., according to a
			// timeline, the guards left" goes on with a clause.
			if n.lower == "who" && w.relativeCue(j+1) {
				return k, j, true // its own attribution
			}
			if e := w.appositiveEnd(j); n.lower == "who" || n.lower == "whose" || !w.finiteIn(j+1, e) {
				return k, e, true
			}
		}
	}
	return k, j, true
}

// npRun reads the words of a noun phrase from token k and returns the
// token after them, and whether a noun was among them.
func (w *window) npRun(k int) (int, bool) {
	toks := w.toks
	j := k
	noun := false
	for j < len(toks) && j-k < 25 {
		t := &toks[j]
		// A title the tagger reads as an adverb between nouns: "Clinton
		// ally James Carville", "policy aide Jake Sullivan".
		title := t.kind == token.Word && t.tag == "RB" && j > k && isNounTag(toks[j-1].tag) && j+1 < len(toks) && toks[j+1].tag == "NNP"
		degree := j+1 < len(toks) && degreeBefore(*t, toks[j+1])
		// A gerund that modifies the noun after it, where a phrase opens
		// with it: "another leading Supreme Court advocate".
		gerund := t.tag == "VBG" && j > k && w.opensPhrase(j) && j+1 < len(toks) && isNounTag(toks[j+1].tag)
		// "a lawyer close/RB to the family": the relation before "to".
		relation := j > k && toRelations.has(t.lower) && isNounTag(toks[j-1].tag) && j+2 < len(toks) && toks[j+1].lower == "to" && isNPTag(toks[j+2].tag)
		if t.kind == token.Word && (isNPTag(t.tag) || t.tag == "VBN" && j > k || title || degree || gerund || relation) && !(t.tag == "DT" && j > k && toks[j-1].tag != "IN" && toks[j-1].tag != "TO" && !npConnectors.has(toks[j-1].lower)) {
			noun = noun || isNounTag(t.tag) || title
			// "the 46-year-old", "the elder": an adjective after a
			// determiner that ends the phrase stands as its head.
			if t.tag == "JJ" && j > k && toks[j-1].tag == "DT" && (j+1 == len(toks) || toks[j+1].kind != token.Word) {
				noun = true
			}
			j++
			continue
		}
		// The author of a document or of a participle's act: "an analysis
		// by the CBO", "exit polls conducted by Edison Research", "court
		// papers reported earlier by the Post".
		if t.lower == "by" && j > k && (lexicon.Document(toks[j-1].lower) || w.participleBefore(k, j)) && j+1 < len(toks) && isNPTag(toks[j+1].tag) {
			j++
			continue
		}
		// "an adviser to the president", "a person close to the talks".
		if t.lower == "to" && j > k && toRelations.has(toks[j-1].lower) && j+1 < len(toks) && isNPTag(toks[j+1].tag) {
			j++
			continue
		}
		if t.kind == token.Word && (npConnectors.has(t.lower) || t.lower == "on" || t.lower == "with") && noun && j+1 < len(toks) && isNPTag(toks[j+1].tag) {
			if t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "with" {
				// "a source on the panel", but not "the official on Tuesday".
				if _, pe, ok := w.rightNP(j+1, false); !ok || allAdverbial(toks[j+1:pe]) || pe-j > 6 {
					break
				}
			}
			j++
			continue
		}
		if t.text == "/" && j > k && j+1 < len(toks) && toks[j+1].kind == token.Word {
			j++
			continue
		}
		// A name in quote marks inside the phrase: "the authors of the
		// “Growth Project”".
		if j > k && w.isOpenQuote(j) {
			q := w.quoteOf(j)
			m := j + 1
			for m < len(toks) && m-j < 12 && toks[m].start < q.End {
				m++
			}
			if q.Kind != quote.Speech && m-j < 12 && m <= len(toks) && toks[m-1].end == q.End {
				noun = true
				j = m
				continue
			}
		}
		if t.text == "(" {
			m := j + 1
			for m < len(toks) && m-j < 8 && toks[m].text != ")" {
				m++
			}
			if m < len(toks) && toks[m].text == ")" {
				j = m + 1
				continue
			}
		}
		break
	}
	return j, noun
}

// participleBefore reports whether a participle (VBN) stands among the
// tokens [k, j) of a noun phrase, with no noun after it but time words:
// "exit polls conducted", "a memo released Friday".
func (w *window) participleBefore(k, j int) bool {
	for m := j - 1; m >= k; m-- {
		t := &w.toks[m]
		if t.tag == "VBN" {
			return true
		}
		if !(t.tag == "RB" || adverbialWords.has(t.lower) || t.tag == "CD" || t.tag == "NNP" && timeNouns.has(t.lower)) {
			return false
		}
	}
	return false
}

// finiteIn reports whether a finite verb stands among tokens [s, e),
// before any relative clause.
func (w *window) finiteIn(s, e int) bool {
	for _, t := range w.toks[s:min(e, len(w.toks))] {
		if isRelative(t.lower) || t.lower == "that" {
			return false
		}
		if isFinite(t.tag) {
			return true
		}
	}
	return false
}

// subjectBefore returns the subject of a finite verb before token end, as
// [start, end) token indexes: of the first finite verb of the clause the
// words before end hang on, which a participle phrase shares ("Carson
// rejected the notion that the episode should be forgotten, saying");
// with coordinated set, for a verb phrase after "and" or "but", of the
// nearest finite verb when it lies in a subordinate clause that the verb
// phrase goes on ("after she attacked the police and blamed").
func (w *window) subjectBefore(end int, coordinated bool) (int, int, bool) {
	toks := w.toks
	from := max(0, end-60)
	for p := end - 1; p > from; p-- {
		if t := &toks[p]; t.text == ";" || t.text == ":" || t.text == "(" {
			from = p + 1
			break
		}
	}
	// The words a clause quotes are part of it ("called Trump a
	// “blowhard,” and said", "defended “New York values,” saying"): the
	// search passes over them, and takes no verb from inside them.
	verb := func(p int) bool { return (isFinite(toks[p].tag) || w.pastWithObject(p)) && !w.inQuote(p) }
	nearest := false
	if coordinated {
		for p := end - 1; p >= from; p-- {
			if verb(p) {
				nearest = w.subordinate(from, p)
				break
			}
		}
	}
	for n := 0; n < end-from; n++ {
		p := from + n
		if nearest {
			p = end - 1 - n
		}
		if !verb(p) || !nearest && w.subordinate(from, p) {
			continue
		}
		// The verb's auxiliaries and adverbs: "she then defended",
		// "he quickly noted".
		p0 := p
		for p0 > 0 && (auxWords.has(toks[p0-1].lower) || toks[p0-1].tag == "RB" && p-p0 < 3) {
			p0--
		}
		if ss, stop, ok := w.leftNP(p0, false); ok {
			se := p0
			if stop > ss && stop < se {
				se = stop
			}
			if isComma(toks[se-1]) || toks[se-1].kind == token.Dash {
				se--
			}
			return ss, se, true
		}
	}
	return 0, 0, false
}

// subordinate reports whether the finite verb at token p lies in a
// subordinate or relative clause opened after token from: a clause opener
// or relative pronoun stands between them with no comma closing it.
func (w *window) subordinate(from, p int) bool {
	for k := p - 1; k >= from; k-- {
		t := &w.toks[k]
		if isComma(*t) {
			return false
		}
		// The words of a quotation are its speaker's, not the
		// narration's: “Did he keep us safe after 9/11?” Trump asked.
		if w.inQuote(k) {
			continue
		}
		if clauseOpeners.has(t.lower) && t.tag != "DT" || t.tag == "WDT" || t.tag == "WP" {
			return true
		}
	}
	return false
}

// finiteAfter reports whether a finite verb follows token k in the
// sentence: then a bare participle before it is a reduced relative ("the
// report released Monday found"), else it is the main verb, mistagged.
func (w *window) finiteAfter(k int) bool {
	for j := k; j < len(w.toks) && j-k < 6; j++ {
		if t := &w.toks[j]; t.kind != token.Word && t.text != "(" && t.text != ")" || t.lower == "that" || t.tag == "WDT" || t.tag == "WP" {
			return false
		}
		if isFinite(w.toks[j].tag) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether w ends in suf, ignoring the case of w's
// ASCII letters; suf is lower case.
func hasSuffixFold(w, suf string) bool {
	return len(w) >= len(suf) && token.EqualLower(suf, w[len(w)-len(suf):])
}

// quotedModifier returns the token that opens a quoted name or term
// modifying the noun at k ("the “Avatar” star", "her “clawback” plan"),
// where one closes right before it and opens where a noun phrase may (not
// after a participle: "the defeated “Remain” campaign" is read otherwise),
// or k when there is none. The
// quotation is short, not speech and holds no mark at its end: “...,”
// said a spokesman is a quotation and its speaker, and “This Week,” Rubio
// a show and a name in apposition.
func (w *window) quotedModifier(k int) int {
	toks := w.toks
	if k < 3 || !isNounTag(toks[k].tag) || toks[k].tag == "PRP" || !w.isCloseQuote(k-1) {
		return k
	}
	qi := w.quoteAt(toks[k-1].start)
	if qi < 0 || w.qs[qi].Kind == quote.Speech || innerEnds(*w.qs[qi], ",;:.!?") {
		return k
	}
	m := startsFrom(toks, w.qs[qi].Start)
	if m == 0 || m >= k-1 || k-m > 8 || toks[m].start != w.qs[qi].Start || !w.opensPhrase(m) {
		return k
	}
	return m
}
