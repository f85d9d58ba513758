package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote // a quote mark: “ ” " ‘ ’ ' « »
	tDash  // — – -- and a spaced hyphen
)

// token is a word or punctuation mark of a sentence, with byte offsets into
// the text.
type token struct {
	start, end int
	text       string
	lower      string
	tag        string
	kind       tokKind
	lex        lexicon.WordKind // what the lexicon knows of lower; set for the sentence read
}

// abbreviations that keep their full stop inside the token.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "st": true, "jr": true, "sr": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "prof": true, "rev": true, "pres": true, "sens": true, "reps": true,
	"adm": true, "del": true, "amb": true, "hon": true, "fr": true, "msgr": true, "supt.": false, "maj": true, "cmdr": true, "gens": true, "atty": true, "supt": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"calif": true, "fla": true, "ill": true, "mass": true, "conn": true, "penn": true, "wis": true,
	"mich": true, "ariz": true, "colo": true, "tenn": true, "ky": true, "va": true, "ga": true,
	"ala": true, "ore": true, "wash": true, "okla": true, "minn": true, "md": true, "mo": true,
	"nev": true, "ind": true, "inc": true, "corp": true, "co": true, "ltd": true, "vs": true, "no": false,
}

// clitics split off the end of a word, as the tagger expects.
var clitics = [...]string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// splitTokens appends the tokens of text[start:end] to dst, at most limit
// of them. Lower-case forms that differ from the word are written to lb. It
// never panics and costs one pass over the range.
func splitTokens(dst []token, lb *lowerBuf, text string, start, end, limit int) []token {
	n0 := len(dst)
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	i := start
	for i < end && len(dst)-n0 < limit {
		r, n := decodeIn(text, i, end)
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0' || r == '\u2009' || r == '\u200b' || unicode.IsSpace(r):
			i += n
		case isWordChar(r):
			j := i + n
			for j < end {
				r2, n2 := decodeIn(text, j, end)
				if isWordChar(r2) {
					j += n2
					continue
				}
				// Inner apostrophe, hyphen, full stop or comma between word
				// characters: "don't", "well-known", "U.S.", "1,000", "2.5".
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',' || r2 == '&' {
					if j+n2 < end {
						r3, _ := decodeIn(text, j+n2, end)
						if isWordChar(r3) && (r2 != ',' || isDigitRune(r3) && isDigitRune(lastRune(text[i:j]))) &&
							(r2 != '.' || isDigitRune(r3) || unicode.IsUpper(r3) && j-i <= 2) {
							j += n2
							continue
						}
					}
				}
				break
			}
			// A full stop that ends an abbreviation or initial belongs to it.
			if j < end && text[j] == '.' {
				w := text[i:j]
				tail := w
				for k := len(w) - 1; k > 0; k-- {
					if w[k] == '-' {
						tail = w[k+1:] // "R-Ky."
						break
					}
				}
				if j-i == 1 && w[0] >= 'A' && w[0] <= 'Z' || fold.In(abbrevs, tail) || containsByte(w, '.') {
					j++
				}
			}
			// Split clitics off the end.
			w := text[i:j]
			cut := j
			if mayEndInClitic(w) {
				for _, c := range clitics {
					if len(w) > len(c) && hasSuffixFold(w, c) {
						cut = j - len(c)
						break
					}
				}
			}
			if cut < j {
				dst = appendTok(dst, lb, text, i, cut, tWord)
				dst = appendTok(dst, lb, text, cut, j, tWord)
			} else {
				dst = appendTok(dst, lb, text, i, j, tWord)
			}
			i = j
		default:
			j := i + n
			kind := tPunct
			switch r {
			case '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‹', '›':
				kind = tQuote
				// A possessive apostrophe after a plural: "veterans' families".
				if (r == '\'' || r == '’') && len(dst) > 0 && dst[len(dst)-1].end == i && i > start &&
					(text[i-1] == 's' || text[i-1] == 'S') && (j >= end || text[j] == ' ') && !(j+1 < end && text[j] == '\'') {
					dst = appendTok(dst, lb, text, i, j, tWord)
					i = j
					continue
				}
				// '' as one quote mark.
				if r == '\'' && j < end && text[j] == '\'' {
					j++
				}
				if r == '`' && j < end && text[j] == '`' {
					j++
				}
			case '—', '–', '―':
				kind = tDash
			case '-':
				if j < end && text[j] == '-' {
					j++
					kind = tDash
				} else if i > start && j < end && (text[i-1] == ' ' && text[j] == ' ') {
					kind = tDash
				}
			case '.':
				for j < end && text[j] == '.' {
					j++
				}
			}
			dst = appendTok(dst, lb, text, i, j, kind)
			i = j
		}
	}
	return dst
}

