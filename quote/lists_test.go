package quote

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
)

// TestLeadVerbsFromLexicon fails when leadVerbs repeats a form that said
// already accepts, or holds a verb the lexicon does not know as a verb of
// saying: the verbs of saying have one list, the lexicon's.
func TestLeadVerbsFromLexicon(t *testing.T) {
	lex, err := lexicon.Load()
	require.NoError(t, err)
	notInLexicon := map[string]bool{"posted": true}
	for w := range leadVerbs {
		t.Run(w, func(t *testing.T) {
			assert.False(t, said(w), "said accepts %q already", w)
			if notInLexicon[w] {
				assert.Empty(t, lex.Verbs(w), "%q is in the lexicon now", w)
				return
			}
			speech := false
			for _, v := range lex.Verbs(w) {
				speech = speech || v.Class == lexicon.Speech || v.Class == lexicon.Address
			}
			assert.True(t, speech, "%q is no verb of saying of the lexicon", w)
		})
	}
}

func TestSpeechLead(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"said", true}, {"Says", true}, {"told", true}, {"tweeted", true}, {"tweets", true},
		{"chanted", true}, {"shouted", true}, {"yelled", true}, {"sang", true}, {"cried", true},
		{"screamed", true}, {"read", true}, {"reads", true}, {"say", true}, {"saying", true},
		{"declaring", true}, {"posted", true}, {"Tell", true}, {"", true}, {"added:", true},
		{"house", false}, {"declare", false}, {"the", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			assert.Equal(t, tt.want, speechLead(tt.w))
		})
	}
}

// TestQuotedPronouns pins the pronouns that, quoted alone, are words
// talked about, and checks that they are taken from the lexicon's one list
// of pronouns by their features, not kept here.
func TestQuotedPronouns(t *testing.T) {
	want := []string{"he", "her", "hers", "him", "his", "i", "it", "me", "she", "them", "they", "us", "we", "you"}
	assert.ElementsMatch(t, want, slices.Collect(maps.Keys(pronouns)))
	assert.Equal(t, lexicon.PronounSet(quotedPronoun), pronouns, "pronouns is not the lexicon's")
	for _, c := range []struct {
		word string
		want bool
	}{
		{"she", true}, {"him", true}, {"His", true}, {"hers", true}, {"you", true},
		{"my", false}, {"our", false}, {"your", false}, {"its", false}, {"their", false},
		{"theirs", false}, {"mine", false}, {"himself", false}, {"who", false},
	} {
		t.Run(c.word, func(t *testing.T) {
			assert.Equal(t, c.want, fold.In(pronouns, c.word))
		})
	}
}
