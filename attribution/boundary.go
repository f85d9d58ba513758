package attribution

import (
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file proposes, for the scorer, other bounds of a content than the
// ones the rules read: a clause after its cue may end at any of its
// breaks (a comma, semicolon, dash or parenthesis outside quotation
// marks), run on over a break the rules stopped at to the sentence's
// end, or start a few words later; a speaker may end or start elsewhere
// too. "He said the plan was dead, which surprised no one" reports the
// whole or the part before the comma depending on what follows it, and
// the scorer has learned which from the annotation.

// maxCuts bounds the breaks of one content at which a shorter content is
// proposed.
const maxCuts = 4

// narrationOpeners open an adverbial clause or phrase that may be the
// narration's rather than the speaker's: "described Clinton as a
// “disgrace” [after she attacked the police]". A content is also proposed
// ending before one. They are the subordinators but "if" and "as", which
// more often go on with what was said, and three prepositions of time.
var narrationOpeners = func() *wordSet {
	m := set("during", "amid", "despite")
	for w := range subordinators.m {
		if w != "if" && w != "as" {
			m.add(w)
		}
	}
	return m
}()

// isBreak reports whether token t may end a clause.
func isBreak(t tok) bool {
	return t.text == "," || t.text == ";" || t.text == "(" || t.kind == token.Dash
}

// addBoundaries appends to rd.frames, for each frame with a speaker, the
// same frame with the other bounds of its speaker (see speakerVariants);
// and for each frame whose content is one clause after its cue, the same
// frame with the content ending at each of its first maxCuts breaks, at the
// sentence's end past the break it ends on, and starting a few words later
// (see lateStarts). A copy keeps the frame's rule and its first.
func (rd *reader) addBoundaries() {
	w := &rd.w
	toks := w.toks
	n := len(rd.frames)
	for k := 0; k < n; k++ {
		f := &rd.frames[k]
		a := &f.a
		if !a.Speaker.Empty() && !a.Extent.Empty() {
			rd.speakerVariants(k)
		}
		if a.Extent.Empty() || len(a.Spans) > 1 || a.Cue.Empty() || a.Extent.Start < a.Cue.End {
			continue
		}
		c0, c1 := w.tokenRange(a.Extent)
		if c0 >= c1 || c1 < len(toks) && toks[c1].start < a.Extent.End {
			continue // the content does not end on a token's end
		}
		cuts := 0
		for j := c0 + 2; j < c1 && cuts < maxCuts; j++ {
			if (isBreak(toks[j]) || narrationOpeners.has(toks[j].lower) && toks[j].kind == token.Word) && !w.inQuote(j) {
				rd.variant(k, c0, j, "cut")
				cuts++
			}
		}
		rd.phraseCuts(k, c0, c1)
		if c1 < len(toks) && isBreak(toks[c1]) && !w.inQuote(c1) {
			rd.variant(k, c0, len(toks), "run-on")
		}
		rd.lateStarts(k, c0, c1)
	}
}

// maxPhraseCuts bounds the contents that end before a conjunction or a
// preposition proposed for one content.
const maxPhraseCuts = 2

// phraseCuts appends copies of frame k, whose content is the tokens
// [c0, c1), that end where an object before any verb of its own does:
// before the conjunction of a second verb phrase ("know this [and take
// advantage of it]") or before a preposition that opens an adjunct of
// the cue's verb ("denied the charges [through his lawyer]"), but not
// before "of", which goes on with the noun ("the work of the police"), nor
// before a word that opens a clause (the breaks of addBoundaries). It
// stops at the first verb or break: past one, the content is a clause.
func (rd *reader) phraseCuts(k, c0, c1 int) {
	w := &rd.w
	toks := w.toks
	cuts := 0
	for j := c0 + 1; j < c1 && cuts < maxPhraseCuts; j++ {
		t := &toks[j]
		if isVerbTag(t.tag) || isBreak(*t) || w.inQuote(j) {
			return
		}
		how := ""
		switch {
		case t.lower == "and" || t.lower == "but":
			how = "cut.cc"
		case t.tag == "IN" && t.lower != "of" && !subordinators.has(t.lower) && !narrationOpeners.has(t.lower):
			how = "cut.prep"
		}
		if how != "" {
			rd.variantN(k, c0, j, how, 1)
			cuts++
		}
	}
}

// maxSkip bounds the words a content may start later by.
const maxSkip = 3

// lateStarts appends copies of frame k, whose content is the tokens
// [c0, c1), with the content starting one, two or three words later: past
// an object ("urged voters [to stay home]"), a particle or an adverb, or
// "to" ("is expected [to] pass"), as the annotation may have it. It skips
// words only, and leaves two tokens at least.
func (rd *reader) lateStarts(k, c0, c1 int) {
	toks := rd.w.toks
	end := rd.frames[k].a.Extent.End
	for s := c0 + 1; s <= c0+maxSkip && s+2 <= c1 && toks[s-1].kind == token.Word; s++ {
		if toks[s].kind != token.Word && !rd.w.isOpenQuote(s) {
			continue
		}
		f := rd.frames[k]
		setContent(&f.a, span.Of(rd.w.text, toks[s].start, end))
		f.variant = "late-start"
		rd.frames = append(rd.frames, f)
	}
}

// variant appends a copy of frame k with its content the tokens [c0, e),
// less the punctuation at their end, named by how it was made.
func (rd *reader) variant(k, c0, e int, how string) { rd.variantN(k, c0, e, how, 2) }

// variantN is variant for a content of at least least tokens.
func (rd *reader) variantN(k, c0, e int, how string, least int) {
	toks := rd.w.toks
	e = rd.w.trimPunct(c0, e)
	if e-c0 < least {
		return
	}
	f := rd.frames[k]
	setContent(&f.a, span.Of(rd.w.text, toks[c0].start, toks[e-1].end))
	if f.a.Extent == rd.frames[k].a.Extent {
		return
	}
	f.variant = how
	rd.frames = append(rd.frames, f)
}

// speakerVariants appends copies of frame k with other bounds of its
// speaker: ending at its first comma ("Sarandon, 69"), and, before its
// cue, starting where its clause starts ("One operative inside Trump
// Tower"), or, after its cue, running on to the next break ("Alan Berger,
// a gynecologist from Englewood, New Jersey").
func (rd *reader) speakerVariants(k int) {
	w := &rd.w
	toks := w.toks
	a := &rd.frames[k].a
	s0, s1 := w.tokenRange(a.Speaker)
	if s0 >= s1 {
		return
	}
	for j := s0 + 1; j < s1; j++ {
		if isComma(toks[j]) {
			rd.speakerVariant(k, s0, j, "spk.comma")
			break
		}
	}
	if a.Speaker.End <= a.Cue.Start {
		// Back to the clause's start, and not into a content before it.
		lim := 0
		if a.Extent.End <= a.Speaker.Start {
			lim = a.Extent.End
		}
		b := s0
		verb := false // a finite verb lies between b and the speaker
		for b > 0 && b > s0-12 && !isBreak(toks[b-1]) && !isEnd(toks[b-1]) && toks[b-1].kind != token.Quote && toks[b-1].text != ":" && toks[b-1].start >= lim && !opensClause(toks[b-1], verb) {
			b--
			verb = verb || isFinite(toks[b].tag)
		}
		b = afterVerbGroup(toks, b, s0)
		for b < s0 && toks[b].tag == "CC" {
			b++
		}
		if b < s0 {
			rd.speakerVariant(k, b, s1, "spk.clause")
		}
		rd.relativeObject(k, s0, s1)
	} else if s1 < len(toks) && isComma(toks[s1]) {
		e := s1 + 1
		for e < len(toks) && e < s1+12 && !isBreak(toks[e]) && !isEnd(toks[e]) && toks[e].kind != token.Quote {
			e++
		}
		// Not into a content after it.
		if e > s1+1 && (a.Extent.Start >= toks[e-1].end || a.Extent.End <= a.Speaker.Start) {
			rd.speakerVariant(k, s0, e, "spk.on")
		}
	}
}

// opensClause reports whether t opens the clause of a speaker before
// the cue, which the speaker does not reach back past: a subordinator or
// "as" ("while [Trump] said"), or a relative or interrogative word with no
// verb of its own after it, whose clause the cue's verb is ("the plan
// which [Trump] said"). A relative clause with a verb of its own is
// inside the speaker's noun phrase: "The man who runs the shop said".
func opensClause(t tok, verb bool) bool {
	switch t.tag {
	case "WRB", "WDT", "WP":
		return !verb
	}
	return t.lower == "as" || clauseOpeners.has(t.lower)
}

// afterVerbGroup returns where a subject before token e starts, at or
// after b: past the last verb group of a clause that holds it ("McAuliffe
// has said about 20 people have ..." gives "about 20 people"). A finite
// verb after a relative word is the relative clause's, and belongs to the
// noun phrase ("Blinken, who spoke French, said"); so does a participle
// after a noun ("The document released Monday").
func afterVerbGroup(toks []tok, b, e int) int {
	rel := false
	for j := b; j < e; j++ {
		t := toks[j].tag
		switch {
		case t == "WP" || t == "WDT":
			rel = true
		case rel:
		case isFinite(t):
			b = j + 1
		case j > b && (t == "VBN" || t == "VBG" || t == "VB") && (isVerbTag(toks[j-1].tag) || toks[j-1].tag == "RB" || toks[j-1].tag == "TO"):
			b = j + 1
		}
	}
	return b
}

// speakerVariant appends a copy of frame k with the speaker tokens [s, e),
// less the punctuation at their end.
func (rd *reader) speakerVariant(k, s, e int, how string) {
	toks := rd.w.toks
	e = rd.w.trimPunct(s, e)
	if e <= s {
		return
	}
	f := rd.frames[k]
	f.a.Speaker = span.Of(rd.w.text, toks[s].start, toks[e-1].end)
	if f.a.Speaker == rd.frames[k].a.Speaker {
		return
	}
	f.variant = how
	rd.frames = append(rd.frames, f)
}

// relativeObject appends a copy of frame k whose speaker, the tokens [s0,
// s1) before the cue, is the object that ends the relative clause in it,
// without the antecedent: "the shop in town" of "The man who runs the
// shop in town", which the annotation may read as the subject. The object
// starts past the clause's verb group, adverbs and prepositions.
func (rd *reader) relativeObject(k, s0, s1 int) {
	toks := rd.w.toks
	for r := s0 + 1; r < s1; r++ {
		if !whoOrThat(&toks[r]) {
			continue
		}
		j := r + 1
		for j < s1 && toks[j].kind == token.Word && (isVerbTag(toks[j].tag) || toks[j].tag == "RB" || toks[j].tag == "IN" || toks[j].tag == "TO" || auxWords.has(toks[j].lower)) {
			j++
		}
		if j > r+1 && j < s1 {
			rd.speakerVariant(k, j, s1, "spk.object")
		}
		return
	}
}
