package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/space"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/span"
)

// contentAfter sets the content of a to what follows token after, the
// cue's complement: past an addressee ("told reporters that ..."), time
// adverbials and a colon, a quotation and those that run on from it, the
// object of a verb like "support", or the clause up to its end. It
// returns the rule a colon or a comma before a quotation makes of the
// reading (RuleSpeakerCueColon, RuleSpeakerCueQuote), or "" for the
// caller's own, and whether any content was found.
func (r *reader) contentAfter(a *Attribution, v lexicon.Verb, after int) (rule string, ok bool) {
	w := &r.w
	toks := w.toks
	k := w.skipAddressee(a, v, after)
	// "urged voters to stay home": the one addressed is the subject of
	// the infinitive and opens the content.
	objStart := -1
	if !a.Addressee.Empty() && k < len(toks) && toks[k].lower == "to" && k+1 < len(toks) && toks[k+1].tag == "VB" {
		objStart = after
	}
	// "reported Saturday that ...": the adverbial is not content.
	if m := w.skipAdverbials(k); m > k && m < len(toks) && toks[m].lower == "that" {
		k = m
	}
	// "said, with a smile, that ...": a phrase set off by commas, with no
	// verb of its own, before "that".
	if k < len(toks) && isComma(toks[k]) {
		for m := k + 1; m < len(toks) && m-k <= 10; m++ {
			t := &toks[m]
			if isComma(*t) {
				if m > k+1 && m+1 < len(toks) && toks[m+1].lower == "that" {
					k = m + 1
				}
				break
			}
			if t.kind != token.Word || isVerbTag(t.tag) && t.tag != "VBG" && t.tag != "VBN" {
				break
			}
		}
	}
	// "He said:" at the end of a paragraph, the quotation opening the
	// next; so too "released the following statement:", whose object
	// names what is said.
	if m := len(toks) - 1; k < m && toks[m].text == ":" && m-k <= 5 && w.namesSpeech(m-1, m) && w.allModifiers(k, m-1) {
		k = m
	}
	if k == len(toks)-1 && toks[k].text == ":" {
		if q, ok := w.quoteOpening(toks[k].end); ok {
			setContent(a, q.Span())
			return RuleSpeakerCueColon, true
		}
	}
	// "saying during the debate, “...”": an adverbial before the quotation.
	if m := w.skipAdverbials(k); m > k && w.quoteFollows(m) {
		k = m
	}
	if k < len(toks) && (toks[k].text == ":" || isComma(toks[k]) && k+1 < len(toks) && w.isOpenQuote(k+1)) {
		rule = RuleSpeakerCueQuote
		if toks[k].text == ":" {
			rule = RuleSpeakerCueColon
		}
		k++
		// The content is the quotation the cue introduces, and the
		// quotations that run on from it.
		if k < len(toks) && w.isOpenQuote(k) {
			q := w.quoteOf(k)
			setContent(a, q.Span())
			r.nextQuote(a, w.past(k, q.End))
			return rule, true
		}
	}
	if k >= len(toks) || isComma(toks[k]) {
		return rule, false
	}
	if k, ok = w.prepositionalStart(a, k, after); !ok {
		return rule, false
	}
	if !w.speechComplement(v, k) {
		return rule, false
	}
	if w.lex.TakesObject(v.Lemma) && toks[k].lower != "that" && !w.isOpenQuote(k) {
		e := w.objectEnd(k)
		if e <= toks[k].start {
			return rule, false
		}
		setContent(a, span.Of(w.text, toks[k].start, e))
		return rule, true
	}
	// chanted “What curfew?” and kept going: a quotation that is the
	// whole object.
	if w.isOpenQuote(k) {
		q := w.quoteOf(k)
		j := w.past(k, q.End)
		if j < len(toks) && (toks[j].tag == "CC" || toks[j].tag == "IN" || isComma(toks[j])) && innerEnds(q, "?!.") {
			setContent(a, q.Span())
			return rule, true
		}
	}
	e := w.clauseEnd(k)
	if e <= toks[k].start {
		return rule, false
	}
	if objStart >= 0 {
		k = objStart
	}
	c := span.Of(w.text, toks[k].start, e)
	if !hasWordChar(c.Text) {
		return rule, false
	}
	setContent(a, c)
	return rule, true
}

