package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
)

// The appositive after a name ("Hugh Hill, a doctor, said", "said Ann
// Berg, 32, of Ashby") and the city's state that a name's place may hold
// ("of Austin, Tex.,"), which is part of the name, not an appositive.

// appositive reads "NAME, APPOSITIVE," before a cue, where comma is the
// index of the second comma (or dash), and returns the first token of
// NAME, read as leftNP reads it with gerund; paren is the first comma when
// the appositive is a parenthetical adverb or participle clause ("Mr. Lee,
// however, said", "Ms. Ray, speaking on the radio, said"), else -1.
func (w *window) appositive(comma int, gerund bool) (start, paren int, ok bool) {
	toks := w.toks
	k := comma - 1
	dash := toks[comma].kind == token.Dash
	place := -1 // the comma between a city and its state: "Austin, Tex.,"
	for k >= 0 && comma-k < 40 && !(isComma(toks[k]) && !dash && w.placeEnd(k) < 0 || dash && toks[k].kind == token.Dash) {
		if toks[k].kind == token.Quote || isEnd(toks[k]) {
			return 0, -1, false
		}
		if place < 0 && isComma(toks[k]) {
			place = k
		}
		k--
	}
	if (k < 0 || !isComma(toks[k])) && !dash && place >= 0 && w.placeEnd(place) == comma {
		// No appositive: the place ends the name ("Tom Lee of Austin,
		// Tex., said").
		return w.leftNP(place, gerund)
	}
	if k < 1 || k+1 >= comma || !isComma(toks[k]) && toks[k].kind != token.Dash {
		return 0, -1, false
	}
	first := &toks[k+1]
	rel := isRelative(first.lower)
	prep := first.tag == "IN" || prepositionalVBG.has(first.lower) // ", at a briefing,", ", including X,"
	// A participle in "-ing" the tagger reads as a noun opens a
	// participle clause where a preposition or determiner follows it:
	// "Trump, speaking/NN at a rally, said".
	gerundRead := first.tag == "NN" && !isCapital(first.text) && hasSuffixFold(first.text, "ing") && k+2 < comma &&
		(toks[k+2].tag == "IN" || toks[k+2].tag == "TO" || toks[k+2].tag == "DT" || toks[k+2].tag == "PRP$")
	// A participle clause: "X, speaking on the radio, said", "X, asked
	// about it, said", "the transcript — published by the Post — shows";
	// the tagger reads the participle of a regular verb as a past tense
	// there too ("Lee, questioned/VBD about the plan, said").
	parenthetical := first.tag == "RB" || first.tag == "VBG" || first.tag == "VBN" || regularPast(*first) && !w.objectAt(k+2) || gerundRead
	npFirst := isNPTag(first.tag) && !gerundRead
	if !rel && !npFirst && !prep && !parenthetical {
		return 0, -1, false
	}
	if !rel {
		for m := k + 1; m < comma; m++ {
			if l := toks[m].lower; l == "who" || l == "that" || l == "which" || l == "whose" {
				break
			}
			// A past form right after a noun is its participle, which the
			// tagger may read as a past tense: "a super PAC allied with
			// House leadership"; but not before an object, which a
			// participle of the passive does not take: "Sanders compared
			// himself to Clinton" is a clause.
			participle := toks[m].tag == "VBG" || (toks[m].tag == "VBN" || regularPast(toks[m]) && (isNounTag(toks[m-1].tag) || m == k+1)) && !w.objectAt(m+1)
			// Nor is an infinitive a clause of its own: "X, in an attempt
			// to draw attention to it, wrote".
			infinitive := toks[m].tag == "VB" && toks[m-1].tag == "TO"
			if isVerbTag(toks[m].tag) && !participle && !infinitive && !w.modifierRead(m) {
				return 0, -1, false
			}
		}
	}
	paren = -1
	// A parenthetical adverb, participle or prepositional phrase ends the
	// speaker ("Clinton, at Monday's debate, cited"); a phrase of "like"
	// or "including" names more of the speakers, and stays.
	// A place of origin is the speaker's: "Harry Bond, of Raleigh, said".
	origin := w.placeOfOrigin(k + 1)
	if (parenthetical || first.tag == "IN" && first.lower != "like" && !origin) && !rel && !npFirst {
		paren = k
	}
	s, p, ok := w.leftNP(k, gerund)
	if p >= 0 {
		paren = p // the innermost parenthetical
	}
	if !ok || !isNounTag(toks[k-1].tag) && toks[k-1].text != ")" || subjectPronouns.has(toks[k-1].lower) || first.tag == "IN" && toks[k-1].tag != "NNP" && !(origin && toks[k-1].tag == "CD") {
		return 0, -1, false
	}
	// Stacked, the name before the comma before s: "Michael Mulgrew,
	// president of the union, which represents teachers, said"; or before
	// the comma before a place of origin, with an appositive of its own
	// or without one: "Harry Bond, 30, of Raleigh, N.C., who was among
	// those polled, said", "Harry Bond, of Raleigh, who ...".
	s2, p2, stacked := 0, -1, false
	switch {
	case s >= 3 && w.placeOfOrigin(s-1) && isComma(toks[s-2]):
		s2, p2, stacked = w.leftNP(s-1, gerund)
		if !stacked && toks[s-3].tag == "NNP" {
			s2, p2, stacked = w.leftNP(s-2, gerund)
		}
	case s > 1 && isComma(toks[s-1]) && toks[s].tag != "NNP" && toks[s-2].tag == "NNP":
		s2, p2, stacked = w.leftNP(s-1, gerund)
	}
	if stacked {
		if p2 >= 0 {
			paren = p2
		}
		return s2, paren, true
	}
	return s, paren, true
}

