package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
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

// said reports whether w is a verb of saying in the past or third person
// ("said", "tells"), from the cue lexicon: with a comma near the start of a
// quotation, it shows that the quote marks took in the attribution itself
// (a noisy scrape's misplaced marks). Without the lexicon it knows none.
func said(w string) bool {
	lex, err := lexicon.Load()
	return err == nil && lex.Said(w)
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
	if q.Start > 0 && t[q.Start-1] == '=' || strings.HasPrefix(q.Close, "`") {
		// An attribute value (author="jack"), or code in backticks.
		set(NotSpeech, 0.02, ReasonMarkup)
		return
	}
	if !hasLetter(in) {
		set(NotSpeech, 0.05, ReasonNoWords)
		return
	}
	nwords := words(in)
	pw, pstart := prevWord(t, q.Start)
	pwl := strings.TrimRight(pw, ",:;")
	if fold.In(scareCues, pwl) {
		set(NotSpeech, 0.2, ReasonScare)
		return
	}
	if attributionInside(in) {
		set(NotSpeech, 0.1, ReasonGarbled)
		return
	}
	nw := nextWord(t, q.End)
	multi := q.Parts != nil
	named := !multi && nameLike(in)
	if !multi && (named || singleMark(q.Open) && shortPhrase(in)) && wholeParagraph(t, q.Start, q.End) {
		set(NotSpeech, 0.15, ReasonHeading)
		return
	}
	if nwords == 1 && fold.In(pronouns, trimWord(in)) {
		set(NotSpeech, 0.1, ReasonMention)
		return
	}
	if named && !headingLine(t, q.Start, q.End) {
		switch {
		case isCapWord(pw) && isCapWord(nw) && (initial(pw) || !strings.ContainsAny(pw, ".,:;")) && nwords == 1 && !sentenceStart(t, pstart):
			set(NotSpeech, 0.1, ReasonNickname)
			return
		case fold.In(nameCues, pwl), possessive(pw), isYear(pw), strings.EqualFold(pwl, "as") && knownAs(t, pstart):
			set(NotSpeech, 0.15, ReasonName)
			return
		case nwords > 1 && !sentenceStart(t, q.Start) && !speechLead(pw):
			// A capitalised phrase inside running text, not introduced as
			// speech, is a proper name or title (a bipartisan “Grand
			// Bargain”).
			set(NotSpeech, 0.2, ReasonName)
			return
		}
	}
	score := 0.9
	if nwords == 1 {
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

// trimWord trims punctuation and quote marks from both ends of w.
func trimWord(w string) string {
	for len(w) > 0 {
		if n := edgeMark(w, false); n > 0 {
			w = w[n:]
			continue
		}
		break
	}
	for len(w) > 0 {
		if n := edgeMark(w, true); n > 0 {
			w = w[:len(w)-n]
			continue
		}
		break
	}
	return w
}

// edgeMark returns the byte length of the punctuation or quote mark at the
// start (or end) of w, or 0.
func edgeMark(w string, end bool) int {
	var c byte
	if end {
		c = w[len(w)-1]
	} else {
		c = w[0]
	}
	switch c {
	case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'':
		return 1
	}
	if len(w) < 3 {
		return 0
	}
	m := w[:3]
	if end {
		m = w[len(w)-3:]
	}
	if m[0] == 0xE2 && m[1] == 0x80 && m[2] >= 0x98 && m[2] <= 0x9E {
		return 3
	}
	return 0
}

// fields calls f with each run of non-space bytes of s until f returns
// false.
func fields(s string, f func(w string) bool) {
	i := 0
	for i < len(s) {
		if w := spaceAt(s, i); w > 0 {
			i += w
			continue
		}
		j := i
		for j < len(s) {
			if c := s[j]; c > ' ' && c < 0x80 {
				j++
				continue
			}
			if spaceAt(s, j) > 0 {
				break
			}
			j++
		}
		if !f(s[i:j]) {
			return
		}
		i = j
	}
}

// words counts the words of s, up to 2: it tells one word from several.
func words(s string) int {
	n := 0
	fields(s, func(w string) bool {
		if trimWord(w) != "" {
			n++
		}
		return n < 2
	})
	return n
}

// nameLike reports whether s reads as a name or title: at most eight
// words, each capitalised or a number, save the function words a title
// leaves in lower case; the first word capitalised or a number.
func nameLike(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) == 0 || len(s) > 80 || s[0] >= 'a' && s[0] <= 'z' {
		return false
	}
	n, ok := 0, true
	fields(s, func(w string) bool {
		w = trimWord(w)
		if w == "" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case n == 8:
			ok = false
		case unicode.IsUpper(r), unicode.IsDigit(r):
		case n > 0 && titleFunctionWords[w]:
		default:
			ok = false
		}
		n++
		return ok
	})
	if !ok || n == 0 {
		return false
	}
	return oneSentence(s)
}

