package attribution

import (
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/span"
)

// This file holds the rules that read a cue verb whose speaker is not its
// subject before it: a question, a passive with its agent, a raising
// passive, inverted order, and the rules for a cue that opens its
// sentence or follows the clause of another verb.

// cueSpan returns the cue [from, c.ce] as a span.
func (r *reader) cueSpan(from int, c *cue) span.Span {
	return span.Of(r.w.text, r.w.toks[from].start, r.w.toks[c.ce].end)
}

// questionRule reads "Asked whether ..., she said" and "He was asked if
// ...": the question, whose asker is named by "by" or not at all. A
// question that cannot be read stops an active "asked".
func questionRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	cs := c.group
	if c.v.Lemma != "ask" || c.tag != "VBN" && c.tag != "VBD" {
		return pass
	}
	if !c.passive && cs != 0 && w.toks[cs-1].lower != "when" && w.toks[cs-1].lower != "after" && w.toks[cs-1].lower != "if" {
		return pass
	}
	if a, ok := w.question(r.cueSpan(cs, c), c.ce+1, c.v.Particle != ""); ok {
		return f.set(a, c.ce)
	}
	if !c.passive {
		return stop
	}
	return pass
}

// reducedRelativeVeto stops a bare participle that modifies a noun: "the
// report released Monday found".
func reducedRelativeVeto(_ *reader, c *cue, f *frame) verdict {
	if c.reducedRelative {
		return stop
	}
	return pass
}

// passiveVeto stops a passive that does not report: "was charged with".
func passiveVeto(r *reader, c *cue, f *frame) verdict {
	if r.w.passiveNotReporting(c) {
		return stop
	}
	return pass
}

// byAgentRule reads "SUBJECT was VERBed by AGENT": the cue runs to "by",
// the agent is the speaker and the subject the content ("The story was
// first reported by the Post").
func byAgentRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	cs, ce := c.group, c.ce
	if c.tag != "VBN" && c.tag != "VBD" || !c.hasAux || ce+2 >= len(toks) || toks[ce+1].lower != "by" || cs == 0 || !c.passive {
		return pass
	}
	ns, ne, ok := w.rightNP(ce+2, false)
	if !ok || ns != ce+2 {
		return pass
	}
	ss, ok := w.clauseStart(cs)
	if !ok || toks[ss].tag == "WDT" || toks[ss].tag == "WP" || toks[ss].tag == "PRP" {
		return pass
	}
	se := cs
	if se > ss && isComma(toks[se-1]) {
		se--
	}
	if se <= ss {
		return pass
	}
	a := Attribution{
		Cue:     span.Of(w.text, toks[cs].start, toks[ce+1].end),
		Speaker: span.Of(w.text, toks[ns].start, toks[ne-1].end),
		Rule:    RuleClauseSpeakerCue,
	}
	setContent(&a, span.Of(w.text, toks[ss].start, toks[se-1].end))
	return f.set(a, ne-1)
}

// raisedRule reads "NP is expected to VP", "NP was said to VP": a passive
// of saying or believing raises the subject of the infinitive; the source
// goes unnamed and the content is [NP] [to VP] around the cue. A relative
// pronoun before the cue is the subject.
func raisedRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	cs, ce := c.group, c.ce
	if c.tag != "VBN" && c.tag != "VBD" || !c.hasAux || ce+2 >= len(toks) || toks[ce+1].lower != "to" || toks[ce+2].tag != "VB" ||
		c.v.Class == lexicon.Address || !c.passive || cs == 0 {
		return pass
	}
	a := Attribution{Cue: r.cueSpan(cs, c), Rule: RulePassive}
	ss := cs - 1
	switch p := &toks[cs-1]; {
	case p.lower == "who" || p.lower == "which" || p.lower == "that" && p.tag == "WDT":
	default:
		s, ok := w.clauseStart(cs)
		if !ok {
			return pass
		}
		ss = s
	}
	n := ce + 1
	e := w.clauseEnd(n)
	if ss == cs-1 {
		e = w.firstComma(n, e) // a relative clause ends at its comma
	}
	if e <= toks[n].start {
		return pass
	}
	a.Extent = span.Of(w.text, toks[ss].start, e)
	a.Spans = []span.Span{span.Of(w.text, toks[ss].start, toks[cs-1].end), span.Of(w.text, toks[n].start, e)}
	return f.set(a, ce)
}

// firstComma returns the end of the last token before the first comma
// outside quotation marks from token k on, if one comes before offset e;
// else e.
func (w *window) firstComma(k, e int) int {
	for j := k; j < len(w.toks) && w.toks[j].start < e; j++ {
		if isComma(w.toks[j]) && !w.inQuote(j) {
			return w.toks[j-1].end
		}
	}
	return e
}

