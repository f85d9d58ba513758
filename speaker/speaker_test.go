package speaker

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/span"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Name
	}{
		{"Donald J. Trump", Name{Kind: Person, Given: "Donald", Middle: []string{"J."}, Surname: "Trump"}},
		{"Hillary Rodham Clinton", Name{Kind: Person, Given: "Hillary", Middle: []string{"Rodham"}, Surname: "Clinton"}},
		{"Joseph R. Biden Jr.", Name{Kind: Person, Given: "Joseph", Middle: []string{"R."}, Surname: "Biden", Suffix: "Jr."}},
		{"Joseph R. Biden, Jr.", Name{Kind: Person, Given: "Joseph", Middle: []string{"R."}, Surname: "Biden", Suffix: "Jr."}},
		{"George H.W. Bush", Name{Kind: Person, Given: "George", Middle: []string{"H.W."}, Surname: "Bush"}},
		{"Mr. Trump", Name{Kind: Person, Title: "Mr.", Surname: "Trump"}},
		{"Sen. Ted Cruz", Name{Kind: Person, Title: "Sen.", Given: "Ted", Surname: "Cruz"}},
		{"Secretary of State John F. Kerry", Name{Kind: Person, Title: "Secretary of State", Given: "John", Middle: []string{"F."}, Surname: "Kerry"}},
		{"Retired U.S. Air Force Gen. Norman Ham", Name{Kind: Person, Title: "Retired U.S. Air Force Gen.", Given: "Norman", Surname: "Ham"}},
		{"Bill de Blasio", Name{Kind: Person, Given: "Bill", Surname: "de Blasio"}},
		{"Martin O’Malley", Name{Kind: Person, Given: "Martin", Surname: "O’Malley"}},
		{"Ban Ki-moon", Name{Kind: Person, Given: "Ban", Surname: "Ki-moon"}},
		{"WALLACE", Name{Kind: Person, Surname: "WALLACE"}},
		{"Obama", Name{Kind: Person, Surname: "Obama"}},
		// Not a person's name: descriptions, organisations, groups, several
		// people, possessives, pronouns.
		{"a senior State Department official", Name{}},
		{"the State Department", Name{}},
		{"the Tax Policy Center", Name{}},
		{"Fox News", Name{}},
		{"CNN", Name{}},
		{"Republicans", Name{}},
		{"Officials", Name{}},
		{"Donald Trump and Bernie Sanders", Name{}},
		{"Trump’s campaign", Name{}},
		{"the Clintons", Name{}},
		{"a friend of Sanders", Name{}},
		{"Super Tuesday", Name{}},
		{"", Name{}},
		{"he", Name{Kind: Pronoun}},
		{"His", Name{Kind: Pronoun}},
		{"they", Name{Kind: Pronoun}},
		{"some", Name{Kind: Pronoun}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Parse(tt.in)
			if len(got.Middle) == 0 {
				got.Middle = nil
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		claimed, source string
		want            bool
	}{
		{"Obama", "Barack Obama", true},
		{"Barack Obama", "Obama", true},
		{"President Obama", "Barack Obama", true},
		{"Bill Clinton", "Hillary Clinton", false},
		{"Hillary Rodham Clinton", "Hillary Clinton", true},
		{"Mrs. Clinton", "Bill Clinton", false},
		{"Mr. Clinton", "Bill Clinton", true},
		{"Joe Biden", "Joseph R. Biden Jr.", true},
		{"George W. Bush", "George H.W. Bush", false},
		{"J. Smith", "John Smith", true},
		{"Antony Blinken", "Blinken", true},
		{"Blinken", "Anne-Sophie Lapix", false},
		{"Lapix", "Anne-Sophie Lapix", true},
		{"the State Department", "The State Department", true},
		{"State Department official", "a senior State Department official", true},
		{"the White House", "a senior State Department official", false},
		{"he", "Blinken", false},
		{"", "Blinken", false},
	}
	for _, tt := range tests {
		t.Run(tt.claimed+"~"+tt.source, func(t *testing.T) {
			assert.Equal(t, tt.want, Match(tt.claimed, tt.source))
		})
	}
}

// forms builds a corpus of names, each with n attributions and no gender
// evidence.
func forms(n int, names ...string) []Form {
	var out []Form
	for _, s := range names {
		out = append(out, Form{Name: s, Attributions: n})
	}
	return out
}

func TestKeys(t *testing.T) {
	tests := []struct {
		name   string
		corpus []Form
		want   map[string]string
	}{
		{
			name:   "middle initials, titles, case and a surname alone with one person",
			corpus: append(forms(5, "Donald J. Trump", "Mr. Trump", "Trump", "DONALD TRUMP", "President Trump"), forms(9, "Donald Trump")...),
			want: map[string]string{
				"Donald Trump": "Donald Trump", "Donald J. Trump": "Donald Trump", "Mr. Trump": "Donald Trump",
				"Trump": "Donald Trump", "DONALD TRUMP": "Donald Trump", "President Trump": "Donald Trump",
			},
		},
		{
			name:   "a surname alone stays apart when the corpus has two people of that surname",
			corpus: forms(3, "Bill Clinton", "Hillary Clinton", "Hillary Rodham Clinton", "Clinton", "Sen. Clinton"),
			want: map[string]string{
				"Bill Clinton": "Bill Clinton", "Hillary Clinton": "Hillary Clinton", "Hillary Rodham Clinton": "Hillary Clinton",
				"Clinton": "Clinton", "Sen. Clinton": "Clinton",
			},
		},
		{
			name:   "an honorific's gender picks the one person of that gender",
			corpus: forms(3, "Bill Clinton", "Hillary Clinton", "Mrs. Clinton", "Mr. Clinton"),
			want: map[string]string{
				"Bill Clinton": "Bill Clinton", "Hillary Clinton": "Hillary Clinton",
				"Mrs. Clinton": "Hillary Clinton", "Mr. Clinton": "Bill Clinton",
			},
		},
		{
			name:   "an honorific that fits no one keeps its gender apart",
			corpus: forms(3, "Hillary Clinton", "Chelsea Clinton", "Mrs. Clinton", "Clinton"),
			want: map[string]string{
				"Hillary Clinton": "Hillary Clinton", "Chelsea Clinton": "Chelsea Clinton",
				"Mrs. Clinton": "Mrs. Clinton", "Clinton": "Clinton",
			},
		},
		{
			name: "the gender the corpus gives a surname: he is Barack, not Michelle",
			corpus: []Form{
				{Name: "Barack Obama", Attributions: 10, Male: 8},
				{Name: "Michelle Obama", Attributions: 2, Female: 2},
				{Name: "Obama", Attributions: 12, Male: 9, Female: 1},
				{Name: "Given Obama", Attributions: 1, Male: 1},
			},
			want: map[string]string{
				"Barack Obama": "Barack Obama", "Michelle Obama": "Michelle Obama", "Obama": "Barack Obama",
				"Given Obama": "Given Obama",
			},
		},
		{
			name:   "conflicting middle initials are two people, and a form that fits both stands apart",
			corpus: forms(2, "George W. Bush", "George H.W. Bush", "George Bush", "Jeb Bush"),
			want: map[string]string{
				"George W. Bush": "George W. Bush", "George H.W. Bush": "George H.W. Bush",
				"George Bush": "George Bush", "Jeb Bush": "Jeb Bush",
			},
		},
		{
			name:   "suffixes and short given names",
			corpus: append(forms(2, "Joseph R. Biden Jr.", "Biden", "Vice President Joe Biden"), forms(4, "Joe Biden")...),
			want: map[string]string{
				"Joseph R. Biden Jr.": "Joe Biden", "Biden": "Joe Biden", "Vice President Joe Biden": "Joe Biden", "Joe Biden": "Joe Biden",
			},
		},
		{
			name:   "different suffixes are different people",
			corpus: forms(2, "Martin Luther King Jr.", "Martin Luther King Sr.", "King"),
			want: map[string]string{
				"Martin Luther King Jr.": "Martin Luther King Jr.", "Martin Luther King Sr.": "Martin Luther King Sr.", "King": "King",
			},
		},
		{
			name: "descriptions and organisations keep their words, case unified",
			corpus: append(forms(2, "a senior State Department official", "the State Department", "the FBI", "Republicans"),
				forms(1, "The State Department", "the official")...),
			want: map[string]string{
				"a senior State Department official": "a senior State Department official",
				"the State Department":               "the State Department", "The State Department": "the State Department",
				"the FBI": "the FBI", "Republicans": "Republicans", "the official": "the official",
			},
		},
		{
			name:   "a name in capitals is written in title case when the corpus has no other",
			corpus: forms(2, "WALLACE", "CHRIS CHRISTIE", "Christie"),
			want:   map[string]string{"WALLACE": "Wallace", "CHRIS CHRISTIE": "Chris Christie", "Christie": "Chris Christie"},
		},
		{
			name:   "pronouns and empty names have no key",
			corpus: forms(1, "he", "they", "", "His"),
			want:   map[string]string{"he": "", "they": "", "": "", "His": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Keys(tt.corpus))
		})
	}
}

