package lexicon

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPronouns checks the list: every form once, in lower case, with a
// case, and a base that the list has as the subject form of the same
// person.
func TestPronouns(t *testing.T) {
	ps := Pronouns()
	require.Len(t, ps, 31)
	subjects := map[string]Pronoun{}
	for _, p := range ps {
		if p.Case&Subject != 0 {
			subjects[p.Form] = p
		}
	}
	seen := map[string]bool{}
	for _, p := range ps {
		t.Run(p.Form, func(t *testing.T) {
			assert.False(t, seen[p.Form], "listed twice")
			seen[p.Form] = true
			assert.NotZero(t, p.Case, "no case")
			base, ok := subjects[p.Base]
			require.True(t, ok, "base %q is no subject form", p.Base)
			assert.Equal(t, base.Person, p.Person, "person of the base")
		})
	}
	assert.Equal(t, Pronoun{Form: "her", Case: Object | Possessive, Base: "she", Person: 3, Number: Singular, Gender: Feminine}, ps[slices.IndexFunc(ps, func(p Pronoun) bool { return p.Form == "her" })])
}

func TestPronounSet(t *testing.T) {
	tests := []struct {
		name string
		keep func(Pronoun) bool
		want []string
	}{
		{"subject", func(p Pronoun) bool { return p.Case&Subject != 0 }, []string{"he", "i", "it", "she", "they", "we", "you"}},
		{"object", func(p Pronoun) bool { return p.Case&Object != 0 }, []string{"her", "him", "it", "me", "them", "us", "you"}},
		{"possessive", func(p Pronoun) bool { return p.Case&Possessive != 0 }, []string{"her", "his", "its", "my", "our", "their", "your"}},
		{"independent", func(p Pronoun) bool { return p.Case&Independent != 0 }, []string{"hers", "his", "mine", "ours", "theirs", "yours"}},
		{"reflexive", func(p Pronoun) bool { return p.Case&Reflexive != 0 }, []string{"herself", "himself", "itself", "myself", "ourselves", "themselves", "yourself", "yourselves"}},
		{"plural", func(p Pronoun) bool { return p.Number == Plural }, []string{"our", "ours", "ourselves", "their", "theirs", "them", "themselves", "they", "us", "we", "yourselves"}},
		{"feminine", func(p Pronoun) bool { return p.Gender == Feminine }, []string{"her", "hers", "herself", "she"}},
		{"none", func(Pronoun) bool { return false }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, slices.Sorted(maps.Keys(PronounSet(tt.keep))))
		})
	}
}

func TestParsePronouns(t *testing.T) {
	assert.Equal(t, []Pronoun{{Form: "theirs", Case: Independent, Base: "they", Person: 3, Number: Plural}},
		parsePronouns("# comment\n\nTheirs\tindependent\tthey\t3\tp\t-\n"))
	for _, line := range []string{
		"he\tsubject\the\t3\ts",         // a field short
		"he\tnominative\the\t3\ts\tm",   // unknown case
		"he\tsubject,\the\t3\ts\tm",     // empty case
		"he\tsubject\the\t4\ts\tm",      // person
		"he\tsubject\the\t3\tdual\tm",   // number
		"he\tsubject\the\t3\ts\tcommon", // gender
	} {
		t.Run(line, func(t *testing.T) {
			assert.Panics(t, func() { parsePronouns(line) })
		})
	}
}
