package attribution

import (
	"slices"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// quotes attributes the quotations of speech that no cue claimed: a
// quotation ended by a dash and a name, a continuation of the previous
// speaker's turn, or a bare quotation. rd.found is in order of content.
func (rd *reader) quotes() {
	qs := rd.w.qs
	claimed := make([]bool, len(qs))
	for _, a := range rd.found {
		for k := quoteAfter(qs, int(a.extent.start)); k < len(qs) && qs[k].Start < int(a.extent.end); k++ {
			claimed[k] = true
		}
	}
	n := len(rd.found) // the attributions of cues; the quotations' come after
	// The quotations that make an attribution: speech no cue claimed, but
	// not a short phrase in quotation marks that does not end as an
	// utterance (“fake news”, “a disaster”), which is a name or a scare
	// quote, not a turn of speech, unless a cue just before it or a dash
	// and a name after it claims it. They are found first, so that
	// rd.found grows once, to its final length: a text of many quotations
	// makes tens of thousands, which growing at the rate so far would
	// copy.
	makes := claimed[:0] // in its place: claimed[k] is read before makes[k] is set
	left := 0
	for k, q := range qs {
		m := !claimed[k] && q.Kind == quote.Speech && hasWordChar(q.Inner.Text) && len(q.Inner.Text) >= 3
		if m && isFragment(q.Inner.Text) && !rd.cueJustBefore(q.Start) {
			_, _, m = rd.dashSpeaker(*q)
		}
		makes = append(makes, m)
		if m {
			left++
		}
	}
	rd.found = slices.Grow(rd.found, left)
	rd.frags = slices.Grow(rd.frags, 2*left)
	for k, q := range qs {
		if !makes[k] {
			continue
		}
		a := Attribution{Extent: q.Span(), Type: Direct}
		if spk, cue, ok := rd.dashSpeaker(*q); ok {
			a.Speaker, a.Cue, a.Rule = spk, cue, RuleDashSpeaker
		} else if spk, cue, ok := rd.introducedBy(*q); ok {
			a.Speaker, a.Cue, a.Rule = spk, cue, RuleSpeakerVerbQuote
		} else if prev, ok := rd.turnBefore(*q, rd.found[:n]); ok {
			// The turn's speaker is the mention that opened it, as the one
			// cue reports the whole run of quotations.
			a.Rule, a.Speaker = RuleContinuation, prev.speaker.span(rd.w.text)
		} else {
			a.Rule = RuleQuote
		}
		a.Confidence = confidence[a.Rule]
		// In the reader's room, which keep copies from: a local array
		// would be moved to the heap for every quotation.
		rd.two = [2]span.Span{q.Span(), q.Inner}
		a.Spans, a.Quoted = rd.two[:1:1], rd.two[1:]
		rd.keep(&a)
	}
}

// introducedBy finds the subject and verb that introduce quotation q in
// its sentence when the verb is not a cue of the lexicon: "As John
// Cornyn put it: “...”", "Frank quotes the adviser: “...”". The verb is
// the last finite verb before the quotation (or a participle after a
// comma), outside quotation marks, with a subject before it.
func (rd *reader) introducedBy(q quote.Quote) (spk, cue span.Span, ok bool) {
	st, w := rd.st, &rd.w
	qt := st.At(q.Start)
	if qt >= st.Len() || int(st.Toks[qt].Start) != q.Start {
		return
	}
	sent := st.Sents[st.Toks[qt].Sent]
	if int(sent.First) >= qt {
		return // the quotation opens its sentence
	}
	w.load(st, int(sent.First), qt)
	if len(w.toks) == 0 || len(w.toks) >= maxSentenceTokens {
		return
	}
	w.tagAll(rd.tagger)
	for v := len(w.toks) - 1; v > 0 && len(w.toks)-v < 12; v-- {
		t := &w.toks[v]
		if t.kind == token.Quote || w.inQuote(v) {
			return
		}
		if !isFinite(t.tag) && !(t.tag == "VBG" && isComma(w.toks[v-1])) && !w.afterAuxiliary(v) || t.tag == "MD" || auxWords.has(t.lower) {
			continue
		}
		cs := v
		for cs > 0 && auxWords.has(w.toks[cs-1].lower) {
			cs--
		}
		var ss, se int
		if t.tag == "VBG" {
			ss, se, ok = w.subjectBefore(cs-1, false)
		} else {
			var stop int
			ss, stop, ok = w.leftNP(cs, false)
			se = cs
			if stop > ss && stop < se {
				se = stop
			}
		}
		if !ok || ss >= se {
			return span.Span{}, span.Span{}, false
		}
		sj := subject{ss: ss, se: se, ok: true}
		return w.speakerSpan(sj), span.Of(w.text, w.toks[cs].start, w.toks[v].end), true
	}
	return
}

// afterAuxiliary reports whether token v is a past participle after a
// form of "have" ("has delivered", "had adopted"): the main verb of an
// active verb group whose finite verb is the auxiliary. A form of "be"
// makes the group passive, whose subject is not the one who spoke.
func (w *window) afterAuxiliary(v int) bool {
	if w.toks[v].tag != "VBN" {
		return false
	}
	for j := v - 1; j >= 0 && auxWords.has(w.toks[j].lower); j-- {
		switch l := w.toks[j].lower; {
		case beForms.has(l):
			return false
		case haveForms.has(l):
			return true
		}
	}
	return false
}

// turnBefore returns the attribution of out, in order of content, whose
// turn quotation q continues: the closest one before it with a speaker,
// direct or mixed, that ends in the same paragraph or the one before.
func (rd *reader) turnBefore(q quote.Quote, out []found) (found, bool) {
	prev := -1
	js := sort.Search(len(out), func(i int) bool { return int(out[i].extent.start) >= q.Start }) - 1
	for j := js; j >= 0 && j >= js-8; j-- {
		if int(out[j].extent.end) <= q.Start {
			prev = j
			break
		}
	}
	if prev < 0 || out[prev].typ == Indirect || out[prev].speaker.end <= out[prev].speaker.start {
		return found{}, false
	}
	pp := paragraphOf(rd.sents, int(out[prev].extent.end)-1)
	qp := q.FirstParagraph
	if qp < 0 {
		qp = paragraphOf(rd.sents, q.Start)
	}
	return out[prev], qp-pp <= 1 && qp >= pp
}

// paragraphOf returns the paragraph of the sentence that holds byte
// offset off, or -1.
func paragraphOf(sents []sentence.Sentence, off int) int {
	i := sentence.Locate(sents, off)
	if i < 0 || i >= len(sents) {
		return -1
	}
	return sents[i].Paragraph
}

// isFragment reports whether the words of a quotation are a short phrase
// (fewer than four words) with no closing punctuation of an utterance, or
// a name of one or two words before the sentence's comma (“Bloodline,”).
func isFragment(inner string) bool {
	inner = strings.TrimRight(inner, " \t\n\u00a0")
	if inner == "" {
		return true
	}
	switch inner[len(inner)-1] {
	case '.', '?', '!', ':', ';':
		return false
	case ',':
		// “Bloodline,”: a title before the comma of the sentence; a turn
		// of speech that goes on after its comma has a cue.
		return words(inner) < 3
	}
	if strings.HasSuffix(inner, "…") || strings.HasSuffix(inner, "—") {
		return false
	}
	return words(inner) < 4
}

// cueJustBefore reports whether a cue verb is among the four words before
// byte offset off, within 48 bytes and in the same clause: a quotation
// that a verb of saying or naming introduces (called them “lone wolves”),
// or a noun that names words (the phrase “...”), is speech however short.
func (rd *reader) cueJustBefore(off int) bool {
	st := rd.st
	from := max(0, off-48)
	first := st.At(from) // the first token of the look-back
	n := 0
	for j := st.At(off) - 1; j >= first && n < 4; j-- {
		t := st.Toks[j]
		if t.Kind() != token.Word {
			if s := st.Str(j); s == "," || s == ":" {
				continue
			}
			return false
		}
		if j == first && from > 0 {
			return false // the token may cross the look-back's start
		}
		if st.Lex(j)&lexicon.VerbWord != 0 && rd.w.lex.Verbs(st.Lower(j)) != nil || n == 0 && wordNouns.has(st.Lower(j)) {
			return true
		}
		n++
	}
	return false
}

// dashSpeaker finds "“...” — Name" right after quotation q: a dash and up
// to six capitalised words (with "of") that end their line or sentence.
// A quotation that fills its paragraph may have them on the next line, as
// a quotation set apart is signed: “...”¶¶- Bernie Sanders.
func (rd *reader) dashSpeaker(q quote.Quote) (spk, cue span.Span, ok bool) {
	st, text := rd.st, rd.w.text
	k := st.At(q.End)
	if k >= st.Len() {
		return
	}
	dash := st.Toks[k].Kind() == token.Dash
	line := q.End // where the dash's line starts to be read
	ds := int(st.Toks[k].Start)
	if ds < q.End {
		return // a token across the quotation's end: no mark after it
	}
	if strings.IndexByte(text[q.End:ds], '\n') >= 0 {
		// A hyphen that opens the line is a dash too: "- Bernie Sanders".
		if !fillsParagraph(text, q) || !dash && st.Str(k) != "-" {
			return
		}
		line = ds
	} else if !dash {
		return
	}
	end := min(len(text), line+200)
	if i := strings.IndexByte(text[line:end], '\n'); i >= 0 {
		end = line + i
	}
	if int(st.Toks[k].End) > end {
		return
	}
	last := k
	for j := k + 1; j < st.Len() && j-k < 40 && int(st.Toks[j].End) <= end; j++ {
		last = j
	}
	j := k + 1
	for j <= last && (st.Toks[j].Kind() == token.Word && isCapital(st.Str(j)) || j > k+1 && st.Lower(j) == "of") {
		j++
		if j-1-k > 6 {
			return
		}
	}
	if j == k+1 {
		return
	}
	// The name must end its line or sentence.
	if j <= last && st.Toks[j].Kind() == token.Word {
		return
	}
	return span.Of(text, int(st.Toks[k+1].Start), int(st.Toks[j-1].End)), span.Of(text, int(st.Toks[k].Start), int(st.Toks[k].End)), true
}

// fillsParagraph reports whether quotation q is the whole of its
// paragraph: only white space between it and the line breaks around it,
// and a full stop at most after it.
func fillsParagraph(text string, q quote.Quote) bool {
	i := q.Start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i > 0 && text[i-1] != '\n' {
		return false
	}
	j := q.End
	if j < len(text) && text[j] == '.' {
		j++
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	return j == len(text) || text[j] == '\n'
}
