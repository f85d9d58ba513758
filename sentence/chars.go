package sentence

// White space, quote marks, brackets and bullets, recognised byte by byte on
// UTF-8 text. Invalid UTF-8 never matches anything here, so it is content.

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func hasAt(text string, i int, s string) bool {
	return i >= 0 && len(text)-i >= len(s) && text[i:i+len(s)] == s
}

// spaces are the white space characters of more than one byte: no-break
// space, next line, Ogham space, the en quad to hair space, zero width
// space, line and paragraph separators, narrow no-break space, medium
// mathematical space, ideographic space and the byte order mark.
var spaces = [...]string{
	"\u00a0", "\u0085", "\u1680",
	"\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
	"\u2007", "\u2008", "\u2009", "\u200a", "\u200b", "\u2028", "\u2029",
	"\u202f", "\u205f", "\u3000", "\ufeff",
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	for _, s := range spaces {
		if string(r) == s {
			return true
		}
	}
	return false
}

// spaceLen returns the byte length of the white space character at text[i],
// or 0. It inlines: the multi-byte forms are read by multiSpaceLen.
func spaceLen(text string, i int) int {
	switch spaceFirst[text[i]] {
	case 0:
		return 0
	case 1:
		return 1
	}
	return multiSpaceLen(text, i)
}

// spaceFirst is 1 for the ASCII white space bytes and 2 for the first
// bytes of the multi-byte white space characters.
var spaceFirst = [256]uint8{
	' ': 1, '\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1,
	0xC2: 2, 0xE1: 2, 0xE2: 2, 0xE3: 2, 0xEF: 2,
}

// multiSpaceLen returns the byte length of the multi-byte white space
// character at text[i], or 0.
func multiSpaceLen(text string, i int) int {
	switch text[i] {
	case 0xC2: // U+0085, U+00A0
		if i+1 < len(text) && (text[i+1] == 0x85 || text[i+1] == 0xA0) {
			return 2
		}
	case 0xE2: // U+2000 to U+200B, U+2028, U+2029, U+202F; U+205F
		if i+2 < len(text) {
			switch b, d := text[i+1], text[i+2]; {
			case b == 0x80 && (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) && d >= 0x80,
				b == 0x81 && d == 0x9F:
				return 3
			}
		}
	case 0xE1: // U+1680
		if hasAt(text, i, "\u1680") {
			return 3
		}
	case 0xE3: // U+3000
		if hasAt(text, i, "\u3000") {
			return 3
		}
	case 0xEF: // U+FEFF
		if hasAt(text, i, "\ufeff") {
			return 3
		}
	}
	return 0
}

// lastSpaceLen returns the byte length of the white space character that
// ends text, or 0.
func lastSpaceLen(text string) int {
	n := len(text)
	if n == 0 {
		return 0
	}
	switch text[n-1] {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return 1
	case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b,
		0x9f, 0xa0, 0xa8, 0xa9, 0xaf, 0xbf:
		for _, s := range spaces {
			if hasAt(text, n-len(s), s) {
				return len(s)
			}
		}
	}
	return 0
}

// closers are the marks that close a quotation or a parenthesis; quoteCloser
// tells the quote marks.
var closers = [...]struct {
	s     string
	quote bool
}{
	{`"`, true}, {"'", true}, {")", false}, {"]", false}, {"}", false},
	{"\u201d", true}, {"\u2019", true}, {"\u00bb", true}, {"\u203a", true},
	{"\u300d", true}, {"\u300f", true},
}

// openers are the marks that open a quotation or a parenthesis.
var openers = [...]struct {
	s     string
	quote bool
}{
	{`"`, true}, {"'", true}, {"(", false}, {"[", false}, {"{", false},
	{"\u201c", true}, {"\u2018", true}, {"\u00ab", true}, {"\u2039", true},
	{"\u201e", true}, {"\u300c", true}, {"\u300e", true},
}

