package lexicon

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/fold"
)

func TestInflect(t *testing.T) {
	tests := []struct {
		base string
		form Form
		want []string
	}{
		{"say", Third, []string{"says"}},
		{"deny", Third, []string{"denies"}},
		{"deny", Past, []string{"denied"}},
		{"stress", Third, []string{"stresses"}},
		{"vow", Past, []string{"vowed"}},
		{"note", Past, []string{"noted"}},
		{"note", Gerund, []string{"noting"}},
		{"admit", Past, nil}, // checked below
		{"admit", Gerund, []string{"admiting", "admitting"}},
		{"agree", Gerund, []string{"agreeing"}},
		{"tie", Gerund, []string{"tying"}},
		{"echo", Third, []string{"echoes"}},
		{"warn", Base, []string{"warn"}},
		{"", Past, nil},
	}
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			got := Inflect(tc.base, tc.form)
			if tc.base == "admit" && tc.form == Past {
				// Both spellings are generated; the doubled one is English.
				assert.Contains(t, got, "admitted", "Inflect(admit, Past)")
				return
			}
			assert.Equal(t, tc.want, got, "Inflect(%q, %v)", tc.base, tc.form)
		})
	}
}

func TestLoad(t *testing.T) {
	l, err := Load()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, l.Len(), 500, "Len, want a broad lexicon")
	tests := []struct {
		word, lemma, particle string
		class                 Class
		form                  Form
	}{
		{"said", "say", "", Speech, Past | Participle},
		{"told", "tell", "", Address, Past | Participle},
		{"argues", "argue", "", Speech, Third},
		{"written", "write", "", Speech, Participle},
		{"believing", "believe", "", Stance, Gerund},
		{"showed", "show", "", Evidence, Past},
		{"calling", "call", "for", Speech, Gerund},
		{"pointed", "point", "out", Speech, Past | Participle},
		{"seemed", "seem", "", Seeming, Past},
		{"appears", "appear", "", Seeming, Third},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			vs := l.Verbs(tc.word)
			i := slices.IndexFunc(vs, func(v Verb) bool { return v.Lemma == tc.lemma && v.Particle == tc.particle })
			require.GreaterOrEqual(t, i, 0, "%s: no verb %s+%s in %+v", tc.word, tc.lemma, tc.particle, vs)
			assert.Equal(t, tc.class, vs[i].Class, "%s: class", tc.word)
			assert.Equal(t, tc.form, vs[i].Forms&tc.form, "%s: forms %b, want %b among them", tc.word, vs[i].Forms, tc.form)
		})
	}
	if ps := l.Phrases("according"); assert.NotEmpty(t, ps, "Phrases(according)") {
		assert.True(t, ps[0].SpeakerAfter, "Phrases(according)[0].SpeakerAfter")
		assert.Equal(t, "according to", strings.Join(ps[0].Words, " "), "Phrases(according)[0].Words")
	}
	assert.True(t, l.TakesObject("support"), "TakesObject(support)")
	assert.False(t, l.TakesObject("say"), "TakesObject(say)")
	assert.Equal(t, "of", l.NounObject("criticism"), "NounObject(criticism)")
	assert.Equal(t, "", l.NounObject("claim"), "NounObject(claim)")
	assert.False(t, l.Noun("criticism"), "Noun(criticism)")
	assert.True(t, l.Noun("claim"), "Noun(claim)")
	assert.False(t, l.Noun("table"), "Noun(table)")
	assert.Nil(t, l.Verbs("table"), "Verbs(table)")
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, verbs, phrases string }{
		{"class", "say talking\n", ""},
		{"fields", "say speech said said said\n", ""},
		{"side", "", "beside according to\n"},
		{"short", "", "after according\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.verbs, tc.phrases)
			require.Error(t, err, "Parse")
			assert.True(t, strings.HasPrefix(err.Error(), "lexicon: "), "Parse: err = %v, want a lexicon error", err)
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(verbsData, phrasesData); err != nil {
			b.Fatal(err)
		}
	}
}

// TestObjectsListed checks that every verb of objects.txt is a cue verb.
func TestObjectsListed(t *testing.T) {
	l, err := Load()
	require.NoError(t, err)
	for lemma := range parseList(objectsData) {
		found := false
		for _, v := range l.Verbs(lemma) {
			found = found || v.Lemma == lemma
		}
		assert.True(t, found, "objects.txt lists %q, which verbs.txt does not", lemma)
	}
}

