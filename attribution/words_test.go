package attribution

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
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

// TestPronounSets pins the pronouns the grammar reads and checks that they
// are taken from the lexicon's one list of pronouns by their features,
// with the few words that list lacks ("who", "which", "oneself").
func TestPronounSets(t *testing.T) {
	tests := []struct {
		name  string
		set   *wordSet
		keep  func(lexicon.Pronoun) bool
		extra []string
		want  []string
	}{
		{"subject", subjectPronouns, func(p lexicon.Pronoun) bool { return p.Case&lexicon.Subject != 0 }, []string{"who", "which"},
			[]string{"he", "i", "it", "she", "they", "we", "which", "who", "you"}},
		{"object", objectPronouns, func(p lexicon.Pronoun) bool { return p.Case&lexicon.Object != 0 && p.Case&lexicon.Subject == 0 }, nil,
			[]string{"her", "him", "me", "them", "us"}},
		{"reflexive", reflexives, func(p lexicon.Pronoun) bool { return p.Case&lexicon.Reflexive != 0 }, []string{"oneself"},
			[]string{"herself", "himself", "itself", "myself", "oneself", "ourselves", "themselves", "yourself", "yourselves"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, slices.Sorted(maps.Keys(tt.set.m)))
			for w := range tt.set.m {
				assert.True(t, tt.set.has(w), "has(%q)", w)
			}
			own := maps.Clone(tt.set.m)
			for _, w := range tt.extra {
				delete(own, w)
			}
			assert.Equal(t, lexicon.PronounSet(tt.keep), own, "not the lexicon's pronouns")
		})
	}
}

// TestWords checks the word count of an attribution's content (see
// confFeatures) against strings.Fields with the same three spaces.
func TestWords(t *testing.T) {
	for _, s := range []string{
		"", " ", "said", "  he said ", "“We will rebuild,” she said.",
		"a\tb\nc", "\n\n", "a  b", " a", "a ", "non\u00a0breaking space", "x\ry",
	} {
		want := len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }))
		assert.Equal(t, want, words(s), "words(%q)", s)
	}
}

// TestHasFold checks wordSet.hasFold against fold.In on words of every
// case, in the sets of pronouns and not.
func TestHasFold(t *testing.T) {
	for _, c := range []struct {
		name string
		set  *wordSet
	}{
		{"subject pronouns", subjectPronouns},
		{"object pronouns", objectPronouns},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, w := range []string{"", "he", "He", "HE", "hE", "she", "They", "WHO", "which", "Which", "it", "It", "him", "Him", "them", "THEM", "Hugh Hill", "official", "Mr.", "h", "É"} {
				assert.Equal(t, fold.In(c.set.m, w), c.set.hasFold(w), "%q", w)
			}
		})
	}
}

// TestStem checks that the forms of a verb share one key, regular
// ("-s", "-es", "-ed", "-ing", with the final "e" dropped, "y" to "i" and a
// doubled consonant) and irregular alike, and that verbs apart keep keys
// apart.
func TestStem(t *testing.T) {
	tests := []struct {
		forms []string
		want  string
	}{
		{[]string{"vote", "votes", "voted", "voting"}, "vot"},
		{[]string{"identify", "identifies", "identified", "identifying"}, "identif"},
		{[]string{"plan", "plans", "planned", "planning"}, "plan"},
		{[]string{"commit", "commits", "committed", "committing"}, "commit"},
		{[]string{"discuss", "discusses", "discussed", "discussing"}, "discuss"},
		{[]string{"push", "pushes", "pushed", "pushing"}, "push"},
		{[]string{"fix", "fixes", "fixed", "fixing"}, "fix"},
		{[]string{"focus", "focuses", "focused", "focusing"}, "focus"},
		{[]string{"agree", "agrees", "agreed", "agreeing"}, "agre"},
		{[]string{"try", "tries", "tried", "trying"}, "tr"},
		{[]string{"study", "studies", "studied", "studying"}, "stud"},
		{[]string{"fill", "fills", "filled", "filling"}, "fill"},
		{[]string{"add", "adds", "added", "adding"}, "add"},
		{[]string{"use", "uses", "used", "using"}, "us"},
		{[]string{"take", "takes", "took", "taken", "taking"}, "tak"},
		{[]string{"make", "makes", "made", "making"}, "mak"},
		{[]string{"lay", "lays", "laid", "laying"}, "la"},
		{[]string{"go", "goes", "went", "gone", "going"}, "go"},
		{[]string{"bring", "brings", "brought", "bringing"}, "bring"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			for _, f := range tc.forms {
				assert.Equal(t, tc.want, stem(f), f)
			}
		})
	}
	// Verbs apart keep their keys apart.
	assert.NotEqual(t, stem("planned"), stem("planted"))
	assert.NotEqual(t, stem("posted"), stem("pushed"))
	// The key is a prefix of the form or of its base: it allocates nothing.
	for _, f := range []string{"identified", "studying", "planned", "played", "taken"} {
		assert.Zero(t, testing.AllocsPerRun(10, func() { stemSink = stem(f) }), f)
	}
}

// TestIrregularVerbsOutsideLexicon checks that each verb irregularForms
// lists has a form the lexicon does not know: stem reads only such words,
// and a verb the lexicon knows in every form would be a dead line.
func TestIrregularVerbsOutsideLexicon(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	for l := range strings.Lines(irregularVerbs) {
		forms := strings.Fields(l)
		t.Run(forms[0], func(t *testing.T) {
			unknown := false
			for _, f := range forms {
				unknown = unknown || lex.Kind(f) == 0
			}
			assert.True(t, unknown, "the lexicon knows every form of %v", forms)
		})
	}
}

// stemSink keeps the result of stem, so that the compiler keeps the call.
var stemSink string
