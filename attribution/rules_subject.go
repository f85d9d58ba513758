package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file holds the rules that read a cue verb with its subject before
// it as the speaker: SPEAKER CUE CLAUSE, CLAUSE, SPEAKER CUE, and "As
// SPEAKER CUE, CLAUSE".

// subject is the speaker before a cue verb: tokens [ss, se), found once
// per candidate by [reader.subject].
type subject struct {
	ss, se int
	// appos is set for a subject with an appositive read in inverted
	// position: "Hugh Hill, a doctor, said".
	appos bool
	ok    bool
}

// subject returns the subject of the cue verb c: a name with its
// appositive before a comma that ends it, or the noun phrase just before
// the verb group ("footage of Trump saying": a gerund's subject is the
// nearest noun phrase). A lower-case modifier the tagger took for a verb
// after a quotation opens it ("..., retired Air Force general Lloyd Newton
// said"), and a parenthetical after the name does not belong to it ("Mr.
// Lee, however, said").
func (r *reader) subject(c *cue) subject {
	if c.hasSubj {
		return c.subj
	}
	w := &r.w
	var sj subject
	paren := -1
	if c.cs > 0 && w.inverted(c) && isComma(w.toks[c.cs-1]) {
		if s, p, ok := w.appositive(c.cs-1, false); ok {
			sj, paren = subject{ss: s, se: c.cs - 1, appos: true, ok: true}, p
		}
	}
	if !sj.ok {
		if s, p, ok := w.leftNP(c.cs, c.tag == "VBG"); ok {
			sj, paren = subject{ss: s, se: c.cs, ok: true}, p
		}
	}
	if sj.ok {
		toks := w.toks
		if ss := sj.ss; ss >= 2 && toks[ss-1].kind == token.Word && !isCapital(toks[ss-1].text) && (toks[ss-1].tag == "VBN" || toks[ss-1].tag == "VBD" || toks[ss-1].tag == "JJ") &&
			(w.closesSpeech(ss-2) || isComma(toks[ss-2]) && ss >= 3 && w.closesSpeech(ss-3)) {
			sj.ss--
		}
		if paren > sj.ss && paren < sj.se {
			sj.se = paren
		}
		// A subject opens with neither a finite verb nor a subordinator:
		// "“...,” said Ann Lee, a pollster, referring to ...", whose
		// participle's subject is read back over the inverted cue before
		// it, "Had Republicans nominated ...", "Though Kaine has said".
		for sj.ss+1 < sj.se && toks[sj.ss].kind == token.Word && (isFinite(toks[sj.ss].tag) && !isCapital(toks[sj.ss].text) && toks[sj.ss].lex&lexicon.VerbWord != 0 || subordinators.has(toks[sj.ss].lower) || sj.ss == 0 && haveForms.has(toks[sj.ss].lower)) {
			sj.ss++
		}
	}
	c.subj, c.hasSubj = sj, true
	return sj
}

// speakerSpan returns the speaker of subject sj as a span, without the
// comma that may end it.
func (w *window) speakerSpan(sj subject) span.Span {
	toks := w.toks
	if sj.se < len(toks) && isComma(toks[sj.se-1]) && sj.se-1 > sj.ss {
		return span.Of(w.text, toks[sj.ss].start, toks[sj.se-2].end)
	}
	return span.Of(w.text, toks[sj.ss].start, toks[sj.se-1].end)
}

// withSubject returns the attribution of cue c with its subject as the
// speaker and no content yet.
func (r *reader) withSubject(c *cue, sj subject) Attribution {
	return Attribution{Cue: r.cueSpan(c.cs, c), Speaker: r.w.speakerSpan(sj)}
}

