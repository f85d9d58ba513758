package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameCues are words that, right before a capitalised quotation, show that
// it names something rather than quotes someone: a determiner or
// preposition heading a noun phrase (the “AUUKUS” alliance, on “Face the
// Nation”), a verb of naming (dubbed, titled), or the noun for a named work
// or thing (his book “Make Your Kid a Millionaire”).
var nameCues = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "on": true, "in": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true,
	"called": true, "dubbed": true, "named": true, "nicknamed": true, "nickname": true,
	"titled": true, "entitled": true, "labeled": true, "labelled": true, "branded": true,
	"book": true, "film": true, "movie": true, "show": true, "series": true, "program": true,
	"programme": true, "documentary": true, "album": true, "song": true, "anthem": true,
	"episode": true, "slogan": true, "hashtag": true, "column": true, "essay": true,
	"headline": true, "motto": true, "banner": true, "label": true, "brand": true,
	"operation": true, "newsletter": true, "podcast": true, "magazine": true, "blog": true,
	"commentary": true, "op-ed": true, "play": true, "novel": true, "memoir": true,
}

// scareCues mark the quotation after them as words held at a distance.
var scareCues = map[string]bool{"so-called": true, "quote-unquote": true, "supposed": true}

// titleFunctionWords may stay lower case in a capitalised title.
var titleFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true,
	"by": true, "from": true, "as": true, "vs": true, "vs.": true, "de": true, "la": true,
	"le": true, "du": true, "van": true, "von": true, "&": true,
}

// cueVerbs are verbs of saying whose appearance, with a comma, near the
// start of a quotation shows that the quote marks took in the attribution
// itself (a noisy scrape's misplaced marks).
var cueVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true,
	"asked": true, "asks": true, "explained": true, "noted": true, "notes": true,
	"stated": true, "states": true, "wrote": true, "writes": true, "continued": true,
	"insisted": true, "argued": true, "warned": true, "acknowledged": true, "agreed": true,
	"replied": true, "recalled": true, "suggested": true, "declared": true, "announced": true,
}

// subjectStarts open a third-person subject before a cue verb.
var subjectStarts = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "they": true, "it": true,
	"this": true, "that": true, "his": true, "her": true, "their": true,
}

// classify decides q.Kind, q.Score and q.Reason from the quoted words and
// the words around the marks.
func classify(t string, q *Quote) {
	in := q.Inner.Text
	set := func(k Kind, score float64, why string) { q.Kind, q.Score, q.Reason = k, score, why }
	if q.Open == "—" || q.Open == "–" || q.Open == "―" {
		set(Speech, 0.7, ReasonDialogue)
		return
	}
	if q.Start > 0 && t[q.Start-1] == '=' {
		set(NotSpeech, 0.02, ReasonMarkup)
		return
	}
	if !hasLetter(in) {
		set(NotSpeech, 0.05, ReasonNoWords)
		return
	}
	pw, pstart := prevWord(t, q.Start)
	pwl := strings.ToLower(strings.TrimRight(pw, ",:;"))
	if scareCues[pwl] {
		set(NotSpeech, 0.2, ReasonScare)
		return
	}
	if attributionInside(in) {
		set(NotSpeech, 0.1, ReasonGarbled)
		return
	}
	nw := nextWord(t, q.End)
	if nameLike(in) && wholeParagraph(t, q.Start, q.End) {
		set(NotSpeech, 0.15, ReasonHeading)
		return
	}
	if n := words(in); n == 1 && closedClass[strings.ToLower(trimWord(in))] {
		set(NotSpeech, 0.1, ReasonMention)
		return
	} else if n <= 3 && attributive(in, nw) {
		set(NotSpeech, 0.2, ReasonScare)
		return
	}
	if nameLike(in) {
		switch {
		case isCapWord(pw) && isCapWord(nw) && !strings.ContainsAny(pw, ".,:;") && words(in) == 1 && !sentenceStart(t, pstart):
			set(NotSpeech, 0.1, ReasonNickname)
			return
		case nameCues[pwl], possessive(pw), isYear(pw), pwl == "as" && knownAs(t, pstart):
			set(NotSpeech, 0.15, ReasonName)
			return
		}
	}
	score := 0.9
	if words(in) == 1 {
		score = 0.7
	}
	if !q.Closed {
		score = 0.5
	}
	if q.Depth > 0 {
		score *= 0.8
	}
	set(Speech, score, ReasonSpeech)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// prevWord returns the word (with its punctuation) that ends before
// offset i, and its start.
func prevWord(t string, i int) (string, int) {
	e := i
	for e > 0 {
		w := spaceBefore(t, e)
		if w == 0 {
			break
		}
		e -= w
	}
	s := e
	for s > 0 && e-s < 40 && spaceBefore(t, s) == 0 {
		s--
	}
	for s < e && !utf8.RuneStart(t[s]) {
		s++
	}
	return t[s:e], s
}

// nextWord returns the word (with its punctuation) that starts after
// offset i.
func nextWord(t string, i int) string {
	for i < len(t) {
		w := spaceAt(t, i)
		if w == 0 {
			break
		}
		i += w
	}
	e := i
	for e < len(t) && e-i < 40 && spaceAt(t, e) == 0 {
		e++
	}
	for e > i && e < len(t) && !utf8.RuneStart(t[e]) {
		e--
	}
	return t[i:e]
}

// sentenceStart reports whether the word at s opens a sentence.
func sentenceStart(t string, s int) bool {
	for s > 0 {
		w := spaceBefore(t, s)
		if w == 0 {
			break
		}
		s -= w
	}
	if s == 0 {
		return true
	}
	c := t[s-1]
	return c == '.' || c == '!' || c == '?' || c == '\n'
}

// isCapWord reports whether w starts with an upper-case letter.
func isCapWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// possessive reports whether w ends in 's or s' (MSNBC’s “Morning Joe”).
func possessive(w string) bool {
	w = strings.TrimRight(w, ",")
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") ||
		strings.HasSuffix(w, "s'") && len(w) > 2
}

// isYear reports whether w is a four-digit number (his 1994 “Contract
// with America”).
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// knownAs reports whether the word before s is "known" (known as).
func knownAs(t string, s int) bool {
	w, _ := prevWord(t, s)
	return strings.EqualFold(w, "known")
}

func trimWord(w string) string {
	return strings.Trim(w, ",.;:!?()[]\"'“”‘’«»")
}

// words counts the words of s, up to 100.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if trimWord(w) != "" {
			n++
			if n >= 100 {
				break
			}
		}
	}
	return n
}

