package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file finds where reported content starts and ends: the clause
// after a cue, the clause before it, and the quotations that run on.

// clauseEnd returns the end offset of the clause that starts at token k:
// the sentence's end, or an earlier semicolon, dash, or a comma that opens
// another cue ("..., adding ...", "..., according to ...").
func (w *window) clauseEnd(k int) int {
	toks := w.toks
	end := len(toks)
	for j := k; j < len(toks); j++ {
		if w.isOpenQuote(j) {
			var stop bool
			if j, stop = w.quoteBreak(j); stop {
				end = j + 1
				break
			}
			continue
		}
		if stop, skip := w.breaksClause(k, j); stop {
			end = j
			break
		} else if skip > j {
			j = skip
		}
	}
	end = w.trimPunct(k, end)
	if end <= k {
		return toks[k].start
	}
	return toks[end-1].end
}

// trimPunct returns e less the punctuation and dashes that end the tokens
// [s, e), keeping closing quote marks and parentheses.
func (w *window) trimPunct(s, e int) int {
	for e > s {
		if t := &w.toks[e-1]; (t.kind == token.Punct || t.kind == token.Dash) && t.text != ")" {
			e--
			continue
		}
		break
	}
	return e
}

// quoteBreak skips the quotation that token j opens and returns its last
// token, and whether the clause ends after it: a comma inside its closing
// mark before a clause break or cue (“a terrible situation,” but ...), or a
// sentence end inside it before a capital (...doing it.” The official
// said ...).
func (w *window) quoteBreak(j int) (int, bool) {
	toks := w.toks
	q := w.quoteOf(j)
	for j+1 < len(toks) && toks[j+1].start < q.End {
		j++
	}
	if j+1 < len(toks) && innerEnds(q, ",") && (clauseBreaks.has(toks[j+1].lower) || w.startsCue(j+1)) {
		return j, true
	}
	if j+1 < len(toks) && innerEnds(q, ".?!") && toks[j+1].kind == token.Word && isCapital(toks[j+1].text) {
		return j, true
	}
	return j, false
}

// breaksClause reports whether the clause that starts at token k ends
// before token j; skip, when past j, is the last token of an aside set off
// by a pair of dashes, which the clause goes on past.
func (w *window) breaksClause(k, j int) (stop bool, skip int) {
	toks := w.toks
	t := &toks[j]
	// A full stop the sentence splitter did not take as an end.
	if t.text == "." && j > k && j+1 < len(toks) && (toks[j+1].kind == token.Word && isCapital(toks[j+1].text) || w.isOpenQuote(j+1)) {
		return true, j
	}
	n := j + 1
	for n < len(toks) && n-j < 3 && toks[n].tag == "RB" {
		n++ // "and repeatedly says"
	}
	if t.lower == "and" && j > k && n < len(toks) && w.verbs(n) != nil && (toks[n].tag == "VBD" || toks[n].tag == "VBZ") ||
		t.lower == "but" && j > k && j+1 < len(toks) && (isVerbTag(toks[j+1].tag) || auxWords.has(toks[j+1].lower)) {
		return true, j
	}
	if t.kind == token.Dash && j > k {
		// A pair of dashes sets off an aside inside the clause: "a rift
		// -- mainly in cities -- with the police".
		m := j + 1
		for m < len(toks) && m-j < 25 && toks[m].kind != token.Dash && !isEnd(toks[m]) && toks[m].kind != token.Quote {
			m++
		}
		if m < len(toks) && m-j < 25 && toks[m].kind == token.Dash && m+1 < len(toks) && toks[m+1].kind == token.Word {
			return false, m
		}
	}
	if t.text == ";" || t.kind == token.Dash && j > k {
		return true, j
	}
	if !isComma(*t) {
		return false, j
	}
	// "..., a charge the party denied." at the clause's end: an appositive
	// the writer adds to the content's last noun phrase.
	if j > k && j+2 < len(toks) && (toks[j+1].lower == "a" || toks[j+1].lower == "an") && w.lastBreak <= j {
		return true, j
	}
	// "..., and three-quarters said ...": a clause with a cue of its own.
	if j+2 < len(toks) && (toks[j+1].lower == "and" || toks[j+1].lower == "but") && w.subjectCue(j+2) {
		return true, j
	}
	if j+1 < len(toks) && (clauseBreaks.has(toks[j+1].lower) || w.startsCue(j+1) || toks[j+1].tag == "VBG" && !prepositionalVBG.has(toks[j+1].lower) ||
		toks[j+1].tag == "RB" && j+2 < len(toks) && toks[j+2].tag == "VBG") {
		return true, j
	}
	return false, j
}

