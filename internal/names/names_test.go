package names

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	folding "github.com/whosaid/whosaid/internal/fold"
	lx "github.com/whosaid/whosaid/internal/lexicon"
)

func TestLists(t *testing.T) {
	require.NoError(t, Err())
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"given male", Given("Antony"), Male},
		{"given female", Given("hillary"), Female},
		{"given unknown", Given("Blinken"), Unknown},
		{"title head", Head("Sen."), "senator"},
		{"honorific head", Head("Mr."), ""},
		{"role head", Head("Spokesman"), "spokesman"},
		{"not a title", Head("Blinken"), ""},
		{"abbreviated title listed with its full stop", Head("Rev."), "reverend"},
		{"abbreviation listed without its full stop", Stop("Va."), true},
		{"full stop of no abbreviation", Stop("Blinken."), false},
		{"full stop alone", Stop("."), false},
		{"org", Org("Department"), true},
		{"org abbr", Org("Inc."), true},
		{"not org", Org("Trump"), false},
		{"group", Group("Republican"), true},
		{"group plural", GroupPlural("Democrats"), true},
		{"stop", Stop("But"), true},
		{"stop month", Stop("January"), true},
		{"place", Place("Portugal"), true},
		{"place of two words, spaced and cased as written", Place("New  mexico"), true},
		{"not a place", Place("Blinken"), false},
		{"a place's last word alone", Place("Mexico"), true},
		{"half a place", Place("British"), false},
		{"capitalised", Capitalised("Émile"), true},
		{"not capitalised", Capitalised("émile"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
	for w, want := range map[string]Gender{"Mrs.": Female, "mr.": Male, "Sen.": Unknown, "spokeswoman": Female, "Fr.": Male} {
		g, ok := Title(w)
		assert.True(t, ok, "Title(%q)", w)
		assert.Equal(t, want, g, "Title(%q)", w)
	}
	for w, want := range map[string]string{"officials": "official", "spokesmen": "spokesman", "attorneys": "attorney", "aides": "aide", "Sens.": "sen"} {
		s, ok := TitlePlural(w)
		assert.True(t, ok, "TitlePlural(%q)", w)
		assert.Equal(t, want, s, "TitlePlural(%q)", w)
	}
	_, ok := TitlePlural("official")
	assert.False(t, ok, "TitlePlural(official)")
	p, ok := PronounOf("His")
	assert.True(t, ok)
	assert.Equal(t, Pronoun{Base: "he", Person: 3, Number: true, Possessive: true, Gender: Male}, p, "PronounOf(His)")
	p, ok = PronounOf("they")
	assert.True(t, ok && p.Plural && p.Person == 3, "PronounOf(they) = %+v, %v", p, ok)
}

func BenchmarkGiven(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Given("Antony")
	}
}

// TestEveryKey looks up every entry of every list through the functions
// that read it, so that the filter in front of the look-ups loses none.
func TestEveryKey(t *testing.T) {
	l := get()
	for w := range l.male {
		assert.Equal(t, Male, Given(w), "Given(%q)", w)
	}
	for w := range l.female {
		if !l.male[w] {
			assert.Equal(t, Female, Given(w), "Given(%q)", w)
		}
	}
	for w, g := range l.titles {
		got, ok := Title(w)
		assert.True(t, ok, "Title(%q)", w)
		assert.Equal(t, g, got, "Title(%q)", w)
	}
	for w, h := range l.heads {
		assert.Equal(t, h, Head(w), "Head(%q)", w)
	}
	for w := range l.orgs {
		assert.True(t, Org(w), "Org(%q)", w)
	}
	for w := range l.groups {
		assert.True(t, Group(w), "Group(%q)", w)
		assert.True(t, GroupPlural(w+"s"), "GroupPlural(%q)", w+"s")
	}
	for w := range l.stops {
		assert.True(t, Stop(w), "Stop(%q)", w)
	}
	for w := range l.places {
		assert.True(t, Place(w), "Place(%q)", w)
	}
	for w, p := range l.pronouns {
		got, ok := PronounOf(w)
		assert.True(t, ok, "PronounOf(%q)", w)
		assert.Equal(t, p, got, "PronounOf(%q)", w)
	}
}

