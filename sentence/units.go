package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lines and phrases that are sentences of their own though no full stop
// ends them: datelines, headings and list items. Every check here reads a
// bounded stretch of text.

// datelineEnd returns the end, dash included, of the dateline that opens
// the paragraph at i, or 0. A dateline names the place a story was filed
// from, in capitals, with an optional region or date and news agency, and a
// dash: "MILLBROOK —", "WASHINGTON (AP) —", "MANCHESTER, N.H. —",
// "PARIS, Oct. 5 (AP) —"; in title case only with an agency: "New York
// (AFP) –". A sentence follows it, opening with a capital, a digit or a
// quote mark.
func datelineEnd(lx *lexicon, text string, i int) int {
	const far, most = 80, 10
	lim := min(len(text), i+far)
	// Most paragraphs fail at once: a place opens with two capitals (or a
	// non-ASCII letter), or is in title case before an agency's bracket.
	if c := text[i]; c < utf8.RuneSelf && (c < 'A' || c > 'Z') || c >= utf8.RuneSelf && !startsUpper(text[i:]) {
		return 0
	}
	if c := text[i]; c < utf8.RuneSelf && (i+1 >= lim || text[i+1] < 'A' || text[i+1] > 'Z') && !titledBeforeBracket(text[i:lim]) {
		return 0
	}
	var words [most]string
	nw, p, end := 0, i, 0
	for nw < most && p < lim {
		for p < lim {
			if c := text[p]; c == '\n' || c == '\r' {
				return 0
			}
			w := spaceLen(text, p)
			if w == 0 {
				break
			}
			p += w
		}
		if p >= lim {
			return 0
		}
		if l := dashLen(text, p); l > 0 && nw > 0 {
			end = p + l
			break
		}
		q := p
		for q < lim && spaceLen(text, q) == 0 && (text[q] != 0xE2 || dashLen(text, q) == 0) {
			q++
		}
		if q == p {
			return 0
		}
		words[nw] = text[p:q]
		nw++
		p = q
	}
	if end == 0 || !sentenceAfterDash(text, p, end) {
		return 0
	}
	// The place, in capitals (or in title case before an agency); after a
	// comma, a region or date; last, an agency in brackets.
	k, title, agency := 0, false, false
	for k < nw && words[k][0] != '(' {
		w, comma := strings.CutSuffix(words[k], ",")
		switch upper, lower := letterCase(w); {
		case upper > 0 && lower == 0 && (k > 0 || upper >= 2):
		case upper > 0 && lower > 0 && startsUpper(w) && (k == 0 || title):
			title = true
		default:
			return 0
		}
		k++
		if comma {
			for r := 0; k < nw && words[k][0] != '(' && r < 3; r++ {
				if c := words[k][0]; !isDigit(c) && !startsUpper(words[k]) {
					return 0
				}
				k++
			}
			break
		}
	}
	if k == 0 {
		return 0
	}
	if k < nw {
		a, opened := strings.CutPrefix(words[k], "(")
		if a, closed := strings.CutSuffix(a, ")"); !opened || !closed || !lx.agency(a) {
			return 0
		}
		agency = true
		k++
	}
	if k != nw || title && !agency {
		return 0
	}
	return end
}

// titledBeforeBracket reports whether s has an opening bracket that only
// capitalised words come before ("New York (").
func titledBeforeBracket(s string) bool {
	k := strings.IndexByte(s, '(')
	if k < 2 || s[k-1] != ' ' {
		return false
	}
	for p := 1; p < k-1; p++ {
		if s[p] == ' ' && (s[p+1] < 'A' || s[p+1] > 'Z') {
			return false
		}
	}
	return true
}

// sentenceAfterDash reports whether a sentence follows the dash
// text[d:end]: white space, then a capital, a digit or an opening quote
// mark; or, after an em or en dash, a capital right away
// ("WASHINGTON—The").
func sentenceAfterDash(text string, d, end int) bool {
	p := end
	for c := 0; c < 4 && p < len(text); c++ {
		w := spaceLen(text, p)
		if w == 0 || text[p] == '\n' || text[p] == '\r' {
			break
		}
		p += w
	}
	if p >= len(text) || p == end && (text[d] == '-' || !startsUpper(text[p:])) {
		return false
	}
	if l, q := openerLen(text, p); l > 0 && q {
		return true
	}
	return isDigit(text[p]) || startsUpper(text[p:])
}