// inverted reports whether the cue verb of c follows a comma or a
// closing quotation mark, as in inverted order (“...,” said X): a finite
// verb after a comma, or after a full stop that stands for a lost comma
// before a lower-case verb.
func (w *window) inverted(c *cue) bool {
	cs := c.cs
	if cs == 0 {
		return false
	}
	finite := c.tag == "VBD" || c.tag == "VBZ" || c.tag == "VBP"
	p := &w.toks[cs-1]
	return (isComma(*p) || p.text == "." && !isCapital(w.toks[c.i].text)) && finite || p.kind == token.Quote && !w.isOpenQuote(cs-1)
}

// invertedRule reads “...,” said X and CLAUSE, said X: the speaker after
// the cue, the content before it.
func invertedRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	cs := c.cs
	if !w.inverted(c) || r.subject(c).appos {
		return pass
	}
	after := c.ce + 1
	ns, ne, ok := w.rightNP(after, true)
	if ok && !w.tailEnds(ne) {
		// "said Weaver, who said ...": a relative clause that does not
		// end the sentence is left out of the speaker.
		if ns2, ne2, ok2 := w.rightNP(after, false); ok2 && ne2+1 < len(toks) && isComma(toks[ne2]) && (toks[ne2+1].lower == "who" || toks[ne2+1].lower == "whose") {
			ns, ne = ns2, ne2
		}
	}
	// "Lee, asked about the plan, said ...": the passive participle of a
	// verb of asking or telling between a subject and its verb is not
	// inverted order, as the verb takes no speaker after it.
	if ok && (c.v.Class == lexicon.Address || c.v.Lemma == "ask" || c.v.Lemma == "question") && ne+1 < len(toks) && isComma(toks[ne]) && (toks[ne+1].tag == "VBD" || toks[ne+1].tag == "VBZ" || toks[ne+1].tag == "VBP") {
		return pass
	}
	// "said Tuesday" names no speaker, but "read the email" does: a
	// document with its determiner.
	document := ok && toks[ns].tag == "DT" && lexicon.Document(toks[ne-1].lower)
	if !ok || !w.tailEnds(ne) || allAdverbial(toks[ns:ne]) && !document {
		return pass
	}
	a := Attribution{Cue: r.cueSpan(cs, c), Speaker: span.Of(w.text, toks[ns].start, toks[ne-1].end)}
	if !w.contentBefore(&a, cs-1) {
		return pass
	}
	a.Rule = RuleClauseCueSpeaker
	if w.isCloseQuote(cs-1) || cs >= 2 && isComma(toks[cs-1]) && w.isCloseQuote(cs-2) {
		a.Rule = RuleQuoteCueSpeaker
		if k := w.skipAdverbials(ne); k+1 < len(toks) && isComma(toks[k]) && w.isOpenQuote(k+1) {
			// “...,” said X, “...”: the quotation goes on after the
			// comma.
			if q := w.quoteOf(k + 1); q.Kind == quote.Speech {
				addFragment(w.text, &a, q.Span())
			}
		} else {
			r.nextQuote(&a, k)
		}
	}
	return f.set(a, ne-1)
}

// lostStopRule reads a sentence that is only "said the official." after a
// full stop that should have been a comma: the sentence before is its
// content.
func lostStopRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	if c.tag != "VBD" || r.si == 0 {
		return pass
	}
	var ns, ne, end int // the speaker, and the token after the attribution
	if c.cs == 0 {
		if isCapital(toks[c.i].text) {
			return pass
		}
		var ok bool
		ns, ne, ok = w.rightNP(c.ce+1, false)
		if !ok || !w.tailEnds(ne) {
			return pass
		}
		end = ne
	} else {
		// “...” Trump said.: the subject opens the sentence, which ends
		// after the cue, and the sentence before ends with a quote mark.
		sj := r.subject(c)
		if !sj.ok || sj.ss != 0 || sj.appos || sj.se != c.cs {
			return pass
		}
		if p := r.st.Sents[r.si-1]; p.End == p.First || r.st.Toks[p.End-1].Kind() != token.Quote {
			return pass
		}
		ns, ne, end = sj.ss, sj.se, c.ce+1
	}
	if k := w.skipAdverbials(end); k < len(toks) && !isEnd(toks[k]) {
		return pass
	}
	p := r.sents[r.si-1]
	if p.Paragraph != r.sents[r.si].Paragraph || p.End <= p.Start || p.End > len(w.text) {
		return pass
	}
	e := p.End
	for e > p.Start && (w.text[e-1] == '.' || w.text[e-1] == ' ') {
		e--
	}
	a := Attribution{Cue: r.cueSpan(c.cs, c), Speaker: span.Of(w.text, toks[ns].start, toks[ne-1].end), Rule: RuleClauseCueSpeaker}
	setContent(&a, span.Of(w.text, p.Start, e))
	return f.set(a, ne-1)
}