// startsCue reports whether token j opens another attribution: a gerund
// cue ("adding"), "according to", or a subject and cue that end the
// sentence ("..., the official said.").
func (w *window) startsCue(j int) bool {
	t := &w.toks[j]
	if t.lower == "according" {
		return true
	}
	if vs := w.verbs(j); vs != nil && (t.tag == "VBG" || t.tag == "VBD" || t.tag == "VBZ") {
		return true
	}
	if ns, ne, ok := w.rightNP(j, false); ok && ns == j && ne < len(w.toks) {
		k := ne
		for k < len(w.toks) && auxWords.has(w.toks[k].lower) {
			k++
		}
		if k < len(w.toks) && w.verbs(k) != nil && isVerbTag(w.toks[k].tag) && w.tailEnds(k+1) {
			return true
		}
	}
	return false
}

// subjectCue reports whether a noun phrase that starts at token j is the
// subject of a finite cue verb right after it ("three-quarters said").
func (w *window) subjectCue(j int) bool {
	ns, ne, ok := w.rightNP(j, false)
	if !ok || ns != j {
		return false
	}
	k := ne
	for k < len(w.toks) && k-ne < 3 && auxWords.has(w.toks[k].lower) {
		k++
	}
	if k >= len(w.toks) {
		return false
	}
	switch w.toks[k].tag {
	case "VBD", "VBZ", "VBP", "VBN":
		return w.verbs(k) != nil
	}
	return false
}

// clauseStart returns the first token of the clause whose verb group
// starts at token cs: the token after the sentence's start, a semicolon,
// colon, dash, comma or clause-opening word, past a relative clause set
// off by commas ("Both objections, which ..., seemed"). The clause must
// hold a noun or pronoun subject.
func (w *window) clauseStart(cs int) (int, bool) {
	toks := w.toks
	k := cs
	for k > 0 && cs-k < 40 {
		p := &toks[k-1]
		if isComma(*p) && k < cs && (toks[k].lower == "which" || toks[k].lower == "who") {
			// the relative clause closes at this comma's partner: go on
			// past the comma that opened it.
			k--
			continue
		}
		if p.text == ";" || p.text == ":" || p.kind == token.Dash || isEnd(*p) || p.kind == token.Quote || clauseOpeners.has(p.lower) && p.tag != "DT" {
			break
		}
		if isComma(*p) {
			// A comma that opens a relative clause or an appositive before
			// the verb is inside the subject.
			if m := w.relativeOpen(k); m >= 0 {
				k = m
				continue
			}
			break
		}
		k--
	}
	if k >= cs || toks[k].kind != token.Word {
		return 0, false
	}
	for j := k; j < cs; j++ {
		if isNounTag(toks[j].tag) || toks[j].tag == "WP" || toks[j].tag == "WDT" {
			return k, true
		}
	}
	return 0, false
}

// relativeOpen returns, when the comma before token k closes a relative
// clause (", which ...,") opened at an earlier comma, the index of the
// token before that earlier comma; else -1.
func (w *window) relativeOpen(k int) int {
	toks := w.toks
	for m := k - 2; m > 0 && k-m < 30; m-- {
		if isComma(toks[m]) {
			if isRelative(toks[m+1].lower) && toks[m+1].lower != "whose" {
				return m
			}
			return -1
		}
		if isEnd(toks[m]) || toks[m].kind == token.Quote {
			return -1
		}
	}
	return -1
}

// contentBefore sets the content to the sentence's words before token k
// (a comma, dash or closing quote), widened to the quotation that ends
// there. It reports whether there is any.
func (w *window) contentBefore(a *Attribution, k int) bool {
	toks := w.toks
	end := k
	if isComma(toks[k]) || toks[k].kind == token.Dash {
		// keep a closing quote just before the comma
		end = k - 1
	}
	if end < 0 {
		return false
	}
	last := &toks[end]
	e := last.end
	if !w.isCloseQuote(end) && isComma(*last) {
		e = last.start
	}
	s := toks[0].start
	if q := w.quoteAt(e - 1); q >= 0 && w.qs[q].End == e {
		if w.qs[q].Start < s || w.cueBefore(w.qs[q].Start) || w.finiteCue(s, w.qs[q].Start) {
			s = w.qs[q].Start
		}
	} else if k == 0 {
		return false
	}
	c := span.Of(w.text, s, e)
	if !hasWordChar(c.Text) {
		return false
	}
	setContent(a, c)
	return true
}