// TestListed checks that a word Listed calls unlisted is in no list that
// it speaks for, over every key of those lists, their abbreviations, and
// a few words in no list.
func TestListed(t *testing.T) {
	l := get()
	var words []string
	for _, m := range []map[string]bool{l.male, l.female, l.orgs, l.groups, l.stops} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range l.titles {
		words = append(words, w)
	}
	for w := range l.pronouns {
		words = append(words, w)
	}
	n := len(words)
	for _, w := range words[:n] {
		words = append(words, w+".", strings.ToUpper(w))
	}
	words = append(words, "Blinken", "said", "Outsports.com", "", ".", "Va.", "SEN.")
	for _, w := range words {
		if Listed(w) {
			continue
		}
		_, title := Title(w)
		_, pron := PronounOf(w)
		assert.False(t, Given(w) != Unknown || title || Head(w) != "" || Org(w) || Group(w) || Stop(w) || pron, "%q is not Listed but is in a list", w)
	}
	for _, w := range words[:n] {
		assert.True(t, Listed(w), "Listed(%q)", w)
	}
}

// TestPronounsFromLexicon pins the pronouns PronounOf knows, with their
// features, and checks that they are the subject, object and possessive
// forms of the lexicon's one list of pronouns, not a list of this package.
func TestPronounsFromLexicon(t *testing.T) {
	require.NoError(t, Err())
	s3 := func(base string, g Gender, poss, obj bool) Pronoun {
		return Pronoun{Base: base, Person: 3, Number: true, Possessive: poss, Object: obj, Gender: g}
	}
	p3 := func(poss, obj bool) Pronoun {
		return Pronoun{Base: "they", Person: 3, Plural: true, Number: true, Possessive: poss, Object: obj}
	}
	want := map[string]Pronoun{
		"i":   {Base: "i", Person: 1, Number: true},
		"me":  {Base: "i", Person: 1, Number: true, Object: true},
		"my":  {Base: "i", Person: 1, Number: true, Possessive: true},
		"we":  {Base: "we", Person: 1, Plural: true, Number: true},
		"us":  {Base: "we", Person: 1, Plural: true, Number: true, Object: true},
		"our": {Base: "we", Person: 1, Plural: true, Number: true, Possessive: true},
		"you": {Base: "you", Person: 2}, "your": {Base: "you", Person: 2, Possessive: true},
		"he": s3("he", Male, false, false), "him": s3("he", Male, false, true), "his": s3("he", Male, true, false),
		"she": s3("she", Female, false, false), "her": s3("she", Female, true, false),
		"it": s3("it", Neuter, false, false), "its": s3("it", Neuter, true, false),
		"they": p3(false, false), "them": p3(false, true), "their": p3(true, false),
	}
	assert.Equal(t, slices.Sorted(maps.Keys(want)), Pronouns())
	for w, p := range want {
		t.Run(w, func(t *testing.T) {
			got, ok := PronounOf(strings.ToUpper(w[:1]) + w[1:])
			require.True(t, ok)
			assert.Equal(t, p, got)
		})
	}
	for _, w := range []string{"hers", "theirs", "mine", "himself", "themselves", "who"} {
		_, ok := PronounOf(w)
		assert.False(t, ok, "PronounOf(%q)", w)
	}
	forms := lx.PronounSet(func(p lx.Pronoun) bool { return p.Case&(lx.Subject|lx.Object|lx.Possessive) != 0 })
	assert.Equal(t, slices.Sorted(maps.Keys(forms)), Pronouns(), "not the lexicon's pronouns")
}

// TestTitlePluralEveryPlural checks that TitlePlural finds every plural of
// a title it knows, as listed, capitalised and with a full stop, past the
// filter that turns other words away.
func TestTitlePluralEveryPlural(t *testing.T) {
	l := get()
	require.NotEmpty(t, l.plurals)
	for p, sg := range l.plurals {
		for _, w := range []string{p, strings.ToUpper(p[:1]) + p[1:], strings.ToUpper(p), p + "."} {
			got, ok := TitlePlural(w)
			if !assert.True(t, ok, "TitlePlural(%q)", w) {
				return
			}
			assert.Equal(t, sg, got, "TitlePlural(%q)", w)
		}
	}
}

// TestListedHash checks that ListedHash of an ASCII word in lower case and
// its fold.Hash answers as Listed of the word, the words of the lists and
// others, with and without a full stop.
func TestListedHash(t *testing.T) {
	for _, w := range []string{"john", "mary", "sen.", "sen", "senator", "spokesman", "the", "he", "officials", "xyzzy", "", ".", "gov.", "inc.", "u.s.", "said"} {
		assert.Equal(t, Listed(w), ListedHash(w, folding.Hash(w)), "word %q", w)
	}
}
