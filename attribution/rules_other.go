package attribution

import (
	"strings"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file holds the rules for cues that are not verbs read with their
// subject: a colon, "In a poll", a noun of statement, "according to", a
// verb of appearance, and a question.

// colonRule reads "SPEAKER: “...”", a colon cue with no verb, and a
// transcript line "PENCE: Well, ...".
func colonRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	i := c.i
	if i == 0 || i+1 >= len(toks) || i > 8 {
		return stop
	}
	quoted := w.isOpenQuote(i + 1)
	first := 0
	if toks[0].kind == token.Quote && !w.isOpenQuote(0) {
		first = 1 // a transcript line opened by a stray mark
	}
	if first >= i {
		return stop
	}
	for j := first; j < i; j++ {
		if toks[j].kind != token.Word || isVerbTag(toks[j].tag) {
			return stop
		}
		// Without a quotation, only a name speaks: "PENCE: Well, ...".
		if !quoted && (!isCapital(toks[j].text) || i-first > 4) {
			return stop
		}
	}
	// "Q:" and "A:" mark the turns of an interview transcript, an
	// editor's label is no speaker ("Correction:", "The Latest:"), and in
	// a headline set in title case a phrase before the colon opens the
	// subtitle ("Stealth Over Health: Clinton Was Headed to ER"), where a
	// name speaks ("Cruz: Trump Would Put Liberals On Court").
	if !quoted && (i-first == 1 && len(toks[first].text) == 1 || editorLabels.has(toks[i-1].lower) || w.title && w.phraseBefore(first, i)) {
		return stop
	}
	a := Attribution{
		Speaker: span.Of(w.text, toks[first].start, toks[i-1].end),
		Cue:     span.Of(w.text, toks[i].start, toks[i].end),
		Rule:    RuleSpeakerCueColon,
	}
	if !quoted {
		return w.clauseAfter(f, a, i)
	}
	if s, _, ok := w.leftNP(i, false); !ok || s != first {
		return stop
	}
	setContent(&a, w.quoteOf(i+1).Span())
	return f.set(a, i)
}

// phraseBefore reports whether a function word of a headline (a
// preposition or conjunction) stands among tokens [first, i): the words
// are a phrase, not a name.
func (w *window) phraseBefore(first, i int) bool {
	for _, t := range w.toks[first:i] {
		if headlineFunctions.has(t.lower) {
			return true
		}
	}
	return false
}

// clauseAfter completes a, whose cue ends at token i, with the clause after
// that token as its content, and sets f to it; with no clause, the
// candidate is no cue.
func (w *window) clauseAfter(f *frame, a Attribution, i int) verdict {
	e := w.clauseEnd(i + 1)
	if e <= w.toks[i+1].start {
		return stop
	}
	setContent(&a, span.Of(w.text, w.toks[i+1].start, e))
	return f.set(a, i)
}

// surveyRule reads "In POLL, CLAUSE" at the start of a sentence, where
// POLL is a noun phrase headed by a survey noun: the poll is the source
// and "In" the cue, as with "According to".
func surveyRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	i := c.i
	ns, ne, ok := w.rightNP(i+1, false)
	if !ok || ns != i+1 {
		return stop
	}
	head := false
	for j := ns; j < ne; j++ {
		head = head || surveyNouns.has(toks[j].lower)
	}
	k := w.skipAdverbials(ne)
	// "In a poll released Monday, CLAUSE": no finite verb can stand in the
	// phrase that opens the sentence, so a verb after its noun is a
	// participle, whatever its tag, up to the comma.
	if head && k < len(toks) && (toks[k].tag == "VBN" || toks[k].tag == "VBD") {
		m := k + 1
		for m < len(toks) && m-k < 8 && toks[m].kind == token.Word && !isVerbTag(toks[m].tag) {
			m++
		}
		if m < len(toks) && isComma(toks[m]) {
			k = m
		}
	}
	if !head || k+1 >= len(toks) || !isComma(toks[k]) {
		return stop
	}
	sp := span.Of(w.text, toks[ns].start, toks[k-1].end)
	// "In a poll, conducted in May, CLAUSE": a participle phrase or an
	// adverb set off by commas belongs to neither.
	if n := &toks[k+1]; n.tag == "VBN" || n.tag == "RB" && k+2 < len(toks) && isComma(toks[k+2]) {
		m := k + 2
		for m < len(toks) && m-k < 20 && !isComma(toks[m]) && !isEnd(toks[m]) {
			m++
		}
		if m+1 >= len(toks) || !isComma(toks[m]) {
			return stop
		}
		k = m
	}
	e := w.clauseEnd(k + 1)
	if e <= toks[k+1].start {
		return stop
	}
	a := Attribution{Cue: span.Of(w.text, toks[i].start, toks[i].end), Speaker: sp, Rule: RuleAccordingTo}
	setContent(&a, span.Of(w.text, toks[k+1].start, e))
	return f.set(a, k)
}