// TestKeysOrder checks that the keys do not depend on the order of the
// forms, and that forms of one name add up.
func TestKeysOrder(t *testing.T) {
	corpus := append(forms(3, "Donald J. Trump", "Trump", "Eric Trump", "Mr. Trump", "Hillary Clinton", "Clinton"), forms(5, "Donald Trump")...)
	want := Keys(corpus)
	for i := range corpus {
		rot := append(append([]Form{}, corpus[i:]...), corpus[:i]...)
		require.Equal(t, want, Keys(rot), "rotation %d", i)
	}
	split := append(forms(2, "Donald Trump", "Donald Trump"), corpus...)
	assert.Equal(t, want, Keys(split))
}

func TestFormOf(t *testing.T) {
	mention := func(s string) span.Span { return span.Span{Text: s} }
	tests := []struct {
		name string
		a    attribution.Attribution
		want Form
	}{
		{"a name and his pronoun", attribution.Attribution{
			Speaker: mention("he"),
			Entity:  attribution.Entity{ID: 1, Name: "Antony Blinken", Mentions: []span.Span{mention("Antony Blinken"), mention("he")}},
		}, Form{Name: "Antony Blinken", Attributions: 1, Male: 1}},
		{"an honorific", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Clinton", Mentions: []span.Span{mention("Mrs. Clinton")}},
		}, Form{Name: "Clinton", Attributions: 1, Female: 1}},
		{"both genders: no evidence", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Obama", Mentions: []span.Span{mention("Obama"), mention("he"), mention("she")}},
		}, Form{Name: "Obama", Attributions: 1}},
		{"the mention when nothing resolved it", attribution.Attribution{
			Speaker: mention("a  senior\nofficial"),
		}, Form{Name: "a senior official", Attributions: 1}},
		{"a bare pronoun names no one", attribution.Attribution{Speaker: mention("they")}, Form{}},
		{"no speaker", attribution.Attribution{}, Form{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, FormOf(tt.a))
		})
	}
}

func TestNicknames(t *testing.T) {
	_, err := nicknames()
	require.NoError(t, err)
	tests := []struct {
		a, b string
		want bool
	}{
		{"joe", "joseph", true},
		{"bill", "william", true},
		{"pat", "patricia", true},
		{"pat", "patrick", true},
		{"patrick", "patricia", false},
		{"joe", "john", false},
		{"hillary", "hillary", true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sameName(tt.a, tt.b), "%s %s", tt.a, tt.b)
	}
}
