package names

import (
	"maps"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// factsOneByOne returns the answers FactsOf gives, asked one by one.
func factsOneByOne(w string) Facts {
	var f Facts
	f.Title, f.IsTitle = Title(w)
	f.Head = Head(w)
	f.Org, f.Group, f.Stop = Org(w), Group(w), Stop(w)
	f.Given = Given(w)
	f.Pronoun, f.IsPronoun = PronounOf(w)
	return f
}

// TestFactsOf checks FactsOf against the look-ups it stands for, on every
// word of every list, written as the lists hold it, capitalised, in
// capitals, with a full stop or two, and on words of no list.
func TestFactsOf(t *testing.T) {
	l := get()
	words := map[string]bool{}
	for _, m := range []map[string]bool{l.male, l.female, l.orgs, l.groups, l.stops} {
		maps.Copy(words, m)
	}
	for w := range l.titles {
		words[w] = true
	}
	for w := range l.heads {
		words[w] = true
	}
	for w := range l.pronouns {
		words[w] = true
	}
	require.Greater(t, len(words), 1000)
	for _, w := range []string{"", ".", "..", "said", "Blinken", "the", "x.", "Sen", "sen..", "Va.", "mr", "Mr.", "o’neill", "O'Neill", "José", "über."} {
		words[w] = true
	}
	for w := range words {
		for _, v := range []string{w, strings.ToUpper(w[:min(1, len(w))]) + w[min(1, len(w)):], strings.ToUpper(w), w + ".", w + "..", strings.ReplaceAll(w, "'", "’")} {
			if !assert.Equal(t, factsOneByOne(v), FactsOf(v), "FactsOf(%q)", v) {
				return
			}
		}
	}
}