// nounRule reads "POSSESSOR('s) NOUN that CLAUSE" at a noun of statement
// or belief: "the senator's claim that ...", "his repeated warning that
// ...". The possessor is the speaker; the content is the clause with its
// "that". A noun of attitude takes its object: "her criticism of the
// plan".
func nounRule(r *reader, c *cue, f *frame) verdict {
	a, end, ok := r.w.nounCue(c.i)
	if !ok {
		return pass
	}
	return f.set(a, end)
}

// nounCue reads the noun cue at token i; see [nounRule].
func (w *window) nounCue(i int) (Attribution, int, bool) {
	toks := w.toks
	prep := w.lex.NounObject(toks[i].lower)
	if i+2 >= len(toks) || !isNounTag(toks[i].tag) {
		return Attribution{}, 0, false
	}
	object := prep != "" && toks[i+1].lower == prep
	if !object && (toks[i+1].lower != "that" || !w.lex.Noun(toks[i].lower)) {
		return Attribution{}, 0, false
	}
	p := i - 1
	for p >= 0 && i-p <= 2 && toks[p].tag == "JJ" {
		p-- // "his repeated claim"
	}
	if p < 0 {
		return Attribution{}, 0, false
	}
	a := Attribution{Cue: span.Of(w.text, toks[i].start, toks[i].end), Rule: RuleSpeakerCueClause}
	switch {
	case toks[p].tag == "PRP$" && toks[p].lower != "its":
		a.Speaker = span.Of(w.text, toks[p].start, toks[p].end)
	case toks[p].tag == "POS" && p > 0:
		s, _, ok := w.leftNP(p, false)
		if !ok || s >= p {
			return Attribution{}, 0, false
		}
		a.Speaker = span.Of(w.text, toks[s].start, toks[p-1].end)
	default:
		return Attribution{}, 0, false
	}
	if !object {
		var f frame
		v := w.clauseAfter(&f, a, i)
		return f.a, f.end, v == take
	}
	// "her criticism of the plan": the object of the preposition is the
	// content, and the preposition joins the cue.
	ns, ne, ok := w.rightNP(i+2, false)
	if !ok || ns != i+2 {
		return Attribution{}, 0, false
	}
	a.Cue = span.Of(w.text, toks[i].start, toks[i+1].end)
	setContent(&a, span.Of(w.text, toks[ns].start, toks[ne-1].end))
	return a, i + 1, true
}

// accordingRule reads "According to SPEAKER, CLAUSE" and "CLAUSE,
// according to SPEAKER"; the cue is the phrase.
func accordingRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	i, e := c.i, c.phraseEnd
	a := Attribution{Cue: span.Of(w.text, toks[i].start, toks[e].end), Rule: RuleAccordingTo}
	initial := i == 0 || i == 1 && toks[0].kind != token.Word
	ns, ne, ok := w.rightNP(e+1, !initial)
	if !ok {
		return stop
	}
	a.Speaker = span.Of(w.text, toks[ns].start, toks[ne-1].end)
	if initial {
		// According to X, CLAUSE.
		k := ne
		if k < len(toks) && isComma(toks[k]) {
			k++
		}
		if k >= len(toks) {
			return stop
		}
		ee := w.clauseEnd(k)
		if ee <= toks[k].start {
			return stop
		}
		setContent(&a, span.Of(w.text, toks[k].start, ee))
		return f.set(a, ne-1)
	}
	// CLAUSE, according to X.
	b := i - 1
	if b < 0 {
		return stop
	}
	if isComma(toks[b]) {
		if !w.contentBefore(&a, b) {
			return stop
		}
	} else {
		setContent(&a, span.Of(w.text, toks[0].start, toks[b].end))
	}
	if ne < len(toks) && isComma(toks[ne]) && ne+1 < len(toks) && !isEnd(toks[ne+1]) {
		w.secondFragment(&a, ne+1)
	}
	return f.set(a, ne-1)
}

