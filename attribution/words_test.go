package attribution

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordSet(t *testing.T) {
	s := set("on", "in", "during", "last", "a")
	for _, c := range []struct {
		word string
		want bool
	}{
		{"on", true},
		{"during", true},
		{"a", true},
		{"", false},
		{"On", false},              // the sets hold lower-case words
		{"one", false},             // a member's first byte
		{"an", false},              // a member's first and last bytes
		{"lost", false},            // a member's length, first and last bytes
		{"duringduring", false},    // a member twice
		{"\xffon", false},          // bytes outside ASCII
		{"durin", false},           // a member's prefix
		{"in\u00a0", false},        // a member and a multi-byte rune
		{"ln", false},              // a member's last byte only
		{"n", false},               // a member's last byte only, alone
		{"onon", false},            // a member's bytes at both ends
		{"i\u0301n", false},        // a member with a combining mark inside
		{string([]byte{0}), false}, // a NUL byte
	} {
		t.Run(c.word, func(t *testing.T) {
			assert.Equal(t, c.want, s.has(c.word))
		})
	}
	// Every member of every set of the rules passes its filter.
	for _, s := range []*wordSet{auxWords, beForms, raisingVerbs, contentPrepositions, cuePrepositions, objectBreaks, npConnectors, npPrepositions, toRelations, comparatives, quantityAdverbs, gerundPrepositions, editorLabels, quantifiers, adverbialWords, particles, timeNouns, periodNouns, frequencyAdverbs, timePrepositions, determiners, placeAdverbs, headlineFunctions, statementNouns, modals, haveForms, clauseBreaks, prepositionalVBG, subordinators, clauseOpeners, surveyNouns, reflexives, questionWords, wordNouns, narrationOpeners, subjectPronouns, objectPronouns, timeClauses} {
		for w := range s.m {
			assert.True(t, s.has(w), w)
		}
	}
}