// agency reports whether w names a news agency: a short word in capitals
// (AP, AFP, CNN) or one of the agencies' names.
func (lx *lexicon) agency(w string) bool {
	if upper, lower := letterCase(w); lower == 0 && upper >= 2 && upper <= 8 && upper == len(w) {
		return true
	}
	return lx.agencies[w]
}

// letterCase counts the upper-case and lower-case letters of w, or returns
// 0, 0 when w holds a character that is neither a letter nor a full stop,
// hyphen or apostrophe.
func letterCase(w string) (upper, lower int) {
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return 0, 0
		}
	}
	return upper, lower
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// headingFar is the longest heading, in bytes, that runs into a quotation.
const headingFar = 80

// runInHeading returns the end of the heading that the current sentence
// opens with, when the double quote mark of l bytes at o opens a quotation
// it runs into; or 0. A short capitalised phrase with no punctuation, then
// a quotation that opens a sentence, ends with a comma, question or
// exclamation mark and is attributed after it, cannot be one sentence with
// it: “...,” Blinken said needs nothing before the quotation. Scrapes that
// lose a subheading's line break leave such phrases ("Holding the bag
// “There is now a very important opportunity ...,” Blinken said.").
func (sc *scanner) runInHeading(o, l int) int {
	const most = 8
	text := sc.text
	i := sc.start
	if i < 0 || o-i > headingFar || o-i < 4 || text[i] < 'A' || text[i] > 'Z' || text[o-1] != ' ' {
		return 0
	}
	q := o - 1 // the end of the phrase
	words := 1
	for p := i + 1; p < q; p++ {
		switch headingBytes[text[p]] {
		case 0:
			return 0
		case 2:
			if text[p-1] == ' ' {
				return 0
			}
			words++
		}
	}
	if words < 2 || words > most {
		return 0
	}
	// The phrase ends with a content word: not a preposition or determiner
	// ("chants of “Marco!”"), nor a possessive.
	last := text[strings.LastIndexByte(text[:q], ' ')+1 : q]
	if sc.functionWord(last) || strings.HasSuffix(last, "'s") {
		return 0
	}
	if sc.attributedQuote(o, l) && !sc.saying(text[i:q]) {
		return q
	}
	return 0
}

// headingBytes is 1 for the letters, digits, apostrophes and hyphens of a
// heading's words, 2 for the spaces between them, 0 for the rest.
var headingBytes = func() (t [256]uint8) {
	for c := range 256 {
		if isLetter(byte(c)) || isDigit(byte(c)) {
			t[c] = 1
		}
	}
	t['\''], t['-'], t[' '] = 1, 1, 2
	return t
}()

// saying reports whether one of the words of phrase is a verb of saying:
// "Blinken said “...”" is no heading.
func (sc *scanner) saying(phrase string) bool {
	for phrase != "" {
		w, rest, _ := strings.Cut(phrase, " ")
		if sc.lx.said(w) {
			return true
		}
		phrase = rest
	}
	return false
}

// functionWord reports whether w, capitalised, is a word that commonly
// opens a sentence: a pronoun, determiner, preposition, conjunction or
// auxiliary, which never ends a heading.
func (sc *scanner) functionWord(w string) bool {
	if len(w) > 16 {
		return false
	}
	var b [16]byte
	copy(b[:], w)
	if 'a' <= b[0] && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return sc.lx.starters[string(b[:len(w)])]
}