// seemRule reads a verb of appearance, whose source is the writer: "NP
// seems to VP", "NP appears ADJ", "NP seems like ...": the content is the
// clause from its subject, in two fragments around the cue; "It seems
// (ADJ) that CLAUSE": the content follows the cue. A seeming verb before
// "to" and a cue verb ("appeared to suggest") is left to that verb, and
// one with no such complement ("appeared on television") is no cue.
func seemRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	i := c.i
	n := i + 1
	if n >= len(toks) || !isVerbTag(toks[i].tag) || !w.seemComplement(n) {
		return stop
	}
	next := &toks[n]
	cs := i
	for cs > 0 && i-cs < 3 && (auxWords.has(toks[cs-1].lower) && toks[cs-1].lower != "also" || toks[cs-1].tag == "MD") {
		cs--
	}
	a := Attribution{Cue: span.Of(w.text, toks[cs].start, toks[i].end), Rule: RuleSeem}
	if cs > 0 && toks[cs-1].lower == "it" && next.lower != "to" {
		// It seems (likely) that CLAUSE; "it seems like" is the cue.
		if next.lower == "like" && n+1 < len(toks) {
			a.Cue = span.Of(w.text, toks[cs].start, next.end)
			n++
		}
		e := w.clauseEnd(n)
		if e <= toks[n].start {
			return stop
		}
		setContent(&a, span.Of(w.text, toks[n].start, e))
		return f.set(a, i)
	}
	ss, ok := w.clauseStart(cs)
	if !ok {
		return stop
	}
	// "..., despite ...", "..., as ...": the seeming clause ends at its
	// first comma.
	e := w.firstComma(n, w.clauseEnd(n))
	if e <= toks[n].start {
		return stop
	}
	// The cue splits the content: [subject] seems [to VP].
	a.Extent = span.Of(w.text, toks[ss].start, e)
	a.Spans = []span.Span{span.Of(w.text, toks[ss].start, toks[cs-1].end), span.Of(w.text, toks[n].start, e)}
	return f.set(a, i)
}

// seemComplement reports whether token n, after a verb of appearance, is
// a complement that makes it a cue: "to" and a verb that is not a cue of
// its own, "like", "that", or an adjective or participle.
func (w *window) seemComplement(n int) bool {
	toks := w.toks
	next := &toks[n]
	switch {
	case next.lower == "to":
		if n+1 >= len(toks) || toks[n+1].tag != "VB" {
			return false
		}
		vs := w.verbs(n + 1)
		return vs == nil || vs[0].Class == lexicon.Seeming
	case next.lower == "like" || next.lower == "that":
		return true
	}
	return next.tag == "JJ" || next.tag == "JJR" || next.tag == "VBN" ||
		next.tag == "RB" && n+1 < len(toks) && (toks[n+1].tag == "JJ" || toks[n+1].tag == "VBN")
}

// question reads the content of a passive or absolute "asked" whose cue is
// cue and whose complement starts at token k: an optional "by ASKER", time
// and place adverbials, then a question up to the first comma outside
// quotation marks ("Asked if it was fair, Lee said ..."), or, when the
// cue ends on its particle (topic: "asked about"), what it was asked
// about ("Asked about the plan, Lee said ..."). An adverb of manner may
// come before the question ("Asked specifically what ...").
func (w *window) question(cue span.Span, k int, topic bool) (Attribution, bool) {
	toks := w.toks
	a := Attribution{Cue: cue, Rule: RuleSpeakerCueClause}
	if k < len(toks) && toks[k].lower == "by" {
		ns, ne, ok := w.rightNP(k+1, false)
		if !ok || ns != k+1 {
			return a, false
		}
		a.Speaker = span.Of(w.text, toks[ns].start, toks[ne-1].end)
		k = ne
		if k < len(toks) && isComma(toks[k]) && k+1 < len(toks) && toks[k+1].lower != "whether" && toks[k+1].lower != "if" {
			k++ // "by host Bill Maher, who ..., whether"
		}
	}
	if k < len(toks) && !questionWords.has(toks[k].lower) {
		k = w.skipAdverbials(k)
	}
	if k < len(toks) && isComma(toks[k]) {
		k++
	}
	if k+1 < len(toks) && toks[k].tag == "RB" && strings.HasSuffix(toks[k].lower, "ly") && questionWords.has(toks[k+1].lower) {
		k++ // "Asked specifically what"
	}
	// What it was asked about is a word of no question: "asked about the
	// plan".
	about := topic && k < len(toks) && toks[k].kind == token.Word && !questionWords.has(toks[k].lower)
	if !about && (k >= len(toks) || !questionWords.has(toks[k].lower) && !w.isOpenQuote(k) && toks[k].text != ":") {
		return a, false
	}
	if toks[k].text == ":" || toks[k].lower == "about" {
		k++
	}
	if k >= len(toks) {
		return a, false
	}
	if w.isOpenQuote(k) {
		setContent(&a, w.quoteOf(k).Span())
		return a, true
	}
	e := w.firstComma(k+1, w.clauseEnd(k))
	if e <= toks[k].start {
		return a, false
	}
	setContent(&a, span.Of(w.text, toks[k].start, e))
	return a, true
}