// subjectAsRule reads "CLAUSE, as SPEAKER CUE, CLAUSE" and "As SPEAKER
// CUE, CLAUSE".
func subjectAsRule(r *reader, c *cue, f *frame) verdict {
	sj := r.subject(c)
	w := &r.w
	toks := w.toks
	ss := sj.ss
	// "As X said, ..." may follow a conjunction: "But as X noted, ...".
	first := ss == 1 || ss == 2 && toks[0].tag == "CC"
	if !sj.ok || ss == 0 || toks[ss-1].lower != "as" || !first && !isComma(toks[ss-2]) {
		return pass
	}
	k := w.skipAdverbials(c.ce + 1)
	// "CLAUSE, as X noted in Y." ends the sentence: the clause alone.
	last := !first && k < len(toks) && isEnd(toks[k])
	if !last && (k >= len(toks)-1 || !isComma(toks[k])) {
		return pass
	}
	a := r.withSubject(c, sj)
	if !first && ss >= 3 && w.contentBefore(&a, ss-2) {
		if !last {
			w.secondFragment(&a, k+1)
		}
	} else if first {
		setContent(&a, span.Of(w.text, toks[k+1].start, w.clauseEnd(k+1)))
	}
	if a.Extent.Empty() || !hasWordChar(a.Extent.Text) {
		return pass
	}
	a.Rule = RuleSplit
	if nFragments(&a) == 1 {
		a.Rule = RuleClauseSpeakerCue
	}
	return f.set(a, c.ce)
}

// subjectBeforeRule reads CLAUSE, SPEAKER CUE and “...,” SPEAKER CUE, with
// a second fragment after the cue (“...,” she said, “...”), unless a
// quotation follows the cue and none precedes the speaker ("Asked about
// it, Lee said, “No.”").
func subjectBeforeRule(r *reader, c *cue, f *frame) verdict {
	sj := r.subject(c)
	w := &r.w
	toks := w.toks
	ss := sj.ss
	if !sj.ok || ss == 0 {
		return pass
	}
	a := r.withSubject(c, sj)
	quoteBefore := w.closesSpeech(ss-1) || ss >= 2 && (isComma(toks[ss-1]) || toks[ss-1].kind == token.Dash) && w.closesSpeech(ss-2)
	if !quoteBefore {
		if !isComma(toks[ss-1]) && toks[ss-1].kind != token.Dash {
			return pass
		}
		k := w.skipAddressee(&a, c.v, c.ce+1)
		if !w.tailEnds(k) || w.quoteFollows(w.skipAdverbials(k)) {
			return pass
		}
	}
	if !w.contentBefore(&a, ss-1) {
		return pass
	}
	k := w.skipAdverbials(w.skipAddressee(&a, c.v, c.ce+1))
	if k < len(toks) && isComma(toks[k]) && k+1 < len(toks) && !w.startsCue(k+1) {
		// “...,” she said, “...” or CLAUSE, she said, CLAUSE.
		n := &toks[k+1]
		if quoteBefore && w.isOpenQuote(k+1) || !quoteBefore && n.kind == token.Word && n.tag != "VBG" && n.tag != "IN" && n.tag != "WRB" && n.tag != "CC" && n.tag != "TO" {
			w.secondFragment(&a, k+1)
		}
	}
	if nFragments(&a) == 1 && quoteBefore {
		w.quoteAfterAside(&a, k)
	}
	if nFragments(&a) == 1 && quoteBefore {
		r.nextQuote(&a, k)
	}
	switch {
	case nFragments(&a) > 1:
		a.Rule = RuleSplit
	case quoteBefore:
		a.Rule = RuleQuoteSpeakerCue
	default:
		a.Rule = RuleClauseSpeakerCue
	}
	return f.set(a, c.ce)
}

// mainClauseAfter returns the end of the last token before the first
// comma from token k on, before offset end and outside quotation marks,
// that a subject and a finite verb follow: the main clause after a fronted
// one. It returns -1 when there is none.
func (w *window) mainClauseAfter(k, end int) int {
	toks := w.toks
	for j := k; j+1 < len(toks) && toks[j].start < end; j++ {
		if !isComma(toks[j]) || w.inQuote(j) {
			continue
		}
		if ns, ne, ok := w.rightNP(j+1, false); ok && ns == j+1 && ne < len(toks) && (isFinite(toks[ne].tag) || auxWords.has(toks[ne].lower)) {
			return toks[j-1].end
		}
	}
	return -1
}