// speechComplement reports whether what starts at token k can be the
// complement of v as a verb of saying. "Add" reports speech only with a
// clause ("added that", "added the plan was dead"), not a noun phrase
// ("would add ferry service"); "call" not with a bare object that ends
// the clause ("a reporter called her").
func (w *window) speechComplement(v lexicon.Verb, k int) bool {
	toks := w.toks
	if v.Particle != "" {
		return true
	}
	switch v.Lemma {
	case "add":
		if toks[k].lower == "that" || w.isOpenQuote(k) {
			return true
		}
		ns, ne, ok := w.rightNP(k, false)
		if ok && ns == k && w.namesSpeech(ns, ne) {
			return true // "added a note of caution", "added the words"
		}
		if ok && ns == k && ne < len(toks) {
			m := ne
			for m < len(toks) && auxWords.has(toks[m].lower) && !isFinite(toks[m].tag) {
				m++
			}
			return m < len(toks) && (isFinite(toks[m].tag) || auxWords.has(toks[m].lower))
		}
		return false
	case "call":
		// A pronoun or a name alone after "called" was telephoned.
		e := k + 1
		for e < len(toks) && !objectPronouns.has(toks[k].lower) && toks[e].tag == "NNP" {
			e++
		}
		name := objectPronouns.has(toks[k].lower) || toks[k].tag == "NNP"
		return !name || e < len(toks) && !isEnd(toks[e]) && !isComma(toks[e]) && toks[e].lower != "and" && toks[e].lower != "but"
	}
	return true
}

// allModifiers reports whether tokens [s, e) are determiners, adjectives
// or numbers, as before the head of a noun phrase ("the following", "a
// brief").
func (w *window) allModifiers(s, e int) bool {
	for _, t := range w.toks[s:e] {
		if t.kind != token.Word || t.tag != "DT" && t.tag != "JJ" && t.tag != "CD" && t.tag != "PRP$" && t.lower != "following" {
			return false
		}
	}
	return true
}

// namesSpeech reports whether a noun of what is said ("words", "note",
// "warning") stands among tokens [s, e).
func (w *window) namesSpeech(s, e int) bool {
	for _, t := range w.toks[s:e] {
		if statementNouns.has(t.lower) || wordNouns.has(t.lower) {
			return true
		}
	}
	return false
}

// prepositionalStart returns where the content starts at or after token k,
// which follows the cue of a: past a time or place phrase before a clause,
// and past a preposition the cue verb governs, which joins the cue ("asked
// about X", "called for X", "warned of X"). It fails on a preposition
// that cannot open reported content ("concludes with footage", "found in
// the attic").
func (w *window) prepositionalStart(a *Attribution, k, after int) (int, bool) {
	toks := w.toks
	// "at least six planes" is a quantity, not a phrase of place.
	quantity := toks[k].lower == "at" && k+1 < len(toks) && (toks[k+1].lower == "least" || toks[k+1].lower == "most")
	if toks[k].tag == "IN" && !contentPrepositions.has(toks[k].lower) && !quantity {
		m := w.skipAdverbials(k)
		if m < len(toks) && isComma(toks[m]) {
			m++
		}
		if m == k || m >= len(toks) || toks[m].tag == "IN" && !contentPrepositions.has(toks[m].lower) || toks[m].tag == "VBG" || toks[m].tag == "VBN" {
			return k, false
		}
		k = m
	}
	// "about 20 people" is a number's approximator, not the cue's
	// preposition.
	if k == after && k+1 < len(toks) && cuePrepositions.has(toks[k].lower) && toks[k].start >= a.Cue.End && !w.isOpenQuote(k) &&
		!(quantityAdverbs.has(toks[k].lower) && toks[k+1].tag == "CD") {
		a.Cue = span.Of(w.text, a.Cue.Start, toks[k].end)
		k++
	}
	return k, true
}

// objectEnd returns the end of the object noun phrase of a verb like
// "support" that starts at token k: up to a finite verb, a comma or a
// subordinate clause of the sentence.
func (w *window) objectEnd(k int) int {
	toks := w.toks
	e := w.clauseEnd(k)
	for j := k + 1; j < len(toks) && toks[j].start < e; j++ {
		tj := &toks[j]
		if w.inQuote(j) {
			continue
		}
		// A time or manner phrase after the object is the verb's: "endorsed
		// Clinton on Tuesday", "mentioned the senator twice".
		if w.adverbialAt(j) || isFinite(tj.tag) || isComma(*tj) || objectBreaks.has(tj.lower) || tj.tag == "WDT" || tj.tag == "WP" {
			return toks[j-1].end
		}
	}
	return e
}

