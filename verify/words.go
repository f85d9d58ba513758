package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// tokenize calls fn with every word of s, in order. A word is a run of
// letters and digits, held together by an apostrophe between letters
// ("don’t"), a full stop after a single letter before another ("U.S.",
// "H.W."), and a comma or full stop between digits ("1,000", "3.5"). A
// per cent sign is the word "percent". Everything else (punctuation,
// quotation marks, hyphens, dashes, white space) separates words and is
// ignored, so that matching ignores case, punctuation, white space and the
// kind of quotation mark. buf is scratch space for the folded form; the
// term passed to fn is valid only during the call.
func tokenize(s string, buf []byte, fn func(start, end int, term []byte)) []byte {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '%' {
			fn(i, i+size, append(buf[:0], "percent"...))
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		seg := 0 // letters since the last joining full stop
		prev := rune(0)
	word:
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				seg++
				prev = r
				i += size
				continue
			}
			// A joiner stays inside the word only with a word rune after it.
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if i+size >= len(s) || !isWordRune(next) {
				break
			}
			switch {
			case (r == '\'' || r == '’' || r == 'ʼ') && !isDigit(prev) && !isDigit(next):
				buf = append(buf, '\'')
			case r == '.' && seg == 1 && !isDigit(prev) && !isDigit(next):
				// "U.S.": the full stops of initials are dropped.
			case (r == ',' || r == '.') && isDigit(prev) && isDigit(next):
				if r == '.' {
					buf = append(buf, '.')
				}
			default:
				break word
			}
			seg = 0
			i += size
		}
		fn(start, i, buf)
	}
	return buf
}

// Normalize returns the words of s folded as matching sees them, one space
// between them: "“We’ll cut taxes by 5%,” she said." is "we'll cut taxes
// by 5 percent she said". Two quotations that normalize alike are the same
// words.
func Normalize(s string) string {
	var b strings.Builder
	tokenize(s, nil, func(_, _ int, term []byte) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(term)
	})
	return b.String()
}
