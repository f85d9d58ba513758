package attribution

import (
	"strings"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/span"
)

// auxiliaries, negation and adverbs that join a cue verb's group ("has
// said", "did not deny", "also noted").
var auxWords = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "being": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "should": true, "must": true, "did": true, "does": true, "do": true,
	"'ve": true, "'d": true, "'ll": true, "'re": true, "n't": true, "not": true, "never": true,
	"also": true, "later": true, "previously": true, "repeatedly": true, "once": true, "often": true,
	"already": true, "still": true, "publicly": true, "privately": true, "recently": true, "reportedly": true,
	"just": true, "even": true, "again": true, "further": true, "long": true, "frequently": true,
	"since": true,
}

// subject pronouns and relative pronouns that stand as a whole speaker.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true,
	"who": true, "which": true,
}

// verbs that, with "to", join the cue verb after them ("appeared to
// suggest", "went on to say").
var raisingVerbs = map[string]bool{
	"appear": true, "appears": true, "appeared": true, "seem": true, "seems": true, "seemed": true,
	"went": true, "goes": true, "go": true, "going": true, "declined": true, "declines": true, "refused": true,
	"refuses": true, "continued": true, "continues": true, "tried": true, "tries": true, "sought": true,
	"seeks": true, "began": true, "begins": true, "started": true, "starts": true,
}

// prepositions that may open reported content ("warned of", "asked
// whether", "complained about").
var contentPrepositions = map[string]bool{
	"that": true, "whether": true, "if": true, "about": true, "of": true, "for": true, "on": true,
	"against": true, "as": true, "to": true, "because": true, "than": true,
}

// prepositions that join the cue verb before its content ("complained
// about", "called for", "warned of"); the complementizers "that",
// "whether" and "if" open the content instead.
var cuePrepositions = map[string]bool{"about": true, "of": true, "for": true, "on": true, "against": true, "over": true}

// words that end the object of a verb like "support" ("support Trump if
// he wins").
var objectBreaks = map[string]bool{
	"if": true, "because": true, "while": true, "when": true, "as": true, "after": true, "before": true,
	"since": true, "although": true, "though": true, "unless": true, "despite": true, "but": true,
}

// connectors that may join the words of one noun phrase ("a spokesman for
// the Justice Department", "Trump and Pence").
var npConnectors = map[string]bool{"of": true, "for": true, "at": true, "from": true, "and": true, "&": true, "'s": true, "in": true}

// prepositions that take a gerund whose subject is the clause's ("by
// promising", "without saying").
var gerundPrepositions = map[string]bool{
	"by": true, "after": true, "before": true, "without": true, "while": true, "in": true, "since": true,
}

// labels an editor sets before a colon ("Correction:", "Photo:").
var editorLabels = map[string]bool{
	"correction": true, "corrections": true, "clarification": true, "source": true, "sources": true,
	"update": true, "updated": true, "note": true, "related": true, "photo": true, "photos": true,
	"video": true, "watch": true, "latest": true, "credit": true, "disclosure": true, "editor": true,
}

// quantifiers that stand as a whole subject ("Many said", "Most believe").
var quantifiers = map[string]bool{
	"several": true, "many": true, "most": true, "some": true, "others": true, "few": true,
	"both": true, "all": true, "half": true,
}

// time and manner words that may follow a cue before the sentence ends
// ("said Tuesday", "said in an interview").
var adverbialWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"today": true, "yesterday": true, "tonight": true, "later": true, "earlier": true, "recently": true, "last": true,
	"week": true, "weekend": true, "month": true, "year": true, "night": true, "morning": true, "afternoon": true, "evening": true,
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "to": true, "with": true, "via": true,
	"a": true, "an": true, "the": true, "this": true, "his": true, "her": true, "their": true, "its": true,
	"interview": true, "statement": true, "speech": true, "email": true, "e-mail": true, "phone": true,
	"telephone": true, "reporters": true, "conference": true, "news": true, "press": true, "twitter": true,
	"facebook": true, "tweet": true, "post": true, "release": true, "rally": true, "briefing": true,
	"then": true, "also": true, "again": true, "flatly": true, "simply": true, "bluntly": true,
	"when": false,
}

// words that, after a comma, open a clause outside the reported one.
var clauseBreaks = map[string]bool{"which": true, "while": true, "but": true, "although": true, "though": true, "whereas": true, "however": true}

// participles that work as prepositions ("..., including X") and so do not
// end a clause.
var prepositionalVBG = map[string]bool{"including": true, "excluding": true, "following": true, "regarding": true, "concerning": true, "considering": true, "during": true}

func isNounTag(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "PRP" || t == "CD" || t == "FW"
}

func isNPTag(t string) bool {
	switch t {
	case "NN", "NNS", "NNP", "NNPS", "CD", "FW", "DT", "JJ", "JJR", "JJS", "PRP$", "POS", "HYPH", "NNP$":
		return true
	}
	return false
}

func isVerbTag(t string) bool { return len(t) >= 2 && t[0] == 'V' && t[1] == 'B' || t == "MD" }

func (d *doc) isOpenQuote(i int) bool {
	t := d.toks[i]
	if t.kind != tQuote {
		return false
	}
	k := d.quoteAt(t.start)
	return k >= 0 && d.qs[k].Start == t.start
}

func (d *doc) isCloseQuote(i int) bool {
	t := d.toks[i]
	if t.kind != tQuote {
		return false
	}
	k := d.quoteAt(t.start)
	if k >= 0 && d.qs[k].End == t.end {
		return true
	}
	// A closing mark after punctuation that the quotation stage left
	// unpaired: ...,” she said.
	return k < 0 && i > 0 && d.toks[i-1].kind == tPunct && d.toks[i-1].end == t.start && (t.text == "”" || t.text == "’" || t.text == "\"" || t.text == "''")
}

// closesSpeech reports whether token i closes a quotation of speech (or an
// unpaired closing mark), not a title in quote marks: “Face the Nation,”.
func (d *doc) closesSpeech(i int) bool {
	if !d.isCloseQuote(i) {
		return false
	}
	k := d.quoteAt(d.toks[i].start)
	return k < 0 || d.qs[k].Kind == quote.Speech
}

func (d *doc) inQuote(i int) bool {
	t := d.toks[i]
	k := d.quoteAt(t.start)
	if k < 0 {
		return false
	}
	q := d.qs[k]
	// A quotation that runs over paragraphs may be mispaired; only a
	// quotation within one paragraph hides the cues inside it.
	return q.Start < t.start && t.end < q.End && q.Closed && q.FirstParagraph == q.LastParagraph
}

func isComma(t token) bool { return t.text == "," }

func isEnd(t token) bool {
	return t.text == "." || t.text == "!" || t.text == "?" || t.text == "..." || t.text == "…"
}

