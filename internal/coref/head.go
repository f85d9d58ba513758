package coref

import "github.com/whosaid/whosaid/internal/token"

// headBreak reports whether the lower-case word w ends the head's part of
// a noun phrase: a preposition, a relative pronoun or a word that opens a
// post-modifier ("a spokesman for the Justice Department", "people
// familiar with the talks", "officials who asked").
func headBreak(w string) bool {
	switch w {
	case "for", "of", "at", "from", "with", "in", "on",
		"to", "under", "who", "which", "that", "whose",
		"close", "familiar", "including", "like", "such",
		"by", "about", "over", "against", "among", "during":
		return true
	}
	return false
}

// headSkip reports whether the lower-case word w, last before a
// post-modifier, is not the head: an adverb, an emphatic pronoun or a
// quantifier after the noun ("the officials themselves", "Obama too",
// "the leaders both"), or "Jr." and "Sr." after a surname.
func headSkip(w string) bool {
	switch w {
	case "there", "here", "too", "also", "themselves", "himself", "herself", "alone", "both", "all", "jr.", "sr.":
		return true
	}
	return false
}

// Head returns the head word of the noun phrase held by the tokens
// [first, end) of s, a speaker mention as the attribution stage finds it,
// and cut, where the head's part of the phrase ends: the first word of a
// post-modifier (a preposition, a relative pronoun, or any word after a
// comma, an opening bracket or an em dash), or end when there is none.
// The head is the last word before cut that is not an adverb or an
// emphatic pronoun:
//
//	[a spokesman for the Justice Department]  spokesman
//	[Hugh Hill, a doctor,]                    Hill
//	[the officials themselves]                officials
//	[Biden's spokesman]                       spokesman
//
// Words are read as [Resolve] reads them: a clitic is part of the word
// before it, so that "[Biden's]" has "Biden", and so is the rest of a word
// the stream cut at a full stop ("[the F.B.I.]", "[Outsports.com]"). inName, when not nil, reports whether word token i continues a
// proper name that starts before it; such a word never ends the head's
// part ("[the Bank of America spokesman]" has "spokesman" when inName
// holds of "of" and "America"). first must index a word token; head is
// first when no other word before cut can be the head.
func Head(s *token.Stream, first, end int, inName func(i int) bool) (head, cut int) {
	cut = end
	mark := false // a comma, bracket or dash since the last word
	for i := first + 1; i < end; i++ {
		if s.Toks[i].Kind() != token.Word {
			switch s.Str(i) {
			case ",", "(", "—":
				mark = true
			}
			continue
		}
		if continues(s, i) {
			continue
		}
		if inName != nil && inName(i) {
			mark = false
			continue
		}
		if mark || headBreak(s.Lower(i)) {
			cut = i
			break
		}
	}
	head = wordBefore(s, first, cut)
	for head > first && headSkip(s.Lower(head)) {
		head = wordBefore(s, first, head)
	}
	return head, cut
}

// wordBefore returns the last word token before token i that does not
// continue the word before it, or first.
func wordBefore(s *token.Stream, first, i int) int {
	j := i - 1
	for j > first && (s.Toks[j].Kind() != token.Word || continues(s, j)) {
		j--
	}
	return max(j, first)
}