// modifierRead reports whether token m, which the tagger reads as a verb
// of the present, modifies the noun after it: between a singular noun or
// an adjective and a noun, a plural present has no subject ("deputy
// homeland security advisor").
func (w *window) modifierRead(m int) bool {
	toks := w.toks
	if m < 1 || m+1 >= len(toks) || toks[m].tag != "VBP" && toks[m].tag != "VB" {
		return false
	}
	p, n := toks[m-1].tag, toks[m+1].tag
	return (p == "JJ" || p == "NN" || p == "NNP") && (n == "NN" || n == "NNS" || n == "NNP")
}

// stateAt returns how many tokens from token i name a state of the
// United States ("Texas", "Tex.", "N.H.", "New York"), or 0.
func (w *window) stateAt(i int) int {
	toks := w.toks
	if i >= len(toks) || toks[i].kind != token.Word || !isCapital(toks[i].text) {
		return 0
	}
	if i+1 < len(toks) && isCapital(toks[i+1].text) {
		switch toks[i].lower {
		case "new", "north", "south", "west", "rhode":
			if lexicon.State(toks[i].lower + " " + toks[i+1].lower) {
				return 2
			}
		}
	}
	if lexicon.State(toks[i].text) {
		return 1
	}
	return 0
}

// placeEnd returns the end of the state after the comma at token k when
// the comma stands between a city and its state, with a comma, the
// window's end or a full stop after the state ("Austin, Tex.,",
// "Columbia, South Carolina,"), else -1. The state is part of the name
// before it, not an appositive.
func (w *window) placeEnd(k int) int {
	toks := w.toks
	if k < 1 || !isComma(toks[k]) || toks[k-1].tag != "NNP" {
		return -1
	}
	n := w.stateAt(k + 1)
	e := k + 1 + n
	if n == 0 || e < len(toks) && !isComma(toks[e]) && !isEnd(toks[e]) {
		return -1
	}
	return e
}

// appositiveEnd returns the end of the appositive after the comma at
// token j: up to the next comma, or on through a relative clause or
// stacked appositives to the sentence's end ("Ann Lee, 32, of Ashby, a
// nurse.").
func (w *window) appositiveEnd(j int) int {
	toks := w.toks
	e := j + 1
	for e < len(toks) && !isEnd(toks[e]) && toks[e].kind != token.Quote && toks[e].text != ";" && toks[e].kind != token.Dash {
		if isComma(toks[e]) {
			// A city's state (", La.,") goes on, and ends the appositive
			// at the comma after it; ", who ..." goes on; another comma
			// ends the appositive.
			if pe := w.placeEnd(e); pe >= 0 {
				e = pe
				break
			}
			if e+1 < len(toks) && (toks[e+1].lower == "who" || toks[e+1].lower == "whose") && e+1 != j+1 {
				e++
				continue
			}
			if e+1 < len(toks) && (isNPTag(toks[e+1].tag) || toks[e+1].lower == "of" || toks[e+1].lower == "from") && !w.startsCue(e+1) && w.stackEnds(e+1) {
				e++
				continue
			}
			break
		}
		e++
	}
	for e > j+1 && toks[e-1].kind == token.Punct {
		e--
	}
	return e
}

// stackEnds reports whether the words from token k run to the sentence's
// end or a quotation with no verb of their own, as a stacked appositive does.
func (w *window) stackEnds(k int) bool {
	for m := k; m < len(w.toks) && m-k < 30; m++ {
		t := &w.toks[m]
		if isEnd(*t) || t.kind == token.Quote {
			return true
		}
		if isFinite(t.tag) || t.tag == "VBG" || t.tag == "WP" || t.tag == "WDT" {
			return false
		}
	}
	return false
}