// decodeIn decodes the rune at text[i:end], with a fast path for ASCII;
// past end it returns utf8.RuneError and 0.
func decodeIn(text string, i, end int) (rune, int) {
	if i < end {
		if c := text[i]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	return decodeRest(text, i, end)
}

// decodeRest is the slow path of decodeIn, kept apart so that its ASCII
// path inlines.
func decodeRest(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// mayEndInClitic reports whether w has an apostrophe among its last four
// bytes, or ends in the last byte of ’: no clitic can end a word without.
func mayEndInClitic(w string) bool {
	for k := len(w) - 1; k >= 0 && k >= len(w)-4; k-- {
		if c := w[k]; c == '\'' || c == 0x99 {
			return true
		}
	}
	return false
}

func appendTok(dst []token, lb *lowerBuf, text string, s, e int, k tokKind) []token {
	w := text[s:e]
	return append(dst, token{start: s, end: e, text: w, lower: lb.lower(w), kind: k})
}

// lowerBuf holds the lower-case forms of the tokens of one call, so that a
// capitalised word costs no allocation of its own. Bytes once written are
// never changed, and a full chunk is left to the strings that view it, so
// those strings stay valid and fixed.
type lowerBuf struct{ b []byte }

// lower returns lowerASCII(s), viewing lb's bytes when it differs from s.
func (lb *lowerBuf) lower(s string) string {
	if !needsLower(s) {
		return s
	}
	if cap(lb.b)-len(lb.b) < len(s) {
		lb.b = make([]byte, 0, max(2048, len(s)))
	}
	n := len(lb.b)
	lb.b = appendLower(lb.b, s)
	return unsafe.String(&lb.b[n], len(lb.b)-n)
}

// isWordChar reports whether r belongs in a word: a letter, a digit, or
// one of $ % @ # _ ("$5", "50%", "@user", "#tag").
func isWordChar(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isAlnumRune(r)
}

// isAlnumRune is the slow path of isWordChar, kept apart so that its
// ASCII path inlines.
func isAlnumRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord is isWordChar for ASCII.
var asciiWord = func() (word [utf8.RuneSelf]bool) {
	for c := range word {
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		word[c] = alnum || strings.IndexByte("$%@#_", byte(c)) >= 0
	}
	return word
}()

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases ASCII letters, and maps the curly apostrophe to
// the straight one so that lexicon look-ups see one spelling; it allocates
// only when s changes.
func lowerASCII(s string) string {
	if !needsLower(s) {
		return s
	}
	return string(appendLower(make([]byte, 0, len(s)), s))
}

// needsLower reports whether lowerASCII changes s.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
			return true
		}
	}
	return false
}

// appendLower appends lowerASCII(s) to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99:
			b = append(b, '\'')
			i += 2
		default:
			b = append(b, c)
		}
	}
	return b
}

func hasSuffixFold(w, suf string) bool {
	if len(w) < len(suf) {
		return false
	}
	t := w[len(w)-len(suf):]
	for i := 0; i < len(suf); i++ {
		a, b := t[i], suf[i]
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}