// cueAt tries to read an attribution whose cue starts at token i of the
// current sentence. It returns the index of the cue's last token.
func (d *doc) cueAt(si, i int) (Attribution, int, bool) {
	toks := d.toks
	d.paren = -1
	t := toks[i]
	if t.kind != tWord {
		if t.text == ":" {
			return d.colonCue(i)
		}
		return Attribution{}, 0, false
	}
	// A word the lexicon does not know starts no cue, "in" aside.
	if t.lex == 0 && !(i == 0 && t.lower == "in") || d.inQuote(i) {
		return Attribution{}, 0, false
	}
	if i == 0 && t.lower == "in" {
		return d.inSurvey(i)
	}
	if t.lex&lexicon.NounWord != 0 && (d.r.lex.Noun(t.lower) || d.r.lex.NounObject(t.lower) != "") {
		if a, e, ok := d.nounCue(i); ok {
			return a, e, ok
		}
	}
	if t.lex&lexicon.PhraseWord != 0 {
		for _, p := range d.r.lex.Phrases(t.lower) {
			if n := len(p.Words); i+n <= len(toks) && matchWords(toks[i:i+n], p.Words) && p.SpeakerAfter {
				return d.accordingTo(i, i+n-1)
			}
		}
	}
	var verbs []lexicon.Verb
	if t.lex&lexicon.VerbWord != 0 {
		verbs = d.r.lex.Verbs(t.lower)
	}
	if verbs == nil {
		return Attribution{}, 0, false
	}
	if verbs[0].Class == lexicon.Seeming {
		return d.seemCue(i)
	}
	if !isVerbTag(t.tag) {
		// A past form that is not also a base form ("described", "said",
		// "wrote") is a verb whatever the tagger says after an adjective.
		past := false
		for _, x := range verbs {
			if x.Forms&(lexicon.Past|lexicon.Participle) != 0 && x.Forms&lexicon.Base == 0 {
				past = true
			}
		}
		// So is a third-person or past form in a title-case headline,
		// which the tagger reads as a name: "Senator Praises Plan".
		if !past && d.title && i > 0 && isCapital(t.text) {
			for _, x := range verbs {
				if x.Forms&(lexicon.Third|lexicon.Past) != 0 && x.Particle == "" {
					past = true
				}
			}
		}
		// So is any form between a noun and the end of its clause: "the
		// article read.", "a narrator asks:".
		if !past && i > 0 && i+1 < len(toks) && toks[i-1].kind == tWord && isNounTag(toks[i-1].tag) {
			n := toks[i+1]
			past = isEnd(n) || isComma(n) || n.text == ":" || n.lower == "that" ||
				n.lower == "to" && toks[i-1].tag != "PRP" // "the campaign plans to"
		}
		if !past {
			return Attribution{}, 0, false
		}
		t.tag = "VBD"
		toks[i].tag = "VBD"
	}
	// Prefer a phrasal verb whose particle follows.
	var v lexicon.Verb
	ce := i
	for _, x := range verbs {
		if x.Particle != "" && i+1 < len(toks) && toks[i+1].lower == x.Particle {
			v, ce = x, i+1
			break
		}
		if x.Particle == "" && v.Lemma == "" {
			v = x
		}
	}
	if v.Lemma == "" {
		return Attribution{}, 0, false
	}
	// The verb group: auxiliaries, negation and adverbs before it.
	cs := i
	for cs > 0 && i-cs < 4 {
		p := toks[cs-1]
		if auxWords[p.lower] && (p.lower != "'s" || p.tag == "VBZ") || p.lower == "'s" && p.tag == "VBZ" || p.tag == "RB" && p.kind == tWord && i-cs < 2 {
			cs--
			continue
		}
		break
	}
	// A raising or aspect verb before "to" joins the cue: "appeared to
	// suggest", "went on to say", "declined to say".
	if cs >= 2 && toks[cs-1].lower == "to" && raisingVerbs[toks[cs-2].lower] {
		cs -= 2
		if cs >= 1 && toks[cs].lower == "on" && raisingVerbs[toks[cs-1].lower] {
			cs--
		}
		for cs > 0 && i-cs < 8 && auxWords[toks[cs-1].lower] {
			cs--
		}
	} else if cs >= 3 && toks[cs-1].lower == "to" && toks[cs-2].lower == "on" && raisingVerbs[toks[cs-3].lower] {
		cs -= 3
	}
	hasAux := cs < i
	// "Asked whether ..., she said", "He was asked if ...": the question,
	// whose asker is named by "by" or not at all.
	if v.Lemma == "ask" && (t.tag == "VBN" || t.tag == "VBD") {
		passive := false
		for m := cs; m < i; m++ {
			switch toks[m].lower {
			case "is", "are", "was", "were", "be", "been", "being":
				passive = true
			}
		}
		if passive || cs == 0 || toks[cs-1].lower == "when" || toks[cs-1].lower == "after" || toks[cs-1].lower == "if" {
			if a, ok := d.question(span.Of(d.text, toks[cs].start, toks[ce].end), ce+1); ok {
				return a, ce, true
			}
			if !passive {
				return Attribution{}, 0, false
			}
		}
	}
	// A bare participle after a noun is a reduced relative clause ("the
	// report released Monday"), not a cue.
	if t.tag == "VBN" && !hasAux && v.Lemma != "say" && v.Lemma != "tell" && d.finiteAfter(ce+1) {
		return Attribution{}, 0, false
	}
	// "continue" reports speech only when words follow it as they follow
	// a verb of saying ("she continued: ...", "..., he continued."), not
	// as an aspect verb ("continues to grow", "continued her campaign").
	if v.Lemma == "continue" && ce+1 < len(toks) {
		n := toks[ce+1]
		if !(n.text == ":" || isComma(n) || isEnd(n) || n.lower == "that" || d.isOpenQuote(ce+1) || n.kind == tQuote || n.kind == tDash) {
			return Attribution{}, 0, false
		}
	}
	// "find oneself", "find their way": not a finding; and "find" in the
	// present reports a finding only with "that" ("the study finds that").
	if v.Lemma == "find" && ce+1 < len(toks) && (reflexives[toks[ce+1].lower] || toks[ce+1].tag == "PRP$" && ce+2 < len(toks) && toks[ce+2].lower == "way" ||
		t.tag != "VBD" && t.tag != "VBN" && toks[ce+1].lower != "that") {
		return Attribution{}, 0, false
	}
	// "The story was first reported by the Post": a passive with its agent;
	// the agent is the speaker and the subject the content.
	if (t.tag == "VBN" || t.tag == "VBD") && hasAux && ce+2 < len(toks) && toks[ce+1].lower == "by" && cs > 0 {
		if a, e, ok := d.byAgent(cs, ce); ok {
			return a, e, true
		}
	}
	// A passive is a cue only when it reports ("is expected to", "was told
	// that"), not "was charged with".
	if t.tag == "VBN" && hasAux && ce+1 < len(toks) && toks[ce+1].lower != "to" && toks[ce+1].lower != "that" && toks[ce+1].text != ":" && v.Lemma != "say" {
		for m := cs; m < i; m++ {
			switch toks[m].lower {
			case "is", "are", "was", "were", "be", "been", "being", "'re":
				return Attribution{}, 0, false
			}
		}
	}
	// "NP is expected to VP", "NP was said to VP": a passive of saying or
	// believing raises the subject of the infinitive; the source goes
	// unnamed and the content is [NP] [to VP] around the cue.
	if (t.tag == "VBN" || t.tag == "VBD") && hasAux && ce+2 < len(toks) && toks[ce+1].lower == "to" && toks[ce+2].tag == "VB" && v.Class != lexicon.Address {
		passive := false
		for m := cs; m < i; m++ {
			switch toks[m].lower {
			case "is", "are", "was", "were", "be", "been", "being", "'re", "’re":
				passive = true
			}
		}
		if passive && cs > 0 {
			if a, ok := d.raised(cs, ce); ok {
				return a, ce, true
			}
		}
	}
	// Drop a leading adverb that is not part of an auxiliary chain when it
	// opens the sentence.
	for cs < i && cs == 0 && !auxWords[toks[cs].lower] {
		cs++
	}
	cue := span.Of(d.text, toks[cs].start, toks[ce].end)
	a := Attribution{Cue: cue}
	after := ce + 1

	// Inverted order right after a quotation or comma: “...,” said X.
	// A full stop before a lower-case "said the official." stands for a
	// comma the text lost.
	finite := t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP"
	if cs > 0 && ((isComma(toks[cs-1]) || toks[cs-1].text == "." && !isCapital(t.text)) && finite || toks[cs-1].kind == tQuote && !d.isOpenQuote(cs-1)) {
		if s, ok := d.appositive(cs - 1); ok && isComma(toks[cs-1]) {
			return d.withSubject(a, v, s, cs-1, cs, after, true), ce, true
		}
		ns, ne, ok := d.rightNP(after, true)
		if ok && !d.tailEnds(ne) {
			// "said Weaver, who said ...": a relative clause that does not
			// end the sentence is left out of the speaker.
			if ns2, ne2, ok2 := d.rightNP(after, false); ok2 && ne2+1 < len(toks) && isComma(toks[ne2]) && (toks[ne2+1].lower == "who" || toks[ne2+1].lower == "whose") {
				ns, ne = ns2, ne2
			}
		}
		if ok && d.tailEnds(ne) && !allAdverbial(toks[ns:ne]) {
			a.Speaker = span.Of(d.text, toks[ns].start, toks[ne-1].end)
			if d.contentBefore(&a, cs-1) {
				a.Rule, a.Confidence = RuleClauseCueSpeaker, 0.75
				if d.isCloseQuote(cs-1) || cs >= 2 && isComma(toks[cs-1]) && d.isCloseQuote(cs-2) {
					a.Rule = RuleQuoteCueSpeaker
					a.Confidence = 0.85
					d.nextQuote(&a, d.skipAdverbials(ne))
				}
				return a, ne - 1, true
			}
		}
	}
	// The subject of a gerund is the nearest noun phrase: "footage of
	// Trump saying" is Trump's.
	d.gerund = t.tag == "VBG"
	ss, ok := d.leftNP(cs)
	d.gerund = false
	if ok {
		return d.withSubject(a, v, ss, cs, cs, after, false), ce, true
	}
	// A sentence that is only "said the official." after a full stop that
	// should have been a comma: the sentence before is its content.
	if cs == 0 && !isCapital(t.text) && t.tag == "VBD" && si > 0 {
		if ns, ne, ok := d.rightNP(after, false); ok && d.tailEnds(ne) && (ne >= len(toks) || isEnd(toks[d.skipAdverbials(ne)])) {
			p := d.sents[si-1]
			if p.Paragraph == d.sents[si].Paragraph && p.End > p.Start && p.End <= len(d.text) {
				e := p.End
				for e > p.Start && (d.text[e-1] == '.' || d.text[e-1] == ' ') {
					e--
				}
				a.Speaker = span.Of(d.text, toks[ns].start, toks[ne-1].end)
				a.Extent = span.Of(d.text, p.Start, e)
				a.Spans = []span.Span{a.Extent}
				a.Rule, a.Confidence = RuleClauseCueSpeaker, 0.5
				return a, ne - 1, true
			}
		}
	}
	// Inverted at the start of a sentence: "Said Ellis: “...”".
	if cs == 0 && v.Lemma == "say" {
		if ns, ne, ok := d.rightNP(after, false); ok && ne < len(toks) && (toks[ne].text == ":" || isComma(toks[ne])) {
			a.Speaker = span.Of(d.text, toks[ns].start, toks[ne-1].end)
			if d.contentAfter(&a, v, ne) {
				if a.Rule == "" {
					a.Rule, a.Confidence = RuleSpeakerCueColon, 0.7
				}
				return a, ne - 1, true
			}
		}
	}
	// A participle or gerund clause, or a second verb phrase, with the
	// subject of the nearest finite verb before it: "..., saying CLAUSE",
	// "X did Y and said Z".
	afterQuote := false // “...,” adding that ...
	if cs > 0 && d.isCloseQuote(cs-1) {
		if q := d.quoteAt(toks[cs-1].start); q >= 0 {
			afterQuote = strings.HasSuffix(strings.TrimSpace(d.qs[q].Inner.Text), ",")
		}
	}
	// A gerund after a preposition, with the subject of the clause before
	// it: "X won the vote by promising CLAUSE", "X left without saying".
	// Not when the clause's own verb is the cue: "said in reading the
	// statement" reports one act of saying.
	gerundPrep := t.tag == "VBG" && cs == i && cs > 1 && gerundPrepositions[toks[cs-1].lower] && d.r.lex.Verbs(toks[cs-2].lower) == nil
	if cs > 0 && (t.tag == "VBG" && (isComma(toks[cs-1]) || afterQuote) || gerundPrep || toks[cs-1].lower == "and" || toks[cs-1].lower == "but") {
		if ss, se, ok := d.subjectBefore(cs - 1); ok {
			a.Speaker = span.Of(d.text, toks[ss].start, toks[se-1].end)
		}
		if d.contentAfter(&a, v, after) {
			if a.Rule == "" {
				a.Rule, a.Confidence = RuleSpeakerCueClause, 0.5
			}
			return a, ce, true
		}
	}
	return Attribution{}, 0, false
}