// finiteCue reports whether a quotation and then a finite verb of the
// lexicon stand between offsets from and to, outside quotation marks: a
// turn of speech with its own cue (“...?” she asked, but as he went on
// about “...”), which the content of a later cue does not run back over.
// A cue before any quotation governs it ("Lee agreed to “...,” the
// department said") and is content.
func (w *window) finiteCue(from, to int) bool {
	quoted := false
	s, e := w.tokenRange(span.Span{Start: from, End: to})
	for j := s; j < e; j++ {
		t := &w.toks[j]
		if w.isCloseQuote(j) {
			quoted = true
		} else if quoted && t.kind == token.Word && isFinite(t.tag) && w.plainCue(t.lower) && !w.inQuote(j) {
			return true
		}
	}
	return false
}

// cueBefore reports whether the quotation that starts at byte offset off
// is introduced by a cue of its own ("scolded him: “...”", "said, “...”"):
// then it is not the end of a clause that runs from the sentence's start.
func (w *window) cueBefore(off int) bool {
	for j, t := range w.toks {
		if t.start < off {
			continue
		}
		if j == 0 {
			return false
		}
		p := &w.toks[j-1]
		if p.text == ":" {
			return true
		}
		if isComma(*p) && j >= 2 {
			vs := w.verbs(j - 2)
			return len(vs) > 0 && isVerbTag(w.toks[j-2].tag)
		}
		return false
	}
	return false
}

// secondFragment adds the words from token k to the sentence's end as a
// second fragment of the content: “...,” she said, “...”.
func (w *window) secondFragment(a *Attribution, k int) {
	s, e := w.toks[k].start, w.clauseEnd(k)
	if e <= s {
		return
	}
	f := span.Of(w.text, s, e)
	if !hasWordChar(f.Text) {
		return
	}
	addFragment(w.text, a, f)
}

// setContent makes c the content of a, in one fragment. Spans stays nil,
// and costs no allocation, until a second fragment is added or the
// attribution is kept (see [classify]).
func setContent(a *Attribution, c span.Span) { a.Extent, a.Spans = c, nil }

// addFragment adds f after the content of a as a further fragment.
func addFragment(text string, a *Attribution, f span.Span) {
	if len(a.Spans) == 0 {
		a.Spans = append(make([]span.Span, 0, 2), a.Extent)
	}
	a.Spans = append(a.Spans, f)
	a.Extent = span.Of(text, a.Spans[0].Start, f.End)
}

// nFragments returns the number of fragments of a's content.
func nFragments(a *Attribution) int { return max(len(a.Spans), 1) }

// plainCue reports whether w is a form of a cue verb that needs no
// particle.
func (w *window) plainCue(word string) bool {
	for _, v := range w.lex.Verbs(word) {
		if v.Particle == "" {
			return true
		}
	}
	return false
}

// quoteFollows reports whether a quotation opens at token k, after a comma
// or colon.
func (w *window) quoteFollows(k int) bool {
	return k+1 < len(w.toks) && (isComma(w.toks[k]) || w.toks[k].text == ":") && w.isOpenQuote(k+1)
}

// skipAddressee returns the token after the addressee of an address verb
// ("told reporters that", "told Blinken."), and records it.
func (w *window) skipAddressee(a *Attribution, v lexicon.Verb, after int) int {
	if v.Class != lexicon.Address || after >= len(w.toks) {
		return after
	}
	ns, ne, ok := w.rightNP(after, false)
	if !ok || ns != after {
		return after
	}
	k := w.skipAdverbials(ne)
	if k >= len(w.toks) || w.toks[k].lower == "that" || w.toks[k].text == ":" || isComma(w.toks[k]) || w.isOpenQuote(k) || isEnd(w.toks[k]) || w.toks[k].lower == "to" || v.Lemma == "tell" {
		a.Addressee = span.Of(w.text, w.toks[ns].start, w.toks[ne-1].end)
		return k
	}
	return after
}
