package attribution

import (
	"unicode/utf8"
	"unsafe"

	"github.com/whosaid/whosaid/internal/token"
)

// The helpers coreference reads until it reads the token stream.

func decodeIn(text string, i, end int) (rune, int) {
	if i < end {
		if c := text[i]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	if i >= end {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(text[i:end])
}

func isAlnum(r rune) bool { return token.IsAlnum(r) }

var asciiAlnum = func() (alnum [utf8.RuneSelf]bool) {
	for c := range alnum {
		alnum[c] = token.IsAlnum(rune(c))
	}
	return alnum
}()

func appendLower(b []byte, s string) []byte { return token.AppendLower(b, s) }

type lowerBuf struct{ b []byte }

func (lb *lowerBuf) lower(s string) string {
	if !token.NeedsLower(s) {
		return s
	}
	if cap(lb.b)-len(lb.b) < len(s) {
		lb.b = make([]byte, 0, max(2048, len(s)))
	}
	n := len(lb.b)
	lb.b = token.AppendLower(lb.b, s)
	return unsafe.String(&lb.b[n], len(lb.b)-n)
}