// finiteAfter reports whether a finite verb follows token k in the
// sentence: then a bare participle before it is a reduced relative ("the
// report released Monday found"), else it is the main verb, mistagged.
func (d *doc) finiteAfter(k int) bool {
	for j := k; j < len(d.toks) && j-k < 6; j++ {
		if t := d.toks[j]; t.kind != tWord && t.text != "(" && t.text != ")" || t.lower == "that" || t.tag == "WDT" || t.tag == "WP" {
			return false
		}
		switch d.toks[j].tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// subjectBefore returns the subject of the nearest finite verb before token
// end, as [start, end) token indexes.
func (d *doc) subjectBefore(end int) (int, int, bool) {
	toks := d.toks
	for p := end - 1; p > 0 && end-p < 60; p-- {
		switch toks[p].tag {
		case "VBD", "VBZ", "VBP", "MD":
		default:
			continue
		}
		p0 := p
		for p0 > 0 && auxWords[toks[p0-1].lower] {
			p0--
		}
		if ss, ok := d.leftNP(p0); ok {
			se := p0
			if isComma(toks[se-1]) || toks[se-1].kind == tDash {
				se--
			}
			return ss, se, true
		}
	}
	return 0, 0, false
}

// withSubject completes an attribution whose speaker starts at token ss and
// ends before token se, with the cue group [cs, after).
func (d *doc) withSubject(a Attribution, v lexicon.Verb, ss, se, cs, after int, appos bool) Attribution {
	toks := d.toks
	// "..., retired Air Force general Lloyd Newton said": a lower-case
	// modifier the tagger took for a verb opens the noun phrase.
	if ss >= 2 && toks[ss-1].kind == tWord && !isCapital(toks[ss-1].text) && (toks[ss-1].tag == "VBN" || toks[ss-1].tag == "VBD" || toks[ss-1].tag == "JJ") &&
		(d.closesSpeech(ss-2) || isComma(toks[ss-2]) && ss >= 3 && d.closesSpeech(ss-3)) {
		ss--
	}
	if d.paren > ss && d.paren < se {
		se = d.paren // "Mr. Lee, however, said": the speaker is "Mr. Lee"
	}
	a.Speaker = span.Of(d.text, toks[ss].start, toks[se-1].end)
	if se < len(toks) && isComma(toks[se-1]) && se-1 > ss {
		a.Speaker = span.Of(d.text, toks[ss].start, toks[se-2].end)
	}
	// "CLAUSE, as SPEAKER CUE, CLAUSE" and "As SPEAKER CUE, CLAUSE".
	if ss > 0 && toks[ss-1].lower == "as" && (ss == 1 || isComma(toks[ss-2])) {
		k := d.skipAdverbials(after)
		if k < len(toks)-1 && isComma(toks[k]) {
			b := a
			if ss >= 3 && d.contentBefore(&b, ss-2) {
				d.secondFragment(&b, k+1)
			} else if ss == 1 {
				e := d.clauseEnd(k + 1)
				b.Extent = span.Of(d.text, toks[k+1].start, e)
				b.Spans = []span.Span{b.Extent}
			}
			if !b.Extent.Empty() && hasWordChar(b.Extent.Text) {
				b.Rule, b.Confidence = RuleSplit, 0.7
				if len(b.Spans) == 1 {
					b.Rule = RuleClauseSpeakerCue
				}
				return b
			}
		}
	}
	// CLAUSE, SPEAKER CUE, unless a quotation follows the cue and none
	// precedes the speaker ("Asked about it, Lee said, “No.”").
	quoteBefore := ss > 0 && d.closesSpeech(ss-1) || ss >= 2 && (isComma(toks[ss-1]) || toks[ss-1].kind == tDash) && d.closesSpeech(ss-2)
	if ss > 0 && (quoteBefore || (isComma(toks[ss-1]) || toks[ss-1].kind == tDash) && d.tailEnds(d.skipAddressee(&a, v, after)) && !d.quoteFollows(d.skipAdverbials(d.skipAddressee(&a, v, after)))) {
		b := a
		if d.contentBefore(&b, ss-1) {
			k := d.skipAdverbials(d.skipAddressee(&b, v, after))
			if k < len(toks) && isComma(toks[k]) && k+1 < len(toks) && !d.startsCue(k+1) {
				// “...,” she said, “...” or CLAUSE, she said, CLAUSE.
				n := toks[k+1]
				if quoteBefore && d.isOpenQuote(k+1) || !quoteBefore && n.kind == tWord && n.tag != "VBG" && n.tag != "IN" && n.tag != "WRB" && n.tag != "CC" && n.tag != "TO" {
					d.secondFragment(&b, k+1)
				}
			}
			if len(b.Spans) == 1 && quoteBefore {
				// “...,” she said, turning to him, “...”
				for j := k; j < len(toks) && j-k < 30; j++ {
					if j > k && d.plainCue(toks[j].lower) && isVerbTag(toks[j].tag) {
						break // “...,” he said, adding, “...”: a cue of its own
					}
					if tg := toks[j].tag; tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "MD" || tg == "CC" {
						break // a clause of its own: “...,” she said, but ...
					}
					if d.isOpenQuote(j) && isComma(toks[j-1]) {
						q := d.qs[d.quoteAt(toks[j].start)]
						b.Spans = append(b.Spans, q.Span())
						b.Extent = span.Of(d.text, b.Spans[0].Start, q.End)
						break
					}
					if toks[j].kind == tQuote || isEnd(toks[j]) {
						break
					}
				}
			}
			if len(b.Spans) == 1 && quoteBefore {
				d.nextQuote(&b, k)
			}
			switch {
			case len(b.Spans) > 1:
				b.Rule, b.Confidence = RuleSplit, 0.8
			case quoteBefore:
				b.Rule, b.Confidence = RuleQuoteSpeakerCue, 0.9
			default:
				b.Rule, b.Confidence = RuleClauseSpeakerCue, 0.75
			}
			return b
		}
	}
	// SPEAKER CUE (that) CLAUSE, SPEAKER CUE: “...”.
	if d.contentAfter(&a, v, after) {
		if a.Rule == "" {
			a.Rule, a.Confidence = RuleSpeakerCueClause, 0.7
		}
		if appos {
			a.Rule = RuleAppositive
		}
		// "the plan, which he said will fail": the relative pronoun
		// before the speaker stands for the content's subject or object
		// and is its first fragment.
		if ss > 0 && len(a.Spans) == 1 && after < len(toks) && a.Extent.Start == toks[after].start && toks[after].lower != "that" && !d.isOpenQuote(after) {
			if r := toks[ss-1]; r.lower == "which" || r.lower == "what" || r.lower == "who" || r.lower == "that" && r.tag == "WDT" {
				rel := span.Of(d.text, r.start, r.end)
				a.Spans = []span.Span{rel, a.Extent}
				a.Extent = span.Of(d.text, r.start, a.Extent.End)
			}
		}
	}
	return a
}

// contentBefore sets the content to the sentence's words before token k
// (a comma, dash or closing quote), widened to the quotation that ends
// there. It reports whether there is any.
func (d *doc) contentBefore(a *Attribution, k int) bool {
	toks := d.toks
	end := k
	if isComma(toks[k]) || toks[k].kind == tDash {
		// keep a closing quote just before the comma
		end = k - 1
	}
	if end < 0 {
		return false
	}
	last := toks[end]
	e := last.end
	if !d.isCloseQuote(end) && isComma(last) {
		e = last.start
	}
	s := toks[0].start
	if q := d.quoteAt(e - 1); q >= 0 && d.qs[q].End == e {
		if d.qs[q].Start < s || d.cueBefore(d.qs[q].Start) {
			s = d.qs[q].Start
		}
	} else if k == 0 {
		return false
	}
	c := span.Of(d.text, s, e)
	if !hasWordChar(c.Text) {
		return false
	}
	a.Extent, a.Spans = c, []span.Span{c}
	return true
}

// cueBefore reports whether the quotation that starts at byte offset off
// is introduced by a cue of its own ("scolded him: “...”", "said, “...”"):
// then it is not the end of a clause that runs from the sentence's start.
func (d *doc) cueBefore(off int) bool {
	for j, t := range d.toks {
		if t.start < off {
			continue
		}
		if j == 0 {
			return false
		}
		p := d.toks[j-1]
		if p.text == ":" {
			return true
		}
		if isComma(p) && j >= 2 {
			vs := d.r.lex.Verbs(d.toks[j-2].lower)
			return len(vs) > 0 && isVerbTag(d.toks[j-2].tag)
		}
		return false
	}
	return false
}

// secondFragment adds the words from token k to the sentence's end as a
// second fragment of the content: “...,” she said, “...”.
func (d *doc) secondFragment(a *Attribution, k int) {
	s, e := d.toks[k].start, d.clauseEnd(k)
	if e <= s {
		return
	}
	f := span.Of(d.text, s, e)
	if !hasWordChar(f.Text) {
		return
	}
	a.Spans = append(a.Spans, f)
	a.Extent = span.Of(d.text, a.Spans[0].Start, f.End)
}

// plainCue reports whether w is a form of a cue verb that needs no
// particle.
func (d *doc) plainCue(w string) bool {
	for _, v := range d.r.lex.Verbs(w) {
		if v.Particle == "" {
			return true
		}
	}
	return false
}

// quoteFollows reports whether a quotation opens at token k, after a comma
// or colon.
func (d *doc) quoteFollows(k int) bool {
	return k+1 < len(d.toks) && (isComma(d.toks[k]) || d.toks[k].text == ":") && d.isOpenQuote(k+1)
}

// nextQuote adds, as a second fragment, the quotation that opens the next
// sentence of the paragraph when the attribution's sentence ends at token
// k: “...,” she said. “...”
func (d *doc) nextQuote(a *Attribution, k int) {
	if !d.r.cfg.runs {
		return
	}
	for j := k; j < len(d.toks); j++ {
		if d.toks[j].kind == tQuote {
			return // the sentence goes on with a quotation of its own
		}
	}
	end := d.toks[len(d.toks)-1].end
	i := end
	for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == '\t') {
		i++
	}
	q := d.quoteAt(i)
	if q < 0 || d.qs[q].Start != i || d.qs[q].Kind != quote.Speech {
		return
	}
	// A quotation with a cue of its own after it (“...,” he added.) is
	// not part of this turn's run.
	var buf [16]token
	var after []token
	if in := strings.TrimSpace(d.qs[q].Inner.Text); !strings.HasSuffix(in, ".") && !strings.HasSuffix(in, "?") && !strings.HasSuffix(in, "!") {
		after = splitTokens(buf[:0], &d.lower, d.text, d.qs[q].End, min(len(d.text), d.qs[q].End+120), len(buf))
	}
	for _, t := range after {
		if isEnd(t) || t.kind == tQuote || t.text == "\n" {
			break
		}
		if t.kind == tWord && d.r.lex.Verbs(t.lower) != nil {
			return
		}
	}
	f := d.qs[q].Span()
	a.Spans = append(a.Spans, f)
	a.Extent = span.Of(d.text, a.Spans[0].Start, f.End)
}

// contentAfter sets the content to the clause after token after: the cue's
// complement, past an addressee ("told reporters that ...") and a colon.
func (d *doc) contentAfter(a *Attribution, v lexicon.Verb, after int) bool {
	toks := d.toks
	k := d.skipAddressee(a, v, after)
	// "urged voters to stay home": the one addressed is the subject of
	// the infinitive and opens the content.
	objStart := -1
	if !a.Addressee.Empty() && k < len(toks) && toks[k].lower == "to" && k+1 < len(toks) && toks[k+1].tag == "VB" {
		objStart = after
	}
	// "reported Saturday that ...": the adverbial is not content.
	if m := d.skipAdverbials(k); m > k && m < len(toks) && toks[m].lower == "that" {
		k = m
	}
	// "He said:" at the end of a paragraph, the quotation opening the next.
	if k == len(toks)-1 && toks[k].text == ":" {
		i := toks[k].end
		for i < len(d.text) && i-toks[k].end < 8 && (d.text[i] == ' ' || d.text[i] == '\n' || d.text[i] == '\r' || d.text[i] == '\t') {
			i++
		}
		if q := d.quoteAt(i); q >= 0 && d.qs[q].Start == i {
			a.Extent = d.qs[q].Span()
			a.Spans = []span.Span{a.Extent}
			a.Rule, a.Confidence = RuleSpeakerCueColon, 0.8
			return true
		}
	}
	// "saying during the debate, “...”": an adverbial before the quotation.
	if m := d.skipAdverbials(k); m > k && d.quoteFollows(m) {
		k = m
	}
	if k < len(toks) && (toks[k].text == ":" || isComma(toks[k]) && k+1 < len(toks) && d.isOpenQuote(k+1)) {
		if toks[k].text == ":" {
			a.Rule, a.Confidence = RuleSpeakerCueColon, 0.85
		} else {
			a.Rule, a.Confidence = RuleSpeakerCueQuote, 0.85
		}
		k++
		// The content is the quotation the cue introduces, and the
		// quotations that run on from it.
		if k < len(toks) && d.isOpenQuote(k) {
			q := d.qs[d.quoteAt(toks[k].start)]
			a.Extent, a.Spans = q.Span(), []span.Span{q.Span()}
			j := k
			for j < len(toks) && toks[j].start < q.End {
				j++
			}
			d.nextQuote(a, j)
			return true
		}
	}
	if k >= len(toks) || isComma(toks[k]) {
		return false
	}
	// "concludes with footage", "found in the attic": a preposition that
	// cannot open reported content.
	if toks[k].tag == "IN" && !contentPrepositions[toks[k].lower] {
		m := d.skipAdverbials(k)
		if m < len(toks) && isComma(toks[m]) {
			m++
		}
		if m == k || m >= len(toks) || toks[m].tag == "IN" && !contentPrepositions[toks[m].lower] || toks[m].tag == "VBG" || toks[m].tag == "VBN" {
			return false
		}
		k = m
	}
	// A preposition that a cue verb governs belongs to the cue: "asked
	// about X", "called for X", "warned of X".
	if k == after && k+1 < len(toks) && cuePrepositions[toks[k].lower] && toks[k].start >= a.Cue.End && !d.isOpenQuote(k) {
		a.Cue = span.Of(d.text, a.Cue.Start, toks[k].end)
		k++
	}
	// "support X", "oppose X": the content is the object noun phrase,
	// up to a verb, comma or subordinate clause of the sentence.
	if d.r.lex.TakesObject(v.Lemma) && toks[k].lower != "that" && !d.isOpenQuote(k) {
		e := d.clauseEnd(k)
		for j := k + 1; j < len(toks) && toks[j].start < e; j++ {
			tj := toks[j]
			if d.inQuote(j) {
				continue
			}
			switch {
			case tj.tag == "VBD" || tj.tag == "VBZ" || tj.tag == "VBP" || tj.tag == "MD",
				isComma(tj), objectBreaks[tj.lower], tj.tag == "WDT" || tj.tag == "WP":
				e = toks[j-1].end
			default:
				continue
			}
			break
		}
		if e <= toks[k].start {
			return false
		}
		a.Extent = span.Of(d.text, toks[k].start, e)
		a.Spans = []span.Span{a.Extent}
		return true
	}
	// chanted “What curfew?” and kept going: a quotation that is the
	// whole object.
	if d.isOpenQuote(k) {
		q := d.qs[d.quoteAt(toks[k].start)]
		j := k
		for j < len(toks) && toks[j].start < q.End {
			j++
		}
		in := strings.TrimSpace(q.Inner.Text)
		if j < len(toks) && (toks[j].tag == "CC" || toks[j].tag == "IN" || isComma(toks[j])) &&
			(strings.HasSuffix(in, "?") || strings.HasSuffix(in, "!") || strings.HasSuffix(in, ".")) {
			a.Extent, a.Spans = q.Span(), []span.Span{q.Span()}
			return true
		}
	}
	e := d.clauseEnd(k)
	if e <= toks[k].start {
		return false
	}
	if objStart >= 0 {
		k = objStart
	}
	c := span.Of(d.text, toks[k].start, e)
	if !hasWordChar(c.Text) {
		return false
	}
	a.Extent, a.Spans = c, []span.Span{c}
	return true
}

// clauseEnd returns the end offset of the clause that starts at token k:
// the sentence's end, or an earlier semicolon, dash, or a comma that opens
// another cue ("..., adding ...", "..., according to ...").
// lastComma reports whether no comma, quotation or dash follows token j
// before the sentence's end.
func (d *doc) lastComma(j int) bool { return d.lastBreak <= j }

func (d *doc) clauseEnd(k int) int {
	toks := d.toks
	end := len(toks)
	for j := k; j < len(toks); j++ {
		t := toks[j]
		if d.isOpenQuote(j) {
			// Skip the whole quotation; a comma inside its closing mark
			// may end the clause: “a terrible situation,” but ...
			q := d.qs[d.quoteAt(t.start)]
			for j+1 < len(toks) && toks[j+1].start < q.End {
				j++
			}
			in := strings.TrimSpace(q.Inner.Text)
			if j+1 < len(toks) && strings.HasSuffix(in, ",") && (clauseBreaks[toks[j+1].lower] || d.startsCue(j+1)) {
				end = j + 1
				break
			}
			// A sentence end inside the closing mark, before a capital:
			// ...doing it.” The official said ...
			if j+1 < len(toks) && (strings.HasSuffix(in, ".") || strings.HasSuffix(in, "?") || strings.HasSuffix(in, "!")) && toks[j+1].kind == tWord && isCapital(toks[j+1].text) {
				end = j + 1
				break
			}
			continue
		}
		// A full stop the sentence splitter did not take as an end.
		if t.text == "." && j > k && j+1 < len(toks) && (toks[j+1].kind == tWord && isCapital(toks[j+1].text) || d.isOpenQuote(j+1)) {
			end = j
			break
		}
		n := j + 1
		for n < len(toks) && n-j < 3 && toks[n].tag == "RB" {
			n++ // "and repeatedly says"
		}
		if t.lower == "and" && j > k && n < len(toks) && d.r.lex.Verbs(toks[n].lower) != nil && (toks[n].tag == "VBD" || toks[n].tag == "VBZ") ||
			t.lower == "but" && j > k && j+1 < len(toks) && (isVerbTag(toks[j+1].tag) || auxWords[toks[j+1].lower]) {
			end = j
			break
		}
		if t.kind == tDash && j > k {
			// A pair of dashes sets off an aside inside the clause: "a
			// rift -- mainly in cities -- with the police".
			m := j + 1
			for m < len(toks) && m-j < 25 && toks[m].kind != tDash && !isEnd(toks[m]) && toks[m].kind != tQuote {
				m++
			}
			if m < len(toks) && m-j < 25 && toks[m].kind == tDash && m+1 < len(toks) && toks[m+1].kind == tWord {
				j = m
				continue
			}
		}
		if t.text == ";" || t.kind == tDash && j > k {
			end = j
			break
		}
		// "..., a charge the party denied." at the clause's end: an
		// appositive the writer adds to the content's last noun phrase.
		if isComma(t) && j > k && j+2 < len(toks) && (toks[j+1].lower == "a" || toks[j+1].lower == "an") && d.lastComma(j) {
			end = j
			break
		}
		if isComma(t) && j+2 < len(toks) && (toks[j+1].lower == "and" || toks[j+1].lower == "but") && d.subjectCue(j+2) {
			// "..., and three-quarters said ...": a clause with a cue of
			// its own.
			end = j
			break
		}
		if isComma(t) && j+1 < len(toks) && (clauseBreaks[toks[j+1].lower] || d.startsCue(j+1) || toks[j+1].tag == "VBG" && !prepositionalVBG[toks[j+1].lower] ||
			toks[j+1].tag == "RB" && j+2 < len(toks) && toks[j+2].tag == "VBG") {
			end = j
			break
		}
	}
	// Trim trailing punctuation, keeping closing quote marks and
	// parentheses.
	for end > k {
		t := toks[end-1]
		if (t.kind == tPunct || t.kind == tDash) && t.text != ")" {
			end--
			continue
		}
		break
	}
	if end <= k {
		return toks[k].start
	}
	return toks[end-1].end
}

// startsCue reports whether token j opens another attribution: a gerund
// cue ("adding"), "according to", or a subject and cue that end the
// sentence ("..., the official said.").
func (d *doc) startsCue(j int) bool {
	t := d.toks[j]
	if t.lower == "according" {
		return true
	}
	if vs := d.r.lex.Verbs(t.lower); vs != nil && (t.tag == "VBG" || t.tag == "VBD" || t.tag == "VBZ") {
		return true
	}
	if ns, ne, ok := d.rightNP(j, false); ok && ns == j && ne < len(d.toks) {
		k := ne
		for k < len(d.toks) && auxWords[d.toks[k].lower] {
			k++
		}
		if k < len(d.toks) && d.r.lex.Verbs(d.toks[k].lower) != nil && isVerbTag(d.toks[k].tag) && d.tailEnds(k+1) {
			return true
		}
	}
	return false
}

// subjectCue reports whether a noun phrase that starts at token j is the
// subject of a finite cue verb right after it ("three-quarters said").
func (d *doc) subjectCue(j int) bool {
	ns, ne, ok := d.rightNP(j, false)
	if !ok || ns != j {
		return false
	}
	k := ne
	for k < len(d.toks) && k-ne < 3 && auxWords[d.toks[k].lower] {
		k++
	}
	if k >= len(d.toks) {
		return false
	}
	switch d.toks[k].tag {
	case "VBD", "VBZ", "VBP", "VBN":
		return d.r.lex.Verbs(d.toks[k].lower) != nil
	}
	return false
}

// skipAddressee returns the token after the addressee of an address verb
// ("told reporters that", "told Blinken."), and records it.
func (d *doc) skipAddressee(a *Attribution, v lexicon.Verb, after int) int {
	if v.Class != lexicon.Address || after >= len(d.toks) {
		return after
	}
	ns, ne, ok := d.rightNP(after, false)
	if !ok || ns != after {
		return after
	}
	k := d.skipAdverbials(ne)
	if k >= len(d.toks) || d.toks[k].lower == "that" || d.toks[k].text == ":" || isComma(d.toks[k]) || d.isOpenQuote(k) || isEnd(d.toks[k]) || d.toks[k].lower == "to" || v.Lemma == "tell" {
		a.Addressee = span.Of(d.text, d.toks[ns].start, d.toks[ne-1].end)
		return k
	}
	return after
}

// skipAdverbials skips time and manner words after a cue ("on Tuesday", "in
// an interview").
func (d *doc) skipAdverbials(k int) int {
	n := 0
	for k < len(d.toks) && n < 10 {
		t := d.toks[k]
		switch {
		case adverbialWords[t.lower] && t.lower != "to" && t.tag != "IN" || t.tag == "CD" || t.tag == "NNP" && n > 0:
			k++
			n++
		case (t.tag == "IN" || t.tag == "TO") && t.lower != "that":
			// A prepositional phrase: "to the crowd", "in an interview".
			ns, ne, ok := d.rightNP(k+1, false)
			if !ok || ns != k+1 || ne-k > 8 {
				return k
			}
			n += ne - k
			k = ne
		default:
			return k
		}
	}
	return k
}

// tailEnds reports whether the sentence ends at token k, after adverbials
// at most, or goes on past a comma.
func (d *doc) tailEnds(k int) bool {
	k = d.skipAdverbials(k)
	if k >= len(d.toks) {
		return true
	}
	// A comma inside the closing mark of a name in quote marks:
	// “Growth Project,” giving ...
	if k > 0 && d.isCloseQuote(k-1) {
		if q := d.quoteAt(d.toks[k-1].start); q >= 0 && strings.HasSuffix(strings.TrimSpace(d.qs[q].Inner.Text), ",") {
			return true
		}
	}
	t := d.toks[k]
	return isEnd(t) || isComma(t) || t.kind == tQuote && !d.isOpenQuote(k) || t.kind == tDash || t.text == ":" && k+1 < len(d.toks) && d.isOpenQuote(k+1)
}

// leftNP returns the first token of the subject noun phrase that ends just
// before token end, with an appositive or relative clause between them
// ("Hugh Hill, a doctor, said").
func (d *doc) leftNP(end int) (int, bool) {
	if end <= 0 {
		return 0, false
	}
	toks := d.toks
	j := end - 1
	if isComma(toks[j]) || toks[j].kind == tDash {
		return d.appositive(j)
	}
	if toks[j].kind == tWord && (pronouns[toks[j].lower] || toks[j].lower == "that" && toks[j].tag == "WDT") {
		return j, true
	}
	k := j
	if toks[j].text == ")" {
		// "Rep. John Mica (R-Fla.)"
		m := j - 1
		for m > 0 && j-m < 10 && toks[m].text != "(" {
			m--
		}
		if m < 1 || toks[m].text != "(" {
			return 0, false
		}
		k = m - 1
	}
	// A participle right before the cue, after a noun, can only modify
	// the noun: "voters polled said", "the people interviewed said".
	if k == end-1 && k >= 1 && (toks[k].tag == "VBN" || toks[k].tag == "VBD") && hasSuffixFold(toks[k].text, "ed") &&
		(toks[k-1].tag == "NNS" || toks[k-1].tag == "NNP" || toks[k-1].tag == "NNPS" || toks[k-1].tag == "NN") {
		k--
	}
	// A quantifier stands as a whole subject: "Several said", "Most
	// believe".
	if k == end-1 && quantifiers[toks[k].lower] {
		return k, true
	}
	// A name the tagger reads as an adverb for its "-ly": "Jolly said".
	name := toks[k].tag == "RB" && isCapital(toks[k].text) && !auxWords[toks[k].lower] && hasSuffixFold(toks[k].text, "ly") && k+1 == end
	if toks[k].kind != tWord || !isNounTag(toks[k].tag) && !(toks[k].tag == "JJ" && k > 0 && toks[k-1].tag == "DT") && !name {
		return 0, false
	}
	for k > 0 && j-k < 25 {
		p := toks[k-1]
		if p.kind == tWord && (isNPTag(p.tag) || p.tag == "VBN" && isNounTag(toks[k].tag)) && !(p.tag == "DT" && (p.lower == "that" || p.lower == "which")) {
			k--
			continue
		}
		if p.text == "/" && k >= 2 && toks[k-2].kind == tWord {
			k--
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
		if npConnectors[p.lower] && k >= 2 && toks[k-2].kind == tWord && p.lower != "in" {
			q := toks[k-2].tag
			ok := isNounTag(q) && q != "PRP"
			r := toks[k].tag
			switch p.lower {
			case "of":
				if d.gerund {
					ok = false
					break
				}
				ok = ok || q == "DT" || q == "JJ" || q == "JJS"
			case "and", "&":
				ok = (q == "NNP" || q == "NNPS") && (r == "NNP" || r == "NNPS" || r == "JJ" || r == "DT") ||
					(q == "NN" || q == "NNS") && (r == "NN" || r == "NNS" || r == "JJ" || r == "NNP")
			}
			if ok {
				k--
				continue
			}
		}
		break
	}
	for k < j && (npConnectors[toks[k].lower] || toks[k].tag == "POS" || toks[k].text == ")") {
		k++
	}
	// A time phrase after a participle belongs to a reduced relative: "a
	// report released last year found".
	if k >= 2 && allAdverbial(toks[k:j+1]) && toks[k-1].tag == "VBN" && toks[k-2].kind == tWord && isNounTag(toks[k-2].tag) {
		if s, ok := d.leftNP(k - 1); ok {
			return s, true
		}
	}
	return k, true
}

// appositive reads "NAME, APPOSITIVE," before a cue, where comma is the
// index of the second comma, and returns the first token of NAME.
func (d *doc) appositive(comma int) (int, bool) {
	toks := d.toks
	k := comma - 1
	dash := toks[comma].kind == tDash
	for k >= 0 && comma-k < 40 && !(isComma(toks[k]) && !dash || dash && toks[k].kind == tDash) {
		if toks[k].kind == tQuote || isEnd(toks[k]) {
			return 0, false
		}
		k--
	}
	if k < 1 || k+1 >= comma || !isComma(toks[k]) && toks[k].kind != tDash {
		return 0, false
	}
	first := toks[k+1]
	rel := first.lower == "who" || first.lower == "whose" || first.lower == "which"
	prep := first.tag == "IN" || prepositionalVBG[first.lower] // ", at a briefing,", ", including X,"
	// A parenthetical adverb or participle clause: "Mr. Lee, however,
	// said", "Ms. Ray, speaking on the radio, said".
	paren := first.tag == "RB" || first.tag == "VBG"
	if !rel && !isNPTag(first.tag) && !prep && !paren {
		return 0, false
	}
	if !rel {
		for m := k + 1; m < comma; m++ {
			if l := toks[m].lower; l == "who" || l == "that" || l == "which" || l == "whose" {
				break
			}
			if isVerbTag(toks[m].tag) && toks[m].tag != "VBN" && toks[m].tag != "VBG" {
				return 0, false
			}
		}
	}
	if paren && !rel && !prep && !isNPTag(first.tag) {
		d.paren = k
	}
	s, ok := d.leftNP(k)
	if !ok || !isNounTag(toks[k-1].tag) && toks[k-1].text != ")" || pronouns[toks[k-1].lower] || first.tag == "IN" && toks[k-1].tag != "NNP" {
		return 0, false
	}
	// Stacked: "Michael Mulgrew, president of the union, which represents
	// teachers, said".
	if s > 1 && isComma(toks[s-1]) && toks[s].tag != "NNP" && toks[s-2].tag == "NNP" {
		if s2, ok := d.leftNP(s - 1); ok {
			return s2, true
		}
	}
	return s, true
}

// rightNP returns the noun phrase that starts at token k, with an
// appositive after it when appos is set ("the official, a spokesman for
// the department").
func (d *doc) rightNP(k int, appos bool) (int, int, bool) {
	toks := d.toks
	if k >= len(toks) {
		return 0, 0, false
	}
	if pronouns[toks[k].lower] && toks[k].lower != "who" && toks[k].lower != "which" {
		return k, k + 1, true
	}
	j := k
	noun := false
	for j < len(toks) && j-k < 25 {
		t := toks[j]
		// A title the tagger reads as an adverb between nouns: "Clinton
		// ally James Carville", "policy aide Jake Sullivan".
		title := t.kind == tWord && t.tag == "RB" && j > k && isNounTag(toks[j-1].tag) && j+1 < len(toks) && toks[j+1].tag == "NNP"
		if t.kind == tWord && (isNPTag(t.tag) || t.tag == "VBN" && j > k || title) && !(t.tag == "DT" && j > k && toks[j-1].tag != "IN" && !npConnectors[toks[j-1].lower]) {
			noun = noun || isNounTag(t.tag) || title
			// "the 46-year-old", "the elder": an adjective after a
			// determiner that ends the phrase stands as its head.
			if t.tag == "JJ" && j > k && toks[j-1].tag == "DT" && (j+1 == len(toks) || toks[j+1].kind != tWord) {
				noun = true
			}
			j++
			continue
		}
		if t.kind == tWord && (npConnectors[t.lower] || t.lower == "on" || t.lower == "with") && noun && j+1 < len(toks) && isNPTag(toks[j+1].tag) {
			if t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "with" {
				// "a source on the panel", but not "the official on Tuesday".
				if _, pe, ok := d.rightNP(j+1, false); !ok || allAdverbial(toks[j+1:pe]) || pe-j > 6 {
					break
				}
			}
			j++
			continue
		}
		if t.text == "/" && j > k && j+1 < len(toks) && toks[j+1].kind == tWord {
			j++
			continue
		}
		// A name in quote marks inside the phrase: "the authors of the
		// “Growth Project”".
		if j > k && d.isOpenQuote(j) {
			q := d.qs[d.quoteAt(t.start)]
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
	for j > k && (npConnectors[toks[j-1].lower] || toks[j-1].tag == "DT" || toks[j-1].tag == "POS" || toks[j-1].tag == "IN") {
		j--
	}
	if !noun || j == k {
		return 0, 0, false
	}
	// "said an official who asked not to be named": a relative clause
	// right after the noun phrase belongs to it.
	if appos && j < len(toks) && (toks[j].lower == "who" || toks[j].lower == "whose") {
		e := j + 1
		for e < len(toks) && !isEnd(toks[e]) && toks[e].kind != tQuote && toks[e].text != ";" && toks[e].kind != tDash && !isComma(toks[e]) {
			e++
		}
		if e > j+1 {
			return k, e, true
		}
	}
	if appos && j+1 < len(toks) && isComma(toks[j]) {
		n := toks[j+1]
		if n.lower == "who" || n.lower == "whose" || (isNPTag(n.tag) || n.tag == "RB" && j+2 < len(toks) && isNPTag(toks[j+2].tag)) && !d.startsCue(j+1) {
			e := j + 1
			for e < len(toks) && !isEnd(toks[e]) && toks[e].kind != tQuote && toks[e].text != ";" && toks[e].kind != tDash {
				if isComma(toks[e]) {
					// ", who ..." goes on; another comma ends the appositive.
					if e+1 < len(toks) && (toks[e+1].lower == "who" || toks[e+1].lower == "whose") && e+1 != j+1 {
						e++
						continue
					}
					// Stacked appositives run on to the sentence's end: "Ann
					// Lee, 32, of Ashby, a nurse."
					if e+1 < len(toks) && (isNPTag(toks[e+1].tag) || toks[e+1].lower == "of" || toks[e+1].lower == "from") && !d.startsCue(e+1) && d.stackEnds(e+1) {
						e++
						continue
					}
					break
				}
				e++
			}
			for e > j+1 && (toks[e-1].kind == tPunct) {
				e--
			}
			return k, e, true
		}
	}
	return k, j, true
}

// stackEnds reports whether the words from token k run to the sentence's
// end or a quotation with no verb of their own, as a stacked appositive does.
func (d *doc) stackEnds(k int) bool {
	for m := k; m < len(d.toks) && m-k < 30; m++ {
		t := d.toks[m]
		if isEnd(t) || t.kind == tQuote {
			return true
		}
		if t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" || t.tag == "MD" || t.tag == "VBG" || t.tag == "WP" || t.tag == "WDT" {
			return false
		}
	}
	return false
}

// accordingTo reads "According to SPEAKER, CLAUSE" and "CLAUSE, according
// to SPEAKER"; the cue is tokens [i, e].
func (d *doc) accordingTo(i, e int) (Attribution, int, bool) {
	toks := d.toks
	a := Attribution{Cue: span.Of(d.text, toks[i].start, toks[e].end), Rule: RuleAccordingTo, Confidence: 0.8}
	initial := i == 0 || i == 1 && toks[0].kind != tWord
	ns, ne, ok := d.rightNP(e+1, !initial)
	if !ok {
		return Attribution{}, 0, false
	}
	a.Speaker = span.Of(d.text, toks[ns].start, toks[ne-1].end)
	if initial {
		// According to X, CLAUSE.
		k := ne
		if k < len(toks) && isComma(toks[k]) {
			k++
		}
		if k >= len(toks) {
			return Attribution{}, 0, false
		}
		if ee := d.clauseEnd(k); ee > toks[k].start {
			c := span.Of(d.text, toks[k].start, ee)
			a.Extent, a.Spans = c, []span.Span{c}
			return a, ne - 1, true
		}
		return Attribution{}, 0, false
	}
	// CLAUSE, according to X.
	b := i - 1
	if b < 0 {
		return Attribution{}, 0, false
	}
	if isComma(toks[b]) {
		if !d.contentBefore(&a, b) {
			return Attribution{}, 0, false
		}
	} else {
		c := span.Of(d.text, toks[0].start, toks[b].end)
		a.Extent, a.Spans = c, []span.Span{c}
	}
	if ne < len(toks) && isComma(toks[ne]) && ne+1 < len(toks) && !isEnd(toks[ne+1]) {
		d.secondFragment(&a, ne+1)
	}
	return a, ne - 1, true
}

// colonCue reads "SPEAKER: “...”", a colon cue with no verb.
func (d *doc) colonCue(i int) (Attribution, int, bool) {
	toks := d.toks
	if i == 0 || i+1 >= len(toks) || i > 8 {
		return Attribution{}, 0, false
	}
	quoted := d.isOpenQuote(i + 1)
	first := 0
	if toks[0].kind == tQuote && !d.isOpenQuote(0) {
		first = 1 // a transcript line opened by a stray mark
	}
	if first >= i {
		return Attribution{}, 0, false
	}
	for j := first; j < i; j++ {
		if toks[j].kind != tWord || isVerbTag(toks[j].tag) {
			return Attribution{}, 0, false
		}
		// Without a quotation, only a name speaks: "PENCE: Well, ...".
		if !quoted && (!isCapital(toks[j].text) || i-first > 4) {
			return Attribution{}, 0, false
		}
	}
	// "Q:" and "A:" mark the turns of an interview transcript, not a
	// speaker.
	if !quoted && i-first == 1 && len(toks[first].text) == 1 {
		return Attribution{}, 0, false
	}
	// An editor's label is no speaker: "Correction:", "Source:",
	// "The Latest:".
	if !quoted && editorLabels[toks[i-1].lower] {
		return Attribution{}, 0, false
	}
	if !quoted {
		a := Attribution{
			Speaker: span.Of(d.text, toks[first].start, toks[i-1].end),
			Cue:     span.Of(d.text, toks[i].start, toks[i].end),
			Rule:    RuleSpeakerCueColon, Confidence: 0.5,
		}
		return d.clauseAfter(a, i)
	}
	s, ok := d.leftNP(i)
	if !ok || s != first {
		return Attribution{}, 0, false
	}
	a := Attribution{
		Speaker: span.Of(d.text, toks[first].start, toks[i-1].end),
		Cue:     span.Of(d.text, toks[i].start, toks[i].end),
		Rule:    RuleSpeakerCueColon, Confidence: 0.6,
	}
	q := d.qs[d.quoteAt(toks[i+1].start)]
	a.Extent = q.Span()
	a.Spans = []span.Span{a.Extent}
	return a, i, true
}

// allAdverbial reports whether every word of ts is a time or manner word
// ("Tuesday", "last week").
func allAdverbial(ts []token) bool {
	for _, t := range ts {
		if !adverbialWords[t.lower] {
			return false
		}
	}
	return true
}

func matchWords(ts []token, ws []string) bool {
	for k, w := range ws {
		if ts[k].lower != w {
			return false
		}
	}
	return true
}

// seemCue reads a verb of appearance at token i, whose source is the
// writer: "NP seems to VP", "NP appears ADJ", "NP seems like ...": the
// content is the clause from its subject, in two fragments around the cue;
// "It
// seems (ADJ) that CLAUSE": the content follows the cue. A seeming verb
// before "to" and a cue verb ("appeared to suggest") is left to that verb,
// and one with no such complement ("appeared on television") is no cue.
func (d *doc) seemCue(i int) (Attribution, int, bool) {
	toks := d.toks
	n := i + 1
	if n >= len(toks) || !isVerbTag(toks[i].tag) {
		return Attribution{}, 0, false
	}
	next := toks[n]
	switch {
	case next.lower == "to":
		if n+1 >= len(toks) || toks[n+1].tag != "VB" {
			return Attribution{}, 0, false
		}
		if vs := d.r.lex.Verbs(toks[n+1].lower); vs != nil && vs[0].Class != lexicon.Seeming {
			return Attribution{}, 0, false
		}
	case next.lower == "like" || next.lower == "that":
	case next.tag == "JJ" || next.tag == "JJR" || next.tag == "VBN" ||
		next.tag == "RB" && n+1 < len(toks) && (toks[n+1].tag == "JJ" || toks[n+1].tag == "VBN"):
	default:
		return Attribution{}, 0, false
	}
	cs := i
	for cs > 0 && i-cs < 3 && (auxWords[toks[cs-1].lower] && toks[cs-1].lower != "also" || toks[cs-1].tag == "MD") {
		cs--
	}
	a := Attribution{Cue: span.Of(d.text, toks[cs].start, toks[i].end), Rule: RuleSeem, Confidence: 0.5}
	if cs > 0 && toks[cs-1].lower == "it" && next.lower != "to" {
		// It seems (likely) that CLAUSE; "it seems like" is the cue.
		if next.lower == "like" && n+1 < len(toks) {
			a.Cue = span.Of(d.text, toks[cs].start, next.end)
			n++
		}
		e := d.clauseEnd(n)
		if e <= toks[n].start {
			return Attribution{}, 0, false
		}
		a.Extent = span.Of(d.text, toks[n].start, e)
		a.Spans = []span.Span{a.Extent}
		return a, i, true
	}
	ss, ok := d.clauseStart(cs)
	if !ok {
		return Attribution{}, 0, false
	}
	e := d.clauseEnd(n)
	for j := n; j < len(toks) && toks[j].start < e; j++ {
		if isComma(toks[j]) && !d.inQuote(j) {
			// "..., despite ...", "..., as ...": the seeming clause ends at
			// its first comma.
			e = toks[j-1].end
			break
		}
	}
	if e <= toks[n].start {
		return Attribution{}, 0, false
	}
	// The cue splits the content: [subject] seems [to VP].
	a.Extent = span.Of(d.text, toks[ss].start, e)
	a.Spans = []span.Span{span.Of(d.text, toks[ss].start, toks[cs-1].end), span.Of(d.text, toks[n].start, e)}
	return a, i, true
}

// clauseOpeners are the words that open a clause before its subject.
var clauseOpeners = map[string]bool{
	"that": true, "because": true, "while": true, "although": true, "though": true, "but": true,
	"when": true, "if": true, "since": true, "so": true, "whereas": true, "after": true, "before": true,
	"until": true, "unless": true, "whether": true, "where": true, "why": true, "once": true,
}

// clauseStart returns the first token of the clause whose verb group
// starts at token cs: the token after the sentence's start, a semicolon,
// colon, dash, comma or clause-opening word, past a relative clause set
// off by commas ("Both objections, which ..., seemed"). The clause must
// hold a noun or pronoun subject.
func (d *doc) clauseStart(cs int) (int, bool) {
	toks := d.toks
	k := cs
	for k > 0 && cs-k < 40 {
		p := toks[k-1]
		if isComma(p) && k < cs && (toks[k].lower == "which" || toks[k].lower == "who") {
			// the relative clause closes at this comma's partner: go on
			// past the comma that opened it.
			k--
			continue
		}
		if p.text == ";" || p.text == ":" || p.kind == tDash || isEnd(p) || p.kind == tQuote || clauseOpeners[p.lower] && p.tag != "DT" {
			break
		}
		if isComma(p) {
			// A comma that opens a relative clause or an appositive before
			// the verb is inside the subject.
			if m := d.relativeOpen(k, cs); m >= 0 {
				k = m
				continue
			}
			break
		}
		k--
	}
	if k >= cs || toks[k].kind != tWord {
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
// clause (", which ...,") opened at an earlier comma before token cs, the
// index of the token before that earlier comma; else -1.
func (d *doc) relativeOpen(k, cs int) int {
	toks := d.toks
	for m := k - 2; m > 0 && k-m < 30; m-- {
		if isComma(toks[m]) {
			if l := toks[m+1].lower; l == "which" || l == "who" {
				return m
			}
			return -1
		}
		if isEnd(toks[m]) || toks[m].kind == tQuote {
			return -1
		}
	}
	return -1
}

// surveyNouns name a poll whose findings a clause reports: "In a CNN
// poll, CLAUSE".
var surveyNouns = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true}

// inSurvey reads "In POLL, CLAUSE" at the start of a sentence, where POLL
// is a noun phrase headed by a survey noun: the poll is the source and
// "In" the cue, as with "According to".
func (d *doc) inSurvey(i int) (Attribution, int, bool) {
	toks := d.toks
	ns, ne, ok := d.rightNP(i+1, false)
	if !ok || ns != i+1 {
		return Attribution{}, 0, false
	}
	head := false
	for j := ns; j < ne; j++ {
		head = head || surveyNouns[toks[j].lower]
	}
	k := d.skipAdverbials(ne)
	if !head || k+1 >= len(toks) || !isComma(toks[k]) {
		return Attribution{}, 0, false
	}
	sp := span.Of(d.text, toks[ns].start, toks[k-1].end)
	// "In a poll, conducted in May, CLAUSE": a participle phrase or an
	// adverb set off by commas belongs to neither.
	if n := toks[k+1]; n.tag == "VBN" || n.tag == "RB" && k+2 < len(toks) && isComma(toks[k+2]) {
		m := k + 2
		for m < len(toks) && m-k < 20 && !isComma(toks[m]) && !isEnd(toks[m]) {
			m++
		}
		if m+1 >= len(toks) || !isComma(toks[m]) {
			return Attribution{}, 0, false
		}
		k = m
	}
	e := d.clauseEnd(k + 1)
	if e <= toks[k+1].start {
		return Attribution{}, 0, false
	}
	a := Attribution{
		Cue:     span.Of(d.text, toks[i].start, toks[i].end),
		Speaker: sp,
		Extent:  span.Of(d.text, toks[k+1].start, e),
		Rule:    RuleAccordingTo, Confidence: 0.6,
	}
	a.Spans = []span.Span{a.Extent}
	return a, k, true
}

var reflexives = map[string]bool{
	"myself": true, "yourself": true, "himself": true, "herself": true, "itself": true,
	"ourselves": true, "yourselves": true, "themselves": true, "oneself": true,
}

// questionWords open the content of a question: "asked whether ...".
var questionWords = map[string]bool{
	"whether": true, "if": true, "what": true, "who": true, "whom": true, "whose": true, "which": true,
	"why": true, "how": true, "when": true, "where": true, "about": true, "to": true,
}

// question reads the content of a passive or absolute "asked" whose cue is
// cue and whose complement starts at token k: an optional "by ASKER", time
// and place adverbials, then a question up to the first comma outside
// quotation marks ("Asked if it was fair, Lee said ...").
func (d *doc) question(cue span.Span, k int) (Attribution, bool) {
	toks := d.toks
	a := Attribution{Cue: cue, Rule: RuleSpeakerCueClause, Confidence: 0.5}
	if k < len(toks) && toks[k].lower == "by" {
		ns, ne, ok := d.rightNP(k+1, false)
		if !ok || ns != k+1 {
			return a, false
		}
		a.Speaker = span.Of(d.text, toks[ns].start, toks[ne-1].end)
		k = ne
		if k < len(toks) && isComma(toks[k]) && k+1 < len(toks) && toks[k+1].lower != "whether" && toks[k+1].lower != "if" {
			k++ // "by host Bill Maher, who ..., whether"
		}
	}
	if k < len(toks) && !questionWords[toks[k].lower] {
		k = d.skipAdverbials(k)
	}
	if k < len(toks) && isComma(toks[k]) {
		k++
	}
	if k >= len(toks) || !questionWords[toks[k].lower] && !d.isOpenQuote(k) && toks[k].text != ":" {
		return a, false
	}
	if toks[k].text == ":" || toks[k].lower == "about" {
		k++
	}
	if k >= len(toks) {
		return a, false
	}
	if d.isOpenQuote(k) {
		q := d.qs[d.quoteAt(toks[k].start)]
		a.Extent = q.Span()
		a.Spans = []span.Span{a.Extent}
		return a, true
	}
	e := d.clauseEnd(k)
	for j := k; j < len(toks) && toks[j].start < e; j++ {
		if isComma(toks[j]) && j > k && !d.inQuote(j) {
			e = toks[j-1].end
			break
		}
	}
	if e <= toks[k].start {
		return a, false
	}
	a.Extent = span.Of(d.text, toks[k].start, e)
	a.Spans = []span.Span{a.Extent}
	return a, true
}

// raised reads "NP is expected to VP", whose cue is tokens [cs, ce]: the
// content is the subject and the infinitive, in two fragments around the
// cue, with no speaker. A relative pronoun before the cue is the subject.
func (d *doc) raised(cs, ce int) (Attribution, bool) {
	toks := d.toks
	a := Attribution{Cue: span.Of(d.text, toks[cs].start, toks[ce].end), Rule: RulePassive, Confidence: 0.5}
	ss := cs - 1
	switch p := toks[cs-1]; {
	case p.lower == "who" || p.lower == "which" || p.lower == "that" && p.tag == "WDT":
	default:
		s, ok := d.clauseStart(cs)
		if !ok {
			return a, false
		}
		ss = s
	}
	n := ce + 1
	e := d.clauseEnd(n)
	if ss == cs-1 {
		// A relative clause ends at its comma.
		for j := n; j < len(toks) && toks[j].start < e; j++ {
			if isComma(toks[j]) && !d.inQuote(j) {
				e = toks[j-1].end
				break
			}
		}
	}
	if e <= toks[n].start {
		return a, false
	}
	a.Extent = span.Of(d.text, toks[ss].start, e)
	a.Spans = []span.Span{span.Of(d.text, toks[ss].start, toks[cs-1].end), span.Of(d.text, toks[n].start, e)}
	return a, true
}

// nounCue reads "POSSESSOR('s) NOUN that CLAUSE" at the noun of statement
// or belief at token i: "the senator's claim that ...", "his repeated
// warning that ...". The possessor is the speaker; the content is the
// clause with its "that".
func (d *doc) nounCue(i int) (Attribution, int, bool) {
	toks := d.toks
	prep := d.r.lex.NounObject(toks[i].lower)
	if i+2 >= len(toks) || !isNounTag(toks[i].tag) {
		return Attribution{}, 0, false
	}
	object := prep != "" && toks[i+1].lower == prep
	if !object && (toks[i+1].lower != "that" || !d.r.lex.Noun(toks[i].lower)) {
		return Attribution{}, 0, false
	}
	p := i - 1
	for p >= 0 && i-p <= 2 && toks[p].tag == "JJ" {
		p-- // "his repeated claim"
	}
	if p < 0 {
		return Attribution{}, 0, false
	}
	a := Attribution{Cue: span.Of(d.text, toks[i].start, toks[i].end), Rule: RuleSpeakerCueClause, Confidence: 0.5}
	switch {
	case toks[p].tag == "PRP$" && toks[p].lower != "its":
		a.Speaker = span.Of(d.text, toks[p].start, toks[p].end)
	case toks[p].tag == "POS" && p > 0:
		s, ok := d.leftNP(p)
		if !ok || s >= p {
			return Attribution{}, 0, false
		}
		a.Speaker = span.Of(d.text, toks[s].start, toks[p-1].end)
	default:
		return Attribution{}, 0, false
	}
	if object {
		// "her criticism of the plan": the object of the preposition is
		// the content, and the preposition joins the cue.
		ns, ne, ok := d.rightNP(i+2, false)
		if !ok || ns != i+2 {
			return Attribution{}, 0, false
		}
		a.Cue = span.Of(d.text, toks[i].start, toks[i+1].end)
		a.Extent = span.Of(d.text, toks[ns].start, toks[ne-1].end)
		a.Spans = []span.Span{a.Extent}
		return a, i + 1, true
	}
	return d.clauseAfter(a, i)
}

// clauseAfter completes a, whose cue ends at token i, with the clause after
// that token as its content; it fails when the clause is empty.
func (d *doc) clauseAfter(a Attribution, i int) (Attribution, int, bool) {
	e := d.clauseEnd(i + 1)
	if e <= d.toks[i+1].start {
		return Attribution{}, 0, false
	}
	a.Extent = span.Of(d.text, d.toks[i+1].start, e)
	a.Spans = []span.Span{a.Extent}
	return a, i, true
}

// byAgent reads "SUBJECT was VERBed by AGENT", whose verb group is tokens
// [cs, ce] and "by" token ce+1: the cue runs to "by", the agent is the
// speaker and the subject the content. It returns the agent's last token.
func (d *doc) byAgent(cs, ce int) (Attribution, int, bool) {
	toks := d.toks
	passive := false
	for m := cs; m < ce; m++ {
		switch toks[m].lower {
		case "is", "are", "was", "were", "be", "been", "being":
			passive = true
		}
	}
	if !passive {
		return Attribution{}, 0, false
	}
	ns, ne, ok := d.rightNP(ce+2, false)
	if !ok || ns != ce+2 {
		return Attribution{}, 0, false
	}
	ss, ok := d.clauseStart(cs)
	if !ok || toks[ss].tag == "WDT" || toks[ss].tag == "WP" || toks[ss].tag == "PRP" {
		return Attribution{}, 0, false
	}
	se := cs
	if se > ss && isComma(toks[se-1]) {
		se--
	}
	if se <= ss {
		return Attribution{}, 0, false
	}
	a := Attribution{
		Cue:     span.Of(d.text, toks[cs].start, toks[ce+1].end),
		Speaker: span.Of(d.text, toks[ns].start, toks[ne-1].end),
		Extent:  span.Of(d.text, toks[ss].start, toks[se-1].end),
		Rule:    RuleClauseSpeakerCue, Confidence: 0.5,
	}
	a.Spans = []span.Span{a.Extent}
	return a, ne - 1, true
}