// nameLike reports whether s reads as a name or title: at most eight
// words, each capitalised or a number, save the function words a title
// leaves in lower case; the first word capitalised or a number.
func nameLike(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) == 0 || len(s) > 80 {
		return false
	}
	n := 0
	for _, w := range strings.Fields(s) {
		w = trimWord(w)
		if w == "" {
			continue
		}
		if n == 8 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r), unicode.IsDigit(r):
		case n > 0 && titleFunctionWords[w]:
		default:
			return false
		}
		n++
	}
	if n == 0 {
		return false
	}
	// A title holds one sentence at most.
	if i := strings.Index(s, ". "); i >= 0 && i < len(s)-2 {
		return false
	}
	return true
}

// attributionInside reports whether s, quoted, begins with an attribution
// of its own: a third-person subject and a verb of saying followed by a
// comma ("the official said, adding that ..."), the inverted order ("said
// the official, ..."), or "according to". Real quotations seldom open so;
// misplaced marks in a scrape do.
func attributionInside(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	var ws [7]string
	n := 0
	rest := s
	for n < len(ws) {
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			break
		}
		e := strings.IndexByte(rest, ' ')
		if e < 0 {
			e = len(rest)
		}
		ws[n] = rest[:e]
		rest = rest[e:]
		n++
	}
	if n >= 2 && ws[0] == "according" && strings.HasPrefix(ws[1], "to") {
		return true
	}
	if cueVerbs[ws[0]] && n >= 2 && subjectStarts[ws[1]] {
		for k := 1; k < n && k <= 5; k++ {
			if strings.HasSuffix(ws[k], ",") {
				return true
			}
		}
		return false
	}
	if !subjectStarts[ws[0]] {
		return false
	}
	for k := 1; k < n && k <= 4; k++ {
		w := ws[k]
		if strings.HasSuffix(w, ",") && cueVerbs[w[:len(w)-1]] {
			return true
		}
	}
	return false
}

// closedClass are function words: prepositions, conjunctions, determiners,
// pronouns, auxiliaries and common adverbs. A quoted one is a word being
// talked about ("she" is a "he"); one after a quotation shows that the
// quotation does not modify a noun.
var closedClass = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those some any no every each all both either neither
	i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
	who whom whose which what where when why how whether if than then so as such
	and or nor but yet for because since while although though unless until till after before
	of in on at to from by with without within into onto upon about above below over under between among
	through during against toward towards across along around behind beyond near off out up down per via
	is are was were be been being am has have had having do does did will would shall should can could may might must
	not never also too very just only even still again ever here there now`) {
		closedClass[w] = true
	}
}

// attributive reports whether a short lower-case quotation stands before
// the noun it modifies (promoting “quack” medical cures, the
// “fact-checking” website): quote marks around a modifier hold the word at
// a distance rather than report it. next is the word after the closing
// mark; it must be a lower-case content word that continues the phrase.
func attributive(in, next string) bool {
	in = strings.TrimSpace(in)
	if in == "" || !(in[0] >= 'a' && in[0] <= 'z') {
		return false
	}
	if strings.ContainsAny(in[len(in)-1:], ".,;:!?") {
		return false
	}
	if next == "" || !(next[0] >= 'a' && next[0] <= 'z') {
		return false
	}
	w := strings.TrimRight(next, ".,;:!?)]")
	if w != next && w != strings.TrimRight(next, ")]") {
		return false // the phrase ends at the next word
	}
	if closedClass[w] || strings.HasSuffix(w, "ly") || len(w) < 3 {
		return false
	}
	return true
}

// wholeParagraph reports whether t[s:e] is its paragraph (or line) alone:
// a heading.
func wholeParagraph(t string, s, e int) bool {
	for s > 0 {
		w := spaceBefore(t, s)
		if w == 0 || t[s-1] == '\n' {
			break
		}
		s -= w
	}
	if s > 0 && t[s-1] != '\n' {
		return false
	}
	for e < len(t) {
		if t[e] == '\n' {
			return true
		}
		w := spaceAt(t, e)
		if w == 0 {
			return false
		}
		e += w
	}
	return true
}