// relativeClauseEnd returns the end of the last token before the comma,
// from token k on, before offset end and outside quotation marks, that a
// finite verb follows: the comma that closes a relative clause set off by
// commas, before the verb of the main clause ("The senator, who said the
// plan was dead, left early"). A relative clause of the content's own, set
// off by commas too, is passed over ("who said the plan, which was
// drafted in May, was dead"). It returns -1 when there is none.
func (w *window) relativeClauseEnd(k, end int) int {
	toks := w.toks
	inner := false
	for j := k; j+1 < len(toks) && toks[j].start < end; j++ {
		if !isComma(toks[j]) || w.inQuote(j) {
			continue
		}
		n := &toks[j+1]
		switch {
		case inner:
			inner = false
		case isRelative(n.lower):
			inner = true
		case n.kind == token.Word && (isFinite(n.tag) || auxWords.has(n.lower)):
			return toks[j-1].end
		}
	}
	return -1
}

// quoteAfterAside adds, as a second fragment, a quotation that opens after
// an aside following the cue at token k: “...,” she said, turning to him,
// “...”. A cue or clause of its own in between stops it.
func (w *window) quoteAfterAside(a *Attribution, k int) {
	toks := w.toks
	for j := k; j < len(toks) && j-k < 30; j++ {
		if j > k && w.plainCue(toks[j].lower) && isVerbTag(toks[j].tag) {
			return // “...,” he said, adding, “...”: a cue of its own
		}
		if tg := toks[j].tag; isFinite(tg) || tg == "CC" {
			return // a clause of its own: “...,” she said, but ...
		}
		if w.isOpenQuote(j) && isComma(toks[j-1]) {
			q := w.quoteOf(j)
			addFragment(w.text, a, q.Span())
			return
		}
		if toks[j].kind == token.Quote || isEnd(toks[j]) {
			return
		}
	}
}

// subjectAfterRule reads SPEAKER CUE (that) CLAUSE and SPEAKER CUE: “...”.
// It takes every cue with a subject that the rules before it left: a cue
// with no content it can read is no attribution, and the next cue is
// looked for after it.
func subjectAfterRule(r *reader, c *cue, f *frame) verdict {
	sj := r.subject(c)
	if !sj.ok {
		return pass
	}
	w := &r.w
	toks := w.toks
	a := r.withSubject(c, sj)
	after := c.ce + 1
	rule, ok := r.contentAfter(&a, c.v, after)
	if !ok {
		return f.set(a, c.ce)
	}
	a.Rule = or(rule, RuleSpeakerCueClause)
	if sj.appos {
		a.Rule = RuleAppositive
	}
	// "After Trump said the judge was biased, his critics denounced him":
	// a clause fronted by a subordinator ends at the comma before the main
	// clause.
	if sj.ss > 0 && subordinators.has(toks[sj.ss-1].lower) && (sj.ss == 1 || isComma(toks[sj.ss-2])) {
		if e := w.mainClauseAfter(after, a.Extent.End); e > a.Extent.Start {
			cutAt(w.text, &a, e)
		}
	}
	// "The senator, who said the plan was dead, left early": a relative
	// clause set off by commas ends at the comma before the verb of the
	// main clause.
	if ss := sj.ss; sj.se == ss+1 && ss >= 1 && isComma(toks[ss-1]) && (toks[ss].lower == "who" || toks[ss].lower == "which") {
		if e := w.relativeClauseEnd(after, a.Extent.End); e > a.Extent.Start {
			cutAt(w.text, &a, e)
		}
	}
	// "the plan, which he said will fail": the relative pronoun before
	// the speaker stands for the content's subject or object and is its
	// first fragment.
	if ss := sj.ss; ss > 0 && nFragments(&a) == 1 && after < len(toks) && a.Extent.Start == toks[after].start && toks[after].lower != "that" && !w.isOpenQuote(after) {
		if p := &toks[ss-1]; p.lower == "which" || p.lower == "what" || p.lower == "who" || p.lower == "that" && p.tag == "WDT" {
			rel := span.Of(w.text, p.start, p.end)
			a.Spans = []span.Span{rel, a.Extent}
			a.Extent = span.Of(w.text, p.start, a.Extent.End)
		}
	}
	return f.set(a, c.ce)
}