// attributedQuote reports whether the double quote mark of l bytes at o
// opens a quoted sentence (a capital follows it) that ends with a comma,
// question or exclamation mark before its closing mark, on the same line,
// and is followed by an inverted attribution that ends its clause.
func (sc *scanner) attributedQuote(o, l int) bool {
	const far = 1000
	text := sc.text
	n := len(text)
	if o+l >= n || !startsUpper(text[o+l:]) {
		return false
	}
	backticks := l == 2
	lim := min(n, o+far)
	for p := o + l; p < lim; p++ {
		c := text[p]
		if !quoteScanBytes[c] {
			continue
		}
		cl := 0
		switch {
		case c == '\n':
			return false
		case c == '"' && !backticks:
			cl = 1
		case c == '\'' && backticks && hasAt(text, p, "''"):
			cl = 2
		case c == 0xE2 && !backticks && hasAt(text, p, "”"):
			cl = 3
		case c == 0xE2 && hasAt(text, p, "“"), c == '`':
			return false // another quotation opens first
		}
		if cl > 0 {
			// The first closing mark: it must follow , ? or !.
			if b := text[p-1]; b != ',' && b != '?' && b != '!' {
				return false
			}
			e := sc.inverted(p + cl)
			return e >= 0 && clauseEnd(text, e)
		}
	}
	return false
}

// quoteScanBytes are the bytes attributedQuote stops at: the line feed
// and the first bytes of the quote marks.
var quoteScanBytes = [256]bool{'\n': true, '"': true, '\'': true, '`': true, 0xE2: true}

// clauseEnd reports whether the attribution that ends at e (with its verb)
// ends its clause: a full stop, comma or other punctuation, or a
// preposition, follows, not the object of the verb ("Blinken said." but
// not "Rubio said that ..."), so the quotation before it is what was said.
func clauseEnd(text string, e int) bool {
	if e >= len(text) || text[e-1] == '.' {
		return true
	}
	switch text[e] {
	case ',', ';', ':', '!', '?', '\n', '\r', ')':
		return true
	case ' ':
		q := e + 1
		for q < len(text) && q-e < 8 && isLetter(text[q]) {
			q++
		}
		switch text[e+1 : q] {
		case "in", "on", "at", "during", "after", "before", "from", "with", "while", "when", "as", "to":
			return true
		}
	}
	return false
}

// headingLine reports whether the line that the current sentence opens and
// that ends at the line break at i is a heading over the line at j: a short
// capitalised line with no final punctuation, a capitalised sentence after
// it, and a break that the width of the text did not force (the next
// line's first word would have fit on it, as the next line shows).
func (sc *scanner) headingLine(i, j int) bool {
	const far, most = 80, 10
	text := sc.text
	s := sc.start
	if s != sc.lineStart || i-s > far+8 || j >= len(text) {
		return false
	}
	e := i
	for e > s {
		w := lastSpaceLen(text[s:e])
		if w == 0 {
			break
		}
		e -= w
	}
	line := text[s:e]
	if line == "" || !startsUpper(line) || strings.Count(line, " ") >= most {
		return false
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':', '!', '?', '-':
		return false
	}
	if e-3 >= s && dashLen(text, e-3) == 3 {
		return false // "PARIS —" on a line of its own
	}
	if nx := sc.peek(j); nx.kind != kindUpper && nx.kind != kindDigit {
		return false
	}
	word := 0
	for word < len(text)-j && word < far && spaceLen(text, j+word) == 0 {
		word++
	}
	need := len(line) + 1 + word
	k := j
	for k < len(text) && k-j < need && text[k] != '\n' && text[k] != '\r' {
		k++
	}
	return k-j >= need
}

// listLine reports whether the line at j opens with a list marker: a
// bullet, a hyphen, asterisk or plus sign and a space, or an enumerator
// ("1.", "2)", "a)").
func listLine(text string, j int) bool {
	if bulletLen(text, j) > 0 {
		return true
	}
	switch text[j] {
	case '-', '*', '+':
		return j+1 < len(text) && text[j+1] == ' '
	}
	_, _, _, ok := enumerator(text, j)
	return ok
}

// endsClause reports whether text[s:i] ends, past white space and closing
// marks, with a colon or a sentence's final punctuation: what may come
// before a list.
func endsClause(text string, s, i int) bool {
	for i > s {
		if w := lastSpaceLen(text[s:i]); w > 0 {
			i -= w
		} else if l := closerBefore(text, i); l > 0 {
			i -= l
		} else {
			break
		}
	}
	if i <= s {
		return false
	}
	switch text[i-1] {
	case ':', '.', '!', '?':
		return true
	}
	return false
}
