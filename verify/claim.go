package verify

import (
	"strings"
	"unicode/utf8"
)

// Kinds of claim token.
const (
	cWord uint8 = iota // a claimed word, matched against the source
	cGap               // an ellipsis: any number of source words left out
	cWild              // an editor's insertion in square brackets: stands for a few source words, or none
)

// claimTok is one token of a parsed claim.
type claimTok struct {
	kind       uint8
	term       int32  // the corpus's term for the word, -1 when the corpus lacks it
	start, end int    // bytes in parsedClaim.text
	skip       int    // cWild: the most source words it may stand for
	folded     string // cWord: the folded word
}

// parsedClaim is a claimed quotation read for matching.
type parsedClaim struct {
	// text is the claim with the square brackets of an editor's letter
	// change taken out ("[T]he" is "The"); token offsets point into it.
	text  string
	toks  []claimTok
	words int // tokens of kind cWord
}

// maxWild bounds how many source words an editor's insertion may stand for.
const maxWild = 6

// mark is an ellipsis or an insertion at a byte offset of the cleaned
// claim.
type mark struct {
	at, kind, skip int
}

// parseClaim reads a claimed quotation: its words; an ellipsis ("...",
// "…", ". . .", "[...]") for words left out; square brackets around words
// for an editor's insertion, which stands for a few source words ("[the
// president] said" for "he said"), or, attached to a word, for a changed
// letter ("[T]he", "Americans[’]"), which is kept without its brackets.
func parseClaim(s string) parsedClaim {
	var clean strings.Builder
	var marks []mark
	for i := 0; i < len(s); {
		if n := ellipsisAt(s, i); n > 0 {
			marks = append(marks, mark{at: clean.Len(), kind: int(cGap)})
			clean.WriteByte(' ')
			i += n
			continue
		}
		if s[i] == '[' {
			if j := strings.IndexByte(s[i+1:], ']'); j >= 0 {
				inner := s[i+1 : i+1+j]
				after := i + 1 + j + 1
				switch {
				case strings.TrimSpace(inner) != "" && ellipsisAt(strings.TrimSpace(inner), 0) == len(strings.TrimSpace(inner)):
					marks = append(marks, mark{at: clean.Len(), kind: int(cGap)})
					clean.WriteByte(' ')
				case wordBefore(s, i) || wordAfter(s, after):
					clean.WriteString(inner) // a letter changed: "[T]he"
				default:
					n := 0
					tokenize(inner, nil, func(int, int, []byte) { n++ })
					marks = append(marks, mark{at: clean.Len(), kind: int(cWild), skip: min(n+2, maxWild)})
					clean.WriteByte(' ')
				}
				i = after
				continue
			}
		}
		clean.WriteByte(s[i])
		i++
	}
	p := parsedClaim{text: clean.String()}
	mi := 0
	flush := func(upTo int) {
		for ; mi < len(marks) && marks[mi].at < upTo; mi++ {
			m := marks[mi]
			if len(p.toks) == 0 {
				continue // nothing before it to leave out from
			}
			last := &p.toks[len(p.toks)-1]
			switch {
			case last.kind == cGap:
			case uint8(m.kind) == cGap && last.kind == cWild:
				*last = claimTok{kind: cGap, start: m.at, end: m.at}
			case last.kind == cWild && uint8(m.kind) == cWild:
				last.skip = min(last.skip+m.skip, maxWild)
			default:
				p.toks = append(p.toks, claimTok{kind: uint8(m.kind), start: m.at, end: m.at, skip: m.skip})
			}
		}
	}
	tokenize(p.text, nil, func(start, end int, term []byte) {
		flush(start)
		p.toks = append(p.toks, claimTok{kind: cWord, term: -1, start: start, end: end, folded: string(term)})
		p.words++
	})
	// Marks after the last word leave nothing out of the match.
	for len(p.toks) > 0 && p.toks[len(p.toks)-1].kind != cWord {
		p.toks = p.toks[:len(p.toks)-1]
	}
	return p
}

// ellipsisAt returns the length of the ellipsis at s[i:] ("...", "…",
// ". . ."), or 0.
func ellipsisAt(s string, i int) int {
	if strings.HasPrefix(s[i:], "…") {
		return len("…")
	}
	n := 0
	for j := i; j < len(s); j++ {
		switch {
		case s[j] == '.':
			n++
		case s[j] == ' ' && n > 0 && j+1 < len(s) && s[j+1] == '.':
		default:
			if n >= 3 {
				return j - i
			}
			return 0
		}
	}
	if n >= 3 {
		return len(s) - i
	}
	return 0
}

// wordBefore reports whether a letter or digit ends s[:i].
func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && isWordRune(r)
}

// wordAfter reports whether a letter or digit starts s[i:].
func wordAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && isWordRune(r)
}
