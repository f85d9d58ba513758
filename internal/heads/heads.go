// Package heads takes the head words of speaker names the way the
// project's evaluation compares them. It is safe for concurrent use.
package heads

import (
	"slices"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/internal/lexicon"
)

var prepositions = map[string]bool{
	"of": true, "in": true, "for": true, "at": true, "from": true, "with": true, "on": true,
	"to": true, "by": true, "about": true, "under": true, "over": true, "within": true,
	"inside": true, "outside": true, "near": true, "among": true, "between": true,
	"after": true, "before": true, "during": true, "against": true, "via": true, "like": true,
}

// pronouns are the bare pronouns that name no one for the evaluation: the
// subject, object and possessive forms of internal/lexicon's personal
// pronouns, and the third person's independent possessives ("hers",
// "theirs") and reflexives ("himself").
var pronouns = lexicon.PronounSet(barePronoun)

// barePronoun reports whether p is one of [pronouns].
func barePronoun(p lexicon.Pronoun) bool {
	return p.Case&(lexicon.Subject|lexicon.Object|lexicon.Possessive) != 0 ||
		p.Person == 3 && p.Case&(lexicon.Independent|lexicon.Reflexive) != 0
}

// Of returns the head words of a name, lower-cased: one per conjunct
// ("Obama and Hillary Clinton" has "obama" and "clinton"), each the last
// word before any prepositional phrase ("employees in Wells Fargo's
// branches" has "employees"), without a possessive ending.
func Of(name string) []string {
	var out []string
	conj := strings.FieldsFunc(name, func(r rune) bool { return r == ',' || r == ';' || r == '&' })
	for _, c := range conj {
		var part []string
		flush := func() {
			if len(part) > 0 {
				out = append(out, part[len(part)-1])
			}
			part = nil
		}
		inPP := false
		for _, w := range strings.Fields(c) {
			lw := normWord(w)
			switch {
			case lw == "and" || lw == "or":
				flush()
				inPP = false
			case inPP || lw == "":
			case prepositions[lw]:
				flush()
				inPP = true
			default:
				part = append(part, lw)
			}
		}
		flush()
	}
	return out
}

// IsPronoun reports whether s is a bare pronoun ("he", "They").
func IsPronoun(s string) bool { return pronouns[strings.ToLower(strings.TrimSpace(s))] }

// Same reports whether name shares a head word with one of golds. A bare
// pronoun never counts, on either side.
func Same(name string, golds ...string) bool {
	if IsPronoun(name) {
		return false
	}
	hs := Of(name)
	for _, g := range golds {
		if IsPronoun(g) {
			continue
		}
		for _, h := range Of(g) {
			if slices.Contains(hs, h) {
				return true
			}
		}
	}
	return false
}

func normWord(w string) string {
	w = strings.ToLower(w)
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, suf)
	}
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
