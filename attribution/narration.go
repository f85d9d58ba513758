package attribution

import "github.com/whosaid/whosaid/internal/token"

// The narration around an attribution: the adverbials after a cue or a
// speaker, and whether what follows them ends the sentence or is the
// narration's own ("said Ann Lee when asked about it").

// skipAdverbials returns the token after the time and manner words that
// start at token k ("on Tuesday", "in an interview").
func (w *window) skipAdverbials(k int) int {
	n := 0
	for k < len(w.toks) && n < 10 {
		t := &w.toks[k]
		switch {
		case determiners.has(t.lower) && !(k+1 < len(w.toks) && adverbialWords.has(w.toks[k+1].lower)):
			// A determiner opens an adverbial only before a time or manner
			// noun ("this week"); "told CNN the plan was dead" goes on with
			// the content.
			return k
		case adverbialWords.has(t.lower) && t.lower != "to" && t.tag != "IN" || t.tag == "CD" || t.tag == "NNP" && n > 0:
			k++
			n++
		case (t.tag == "IN" || t.tag == "TO") && t.lower != "that":
			// A prepositional phrase: "to the crowd", "in an interview".
			ns, ne, ok := w.rightNP(k+1, false)
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

// tailEnds reports whether the sentence (or its clause, at a semicolon)
// ends at token k, after adverbials at most, or goes on past a comma.
func (w *window) tailEnds(k int) bool {
	k = w.skipAdverbials(k)
	if k >= len(w.toks) {
		return true
	}
	// A comma inside the closing mark of a name in quote marks:
	// “Growth Project,” giving ...
	if k > 0 && w.isCloseQuote(k-1) {
		if q := w.quoteAt(w.toks[k-1].start); q >= 0 && innerEnds(*w.qs[q], ",") {
			return true
		}
	}
	t := &w.toks[k]
	return isEnd(*t) || isComma(*t) || t.text == ";" || t.kind == token.Quote && !w.isOpenQuote(k) || t.kind == token.Dash || t.text == ":" && k+1 < len(w.toks) && w.isOpenQuote(k+1) || w.narrationTail(k)
}

// narrationTail reports whether the words from token k to the sentence's
// end (or a comma) are the narration's: a clause of time ("said Ann Lee
// when asked about it", "after the vote") or a phrase of prepositions and
// noun phrases with no verb ("said on a call with reporters", "told CNN
// in an interview"). A "that" or a verb ends a phrase of prepositions
// with what was said.
func (w *window) narrationTail(k int) bool {
	toks := w.toks
	t := &toks[k]
	if t.kind != token.Word || w.inQuote(k) {
		return false
	}
	clause := timeClauses.has(t.lower)
	if !clause && (t.tag != "IN" || t.lower == "that" || subordinators.has(t.lower)) {
		return false
	}
	for m := k + 1; m < len(toks); m++ {
		u := &toks[m]
		switch {
		case isEnd(*u) || isComma(*u) || u.text == ";":
			return m > k+1
		case u.kind == token.Quote:
			return false
		case !clause && (isVerbTag(u.tag) || u.lower == "that"):
			return false
		}
	}
	return true
}

// allAdverbial reports whether every word of ts is a time or manner word
// ("Tuesday", "last week").
func allAdverbial(ts []tok) bool {
	for _, t := range ts {
		if !adverbialWords.has(t.lower) {
			return false
		}
	}
	return true
}