// oneSentence reports whether s holds no sentence end before its last
// word.
func oneSentence(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && (s[i+1] == ' ' || s[i+1] == '\n') {
			return false
		}
	}
	return true
}

// shortPhrase reports whether s is one sentence of at most ten words on one
// line: the size of a heading, not of a quoted speech.
func shortPhrase(s string) bool {
	if len(s) > 120 || strings.ContainsRune(s, '\n') || !oneSentence(strings.TrimSpace(s)) {
		return false
	}
	n := 0
	fields(s, func(string) bool { n++; return n <= 10 })
	return n <= 10
}

// attributionInside reports whether s, quoted, begins with an attribution
// of its own: a third-person subject and a verb of saying followed by a
// comma ("the official said, adding that ..."), the inverted order ("said
// the official, ..."), or "according to". Real quotations seldom open so;
// misplaced marks in a scrape do.
func attributionInside(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	var ws [7]string
	n := 0
	fields(s, func(w string) bool {
		ws[n] = w
		n++
		return n < len(ws)
	})
	if n >= 2 && ws[0] == "according" && strings.HasPrefix(ws[1], "to") {
		return true
	}
	if said(ws[0]) && n >= 2 && subjectStarts[ws[1]] {
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
		if strings.HasSuffix(w, ",") && said(w[:len(w)-1]) {
			return true
		}
	}
	return false
}

// pronouns quoted alone are words talked about, not words said ("she" is
// a "he"): the subject and object forms of internal/lexicon's personal
// pronouns, and the independent possessives of a gender, "his" and
// "hers".
var pronouns = lexicon.PronounSet(quotedPronoun)

// quotedPronoun reports whether p is one of [pronouns].
func quotedPronoun(p lexicon.Pronoun) bool {
	return p.Case&(lexicon.Subject|lexicon.Object) != 0 ||
		p.Case&lexicon.Independent != 0 && (p.Gender == lexicon.Masculine || p.Gender == lexicon.Feminine)
}

// headingLine reports whether the line that holds t[s:e] is a headline in
// title case: at least three words and none in lower case that a title
// would capitalise. Capitalised quotations there are no names.
func headingLine(t string, s, e int) bool {
	const far = 400
	for s > 0 && t[s-1] != '\n' {
		s--
		if e-s > far {
			return false
		}
	}
	for e < len(t) && t[e] != '\n' {
		e++
		if e-s > 2*far {
			return false
		}
	}
	n, lower := 0, 0
	fields(t[s:e], func(w string) bool {
		w = trimWord(w)
		if w == "" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			return true
		}
		n++
		if unicode.IsLower(r) && !titleFunctionWords[w] {
			lower++
		}
		return lower == 0
	})
	return n >= 3 && lower == 0
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

// initial reports whether w is an initial such as "C.".
func initial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// speechLead reports whether the word before a quotation introduces
// speech: it ends with a colon or comma, or is a verb of saying.
func speechLead(w string) bool {
	if w == "" || strings.HasSuffix(w, ":") || strings.HasSuffix(w, ",") || strings.HasSuffix(w, "—") {
		return true
	}
	return said(w) || fold.In(leadVerbs, w)
}

// leadVerbs introduce a quotation without being forms that [said]
// accepts: base forms and gerunds of the lexicon's verbs of saying ("say",
// "chanting"), and "posted", which the lexicon does not hold. A form that
// said accepts (tweeted, shouted, sang) is not repeated here.
var leadVerbs = map[string]bool{
	"say": true, "tell": true, "ask": true, "add": true, "write": true,
	"saying": true, "telling": true, "adding": true, "declaring": true, "writing": true,
	"chanting": true, "shouting": true, "yelling": true, "singing": true, "reading": true,
	"posted": true,
}

// singleMark reports whether m is a single quote mark. Running text in
// English quotes with double marks; a paragraph that is only a quotation
// in single marks is a headline-style heading.
func singleMark(m string) bool { return m == "'" || m == "‘" || m == "’" || m == "‚" }