// saidFirstRule reads "Said Ellis: “...”" and "Added Ellis: “...”": a
// past form of a verb of saying opens the sentence and the speaker
// follows it, before a colon or comma.
func saidFirstRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	if c.cs != 0 || c.v.Class != lexicon.Speech || c.v.Forms&lexicon.Past == 0 {
		return pass
	}
	ns, ne, ok := w.rightNP(c.ce+1, false)
	// The speaker's appositives are the speaker's where a colon ends
	// them: "Said Tom Lee, of Austin, Tex.: “...”".
	if as, ae, aok := w.rightNP(c.ce+1, true); aok && ae > ne && ae < len(toks) && toks[ae].text == ":" {
		ns, ne, ok = as, ae, true
	}
	if !ok || ne >= len(toks) || toks[ne].text != ":" && !isComma(toks[ne]) {
		return pass
	}
	a := Attribution{Cue: r.cueSpan(c.cs, c), Speaker: span.Of(w.text, toks[ns].start, toks[ne-1].end)}
	rule, ok := r.contentAfter(&a, c.v, ne)
	if !ok {
		return pass
	}
	a.Rule = or(rule, RuleSpeakerCueColon)
	return f.set(a, ne-1)
}

// participleRule reads a participle or gerund clause, or a second verb
// phrase, with the subject of the nearest finite verb before it: "...,
// saying CLAUSE", "X did Y and said Z", “...,” adding that ..., and a
// gerund after a preposition: "X won the vote by promising CLAUSE".
func participleRule(r *reader, c *cue, f *frame) verdict {
	w := &r.w
	toks := w.toks
	cs := c.cs
	if cs == 0 {
		return pass
	}
	afterQuote := false // “...,” adding that ...
	if w.isCloseQuote(cs - 1) {
		if q := w.quoteAt(toks[cs-1].start); q >= 0 {
			afterQuote = innerEnds(*w.qs[q], ",")
		}
	}
	// Not when the clause's own verb is the cue: "said in reading the
	// statement" reports one act of saying.
	gerundPrep := c.tag == "VBG" && cs == c.i && cs > 1 && gerundPrepositions.has(toks[cs-1].lower) && w.verbs(cs-2) == nil
	// Right after the object of its clause's verb, a participle may take
	// the clause's subject too: "Trump released [a new ad] calling the
	// plan a disaster", "she sent [an email] saying". The model weighs
	// this reading against the object's.
	afterObject := c.tag == "VBG" && cs == c.i && cs > 1 && isNounTag(toks[cs-1].tag) && toks[cs-1].tag != "PRP"
	if !(c.tag == "VBG" && (isComma(toks[cs-1]) || afterQuote) || gerundPrep || afterObject || toks[cs-1].lower == "and" || toks[cs-1].lower == "but") {
		return pass
	}
	a := Attribution{Cue: r.cueSpan(cs, c)}
	coordinated := toks[cs-1].lower == "and" || toks[cs-1].lower == "but"
	if ss, se, ok := w.subjectBefore(cs-1, coordinated); ok {
		a.Speaker = span.Of(w.text, toks[ss].start, toks[se-1].end)
	} else if afterObject {
		return pass
	} else if sp, ok := r.speakerBefore(cs); ok {
		a.Speaker = sp
	}
	rule, ok := r.contentAfter(&a, c.v, c.ce+1)
	if !ok {
		return pass
	}
	a.Rule = or(rule, RuleSpeakerCueClause)
	return f.set(a, c.ce)
}

// speakerBefore returns the speaker of the attribution read last, when its
// cue lies in the window before token cs: the subject of a clause whose
// order subjectBefore does not read, which a participle after it takes
// ("“...,” said Devine, suggesting that ...").
func (r *reader) speakerBefore(cs int) (span.Span, bool) {
	if len(r.found) == 0 {
		return span.Span{}, false
	}
	f := &r.found[len(r.found)-1]
	toks := r.w.toks
	if int(f.cue.start) < toks[0].start || int(f.cue.end) > toks[cs].start || f.speaker.end <= f.speaker.start || int(f.speaker.end) > toks[cs].start {
		return span.Span{}, false
	}
	return f.speaker.span(r.w.text), true
}

// or returns a, or b when a is empty.
func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