// closerLen returns the byte length of the closing mark at text[i] and
// whether it is a quote mark, or 0.
func closerLen(text string, i int) (int, bool) {
	switch c := text[i]; c {
	case '"', '\'':
		return 1, true
	case ')', ']', '}':
		return 1, false
	case 0xE2: // ” ’ ›
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9D, 0x99, 0xBA:
				return 3, true
			}
		}
	case 0xC2, 0xE3:
		return markLen(text, i, closers[5:])
	}
	return 0, false
}

// openerLen returns the byte length of the opening mark at text[i] and
// whether it is a quote mark, or 0. A backtick opens a quotation in
// typewriter and TeX style, closed by one or two apostrophes.
func openerLen(text string, i int) (int, bool) {
	switch c := text[i]; c {
	case '"', '\'', '`':
		return 1, true
	case '(', '[', '{':
		return 1, false
	case 0xE2: // “ ‘ ‹ „
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x98, 0xB9, 0x9E:
				return 3, true
			}
		}
	case 0xC2, 0xE3:
		return markLen(text, i, openers[5:])
	}
	return 0, false
}

func markLen(text string, i int, marks []struct {
	s     string
	quote bool
}) (int, bool) {
	for _, m := range marks {
		if hasAt(text, i, m.s) {
			return len(m.s), m.quote
		}
	}
	return 0, false
}

// closerBefore returns the byte length of the closing mark that ends
// text[:i], or 0.
func closerBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	switch text[i-1] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0x9d, 0x99, 0xbb, 0xba, 0x8d, 0x8f:
		for _, m := range closers[5:] {
			if hasAt(text, i-len(m.s), m.s) {
				return len(m.s)
			}
		}
	}
	return 0
}

// openerBefore returns the byte length of the opening mark that ends
// text[:i], or 0.
func openerBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	switch text[i-1] {
	case '"', '\'', '`', '(', '[', '{':
		return 1
	case 0x8c, 0x8e, 0x98, 0x9c, 0x9e, 0xab, 0xb9:
		for _, m := range openers[5:] {
			if hasAt(text, i-len(m.s), m.s) {
				return len(m.s)
			}
		}
	}
	return 0
}

// bullets open the items of a list.
var bullets = [...]string{
	"\u2022", "\u2043", "\u2023", "\u25e6", "\u25aa", "\u25cf", "\u25a0", "\u2219",
}

// bulletLen returns the byte length of the bullet at text[i], or 0.
func bulletLen(text string, i int) int {
	if text[i] != 0xE2 {
		return 0
	}
	for _, b := range bullets {
		if hasAt(text, i, b) {
			return len(b)
		}
	}
	return 0
}

// edgeBytes classifies the last byte before a token: 1 for ASCII white
// space and opening marks, 2 for the last byte of a multi-byte white space
// or opening mark, 0 otherwise.
var edgeBytes = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\v\f\r\"'`([{") {
		t[c] = 1
	}
	for _, s := range spaces {
		t[s[len(s)-1]] = 2
	}
	for _, m := range openers[5:] {
		t[m.s[len(m.s)-1]] = 2
	}
	return t
}()

// tokenEdgeBefore reports whether text[:i] ends with white space or an
// opening mark, where a token starts. It checks one byte in the common case.
func tokenEdgeBefore(text string, i int) bool {
	switch edgeBytes[text[i-1]] {
	case 1:
		return true
	case 2:
		return lastSpaceLen(text[:i]) > 0 || openerBefore(text, i) > 0
	}
	return false
}

// dashLen returns the byte length of the dash at text[i]: an em dash, a
// horizontal bar, an en dash, or one or two hyphens; or 0.
func dashLen(text string, i int) int {
	switch text[i] {
	case '-':
		if hasAt(text, i, "--") {
			return 2
		}
		return 1
	case 0xE2:
		if hasAt(text, i, "\u2014") || hasAt(text, i, "\u2015") || hasAt(text, i, "\u2013") {
			return 3
		}
	}
	return 0
}