func TestKind(t *testing.T) {
	l, err := Load()
	require.NoError(t, err)
	for _, c := range []struct {
		w    string
		want WordKind
	}{
		{"said", VerbWord},
		{"according", PhraseWord},
		{"the", 0},
	} {
		got := l.Kind(c.w)
		if c.want == 0 {
			assert.Zero(t, got, "Kind(%q) = %b, want no kind", c.w, got)
		} else {
			assert.Equal(t, c.want, got&c.want, "Kind(%q) = %b, want %b among its kinds", c.w, got, c.want)
		}
	}
	// Every word of the other tables has its kind.
	for _, table := range []struct {
		words []string
		kind  WordKind
	}{
		{slices.Collect(maps.Keys(l.nouns)), NounWord},
		{slices.Collect(maps.Keys(l.verbs)), VerbWord},
		{slices.Collect(maps.Keys(l.nounPreps)), NounWord},
		{slices.Collect(maps.Keys(l.phrases)), PhraseWord},
	} {
		for _, w := range table.words {
			assert.NotZero(t, l.Kind(w)&table.kind, "%q lacks kind %b", w, table.kind)
		}
	}
	// The filter answers for most words that are in no table.
	common := strings.Fields(`the of and to a in that is was he for it with as his on be at by
		i this had not are but from or have an they which one you were her all she there would
		their we him been has when who will more no if out so up what about its into than them
		can only other new some could time these two may then do first any my now such like our
		over man me even most made after also did many before must through back years where much
		your way well down should because each just those people how too little state good very`)
	passed := 0
	for _, w := range common {
		if l.maybe.Has(w) && l.kinds[w] == 0 {
			passed++
		}
	}
	assert.LessOrEqual(t, passed, len(common)/10, "the filter lets %d of %d common words through to the look-up", passed, len(common))
}

// TestState checks the states' names and abbreviations, and that the
// tokenizer's abbreviations hold every one-word abbreviation of a state.
func TestState(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Texas", true},
		{"Tex.", true},
		{"tex", true},
		{"N.H.", true},
		{"New York", true},
		{"new hampshire", true},
		{"W.Va.", true},
		{"D.C.", true},
		{"Austin", false},
		{"York", false},
		{"New", false},
		{"", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, State(tc.w), "State(%q)", tc.w)
	}
	abbrs := StateAbbreviations()
	require.Len(t, abbrs, 35, "one-word abbreviations")
	for _, w := range abbrs {
		assert.True(t, State(w), "State(%q)", w)
		assert.True(t, Abbreviation(w), "Abbreviation(%q): the full stop of %q. belongs to it", w, w)
	}
	assert.False(t, Abbreviation("Austin"))
}

// TestAbbreviations checks the one list of abbreviations: no entry twice,
// and the tokenizer's subset as the tokenizer needs it.
func TestAbbreviations(t *testing.T) {
	list := Abbreviations()
	require.NotEmpty(t, list)
	seen := map[string]bool{}
	for _, a := range list {
		k := a.Word + " " + a.Class.String()
		assert.False(t, seen[k], "%s listed twice", k)
		seen[k] = true
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"Sen", true}, {"sen", true}, {"SEN", true}, {"Jan", true}, {"Sept", true},
		{"Inc", true}, {"co", true}, {"Amb", true}, {"Calif", true}, {"Tex", true},
		{"Mar", false}, {"Cpl", false}, {"No", false}, {"etc", false}, {"said", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			assert.Equal(t, tt.want, Abbreviation(tt.w))
		})
	}
}

func TestParseAbbreviations(t *testing.T) {
	got := parseAbbreviations("# c\nMr title token\n\nNo numeric\nAmb - token\n")
	assert.Equal(t, []Abbr{{"Mr", AbbrTitle, true}, {"No", AbbrNumeric, false}, {"Amb", AbbrNone, true}}, got)
	for _, bad := range []string{"Mr", "Mr title tok", "Mr nope", "Mr title token x"} {
		t.Run(bad, func(t *testing.T) {
			assert.Panics(t, func() { parseAbbreviations(bad) })
		})
	}
}

// TestKindHash checks that KindHash of a word and its fold.Hash answers as
// Kind of the word: verbs, nouns, phrase openers and words the lexicon
// does not know.
func TestKindHash(t *testing.T) {
	l, err := Load()
	require.NoError(t, err)
	for _, w := range []string{"said", "says", "claim", "according", "the", "", "wörd", "don't", "told", "xyzzy", "warned", "n't"} {
		assert.Equal(t, l.Kind(w), l.KindHash(w, fold.Hash(w)), "word %q", w)
	}
}
