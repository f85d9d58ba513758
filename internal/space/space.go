// Package space says which characters stand between the words of a line:
// the one fact that the sentence splitter, the token stream, the rules and
// coreference each need, kept in one place.
package space

import (
	"unicode"
	"unicode/utf8"
)

// Len returns the byte length of the white space character at text[i]
// that may stand between two words of a line: a space of any width (the
// no-break space among them, "Todd\u00a0asked") or a tab; 0 for anything
// else, a line break included, and for i past the end.
func Len(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		if c == ' ' || c == '\t' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if unicode.Is(unicode.Zs, r) {
		return n
	}
	return 0
}