// adverbialAt reports whether a time or frequency phrase starts at token
// j: "on Tuesday", "last week", "twice", "during the speech".
func (w *window) adverbialAt(j int) bool {
	toks := w.toks
	t := &toks[j]
	switch {
	case frequencyAdverbs.has(t.lower):
		return true
	case timeNouns.has(t.lower):
		return true
	case t.lower == "during":
		return true
	case timePrepositions.has(t.lower) && j+1 < len(toks):
		n := j + 1
		if determiners.has(toks[n].lower) && n+1 < len(toks) {
			n++
		}
		return timeNouns.has(toks[n].lower)
	}
	return false
}

// past returns the index of the first token from k on that starts at or
// after offset off.
func (w *window) past(k, off int) int {
	for k < len(w.toks) && w.toks[k].start < off {
		k++
	}
	return k
}

// quoteOpening returns the quotation that opens after the white space
// (up to 8 bytes of it) at offset off: a colon at a paragraph's end
// introduces the quotation that opens the next.
func (w *window) quoteOpening(off int) (quote.Quote, bool) {
	i := off
	for i < len(w.text) && i-off < 8 {
		if c := w.text[i]; c == '\n' || c == '\r' {
			i++
		} else if n := space.Len(w.text, i); n > 0 {
			i += n
		} else {
			break
		}
	}
	if q := w.quoteAt(i); q >= 0 && w.qs[q].Start == i {
		return *w.qs[q], true
	}
	return quote.Quote{}, false
}

// opensQuote reports whether a quotation opens at offset off.
func (w *window) opensQuote(off int) bool {
	q := w.quoteAt(off)
	return q >= 0 && w.qs[q].Start == off
}

// nextQuote adds, as a further fragment, the quotation of speech that
// opens the next sentence of the paragraph when the attribution's
// sentence ends at token k: “...,” she said. “...” (see [WithQuoteRuns]).
// A quotation with a cue of its own after it (“...,” he added.) is not
// part of this turn's run.
func (r *reader) nextQuote(a *Attribution, k int) {
	w := &r.w
	if !r.runs {
		return
	}
	for j := k; j < len(w.toks); j++ {
		if w.toks[j].kind != token.Quote {
			continue
		}
		// The sentence goes on with a quotation of its own; a quoted
		// name (on Fox News's “Fox and Friends”) is not one.
		if q := w.quoteAt(w.toks[j].start); q < 0 || w.qs[q].Kind == quote.Speech {
			return
		}
	}
	i := w.toks[len(w.toks)-1].end
	for n := space.Len(w.text, i); n > 0; n = space.Len(w.text, i) {
		i += n
	}
	q := w.quoteAt(i)
	if q < 0 || w.qs[q].Start != i || w.qs[q].Kind != quote.Speech {
		return
	}
	if !innerEnds(*w.qs[q], ".?!") && r.cueAfter(w.qs[q].End) {
		return
	}
	f := w.qs[q].Span()
	addFragment(w.text, a, f)
}

// cueAfter reports whether a cue verb follows offset off before the end
// of its sentence or paragraph or a quote mark, within 16 tokens and 120
// bytes: “...,” he added.
func (r *reader) cueAfter(off int) bool {
	st := r.st
	for i, n := st.At(off), 0; i < st.Len() && n < 16 && int(st.Toks[i].Start) < off+120; i, n = i+1, n+1 {
		t := st.Toks[i]
		if t.Kind() == token.Quote || t.Kind() == token.Punct && isEndText(st.Str(i)) {
			return false
		}
		if i > 0 && st.Sents[t.Sent].Paragraph != st.Sents[st.Toks[i-1].Sent].Paragraph {
			return false // a quotation that ends its paragraph
		}
		if t.Kind() == token.Word && st.Lex(i)&lexicon.VerbWord != 0 && r.w.lex.Verbs(st.Lower(i)) != nil {
			return true
		}
	}
	return false
}

// isEndText reports whether a mark ends a sentence.
func isEndText(s string) bool { return s == "." || s == "!" || s == "?" || s == "..." || s == "…" }
