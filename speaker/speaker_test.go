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
		// A description whose prepositional phrase takes the name as its
		// object is a group or a quantifier, not the person; a preposition
		// after a title's noun is part of the title.
		{"critics of Mayor Tom Reyes", Name{}},
		{"fans of Democrat Ann Cole", Name{}},
		{"Many in Republican Kansas", Name{}},
		{"Besides Canada", Name{}},
		{"Secretary of Defense Lloyd Austin", Name{Kind: Person, Title: "Secretary of Defense", Given: "Lloyd", Surname: "Austin"}},
		// A place name alone is no surname, unless a title or a given
		// name makes it one.
		{"Portugal", Name{}},
		{"New Mexico", Name{}},
		{"British Columbia", Name{}},
		{"Rep. Jordan", Name{Kind: Person, Title: "Rep.", Surname: "Jordan"}},
		{"Tom Jordan", Name{Kind: Person, Given: "Tom", Surname: "Jordan"}},
		// A headline in title case, and a name that ends in the noun of a
		// document or study, are no person's names.
		{"Bridge Plan Angers Okafor", Name{}},
		{"Harbor Survey", Name{}},
		{"Research", Name{}},
		{"Ana Ruiz Ortega", Name{Kind: Person, Given: "Ana", Middle: []string{"Ruiz"}, Surname: "Ortega"}},
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
			name:   "a place name alone is not the surname of a person named after it",
			corpus: append(forms(4, "Portugal", "Jordan"), forms(1, "Ana Portugal", "Michael B. Jordan", "Rep. Portugal")...),
			want: map[string]string{
				"Portugal": "Portugal", "Jordan": "Jordan", "Michael B. Jordan": "Michael B. Jordan",
				"Ana Portugal": "Ana Portugal", "Rep. Portugal": "Ana Portugal",
			},
		},
		{
			name: "a surname alone joins no organisation's name that parses like a person's",
			corpus: []Form{
				{Name: "Civic Action", Attributions: 2},
				{Name: "Action", Attributions: 3},
				{Name: "Zorba Okafor", Attributions: 2, Person: 1},
				{Name: "Okafor", Attributions: 3},
				{Name: "Luc Dessaint", Attributions: 2},
				{Name: "Dessaint", Attributions: 1, Male: 1},
				{Name: "Aurore de Vries", Attributions: 2},
				{Name: "de Vries", Attributions: 1},
			},
			want: map[string]string{
				"Civic Action": "Civic Action", "Action": "Action",
				"Zorba Okafor": "Zorba Okafor", "Okafor": "Zorba Okafor",
				"Luc Dessaint": "Luc Dessaint", "Dessaint": "Luc Dessaint",
				"Aurore de Vries": "Aurore de Vries", "de Vries": "Aurore de Vries",
			},
		},
		{
			name:   "a group or quantifier phrase is not the person it names",
			corpus: forms(2, "supporters of Republican Ann Cole", "Ann Cole", "Nobody in Nova Scotia", "Scotia"),
			want: map[string]string{
				"supporters of Republican Ann Cole": "supporters of Republican Ann Cole", "Ann Cole": "Ann Cole",
				"Nobody in Nova Scotia": "Nobody in Nova Scotia", "Scotia": "Scotia",
			},
		},
		{
			name:   "a surname alone does not reach a headline that ends in it",
			corpus: forms(1, "Bridge Plan Angers Okafor", "Okafor"),
			want:   map[string]string{"Bridge Plan Angers Okafor": "Bridge Plan Angers Okafor", "Okafor": "Okafor"},
		},
		{
			name: "a suffix an article shows to tell a son from his father keeps them apart",
			corpus: []Form{
				{Name: "Harold T. Lane", Attributions: 9, Male: 9},
				{Name: "Harold Lane", Attributions: 20},
				{Name: "Harold Lane Jr.", Attributions: 2, Male: 2, Namesake: 1},
				{Name: "Harold T. Lane Jr.", Attributions: 1},
				{Name: "Lane", Attributions: 4, Male: 4},
			},
			want: map[string]string{
				"Harold T. Lane": "Harold Lane", "Harold Lane": "Harold Lane",
				"Harold Lane Jr.": "Harold Lane Jr.", "Harold T. Lane Jr.": "Harold Lane Jr.",
				"Lane": "Lane",
			},
		},
		{
			name:   "without that evidence a suffix is set aside",
			corpus: forms(2, "Carl Ruiz III", "Carl Ruiz", "Ruiz"),
			want:   map[string]string{"Carl Ruiz III": "Carl Ruiz", "Carl Ruiz": "Carl Ruiz", "Ruiz": "Carl Ruiz"},
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
		}, Form{Name: "Antony Blinken", Attributions: 1, Male: 1, Person: 1}},
		{"an honorific", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Clinton", Mentions: []span.Span{mention("Mrs. Clinton")}},
		}, Form{Name: "Clinton", Attributions: 1, Female: 1, Person: 1}},
		{"both genders: no gender, but a person", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Obama", Mentions: []span.Span{mention("Obama"), mention("he"), mention("she")}},
		}, Form{Name: "Obama", Attributions: 1, Person: 1}},
		{"a title in an appositive shows a person", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Zorba Okafor", Mentions: []span.Span{mention("Zorba Okafor, chairman of the port authority")}},
		}, Form{Name: "Zorba Okafor", Attributions: 1, Person: 1}},
		{"so does the surname alone after the full name", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Zorba Okafor", Mentions: []span.Span{mention("Zorba Okafor"), mention("Okafor")}},
		}, Form{Name: "Zorba Okafor", Attributions: 1, Person: 1}},
		{"an organisation's mentions show no person", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Civic Action", Mentions: []span.Span{mention("Civic Action, a tenants' group"), mention("it")}},
		}, Form{Name: "Civic Action", Attributions: 1}},
		{"a surname alone is the full name a mention writes", attribution.Attribution{
			Speaker: mention("Jane Q. Cole, vice president of the harbor board"),
			Entity:  attribution.Entity{ID: 1, Name: "Cole", Mentions: []span.Span{mention("Jane Q. Cole, vice president of the harbor board")}},
		}, Form{Name: "Jane Q. Cole", Attributions: 1, Female: 0, Person: 1}},
		{"but not a capitalised word before it", attribution.Attribution{
			Entity: attribution.Entity{ID: 1, Name: "Zephyrin", Mentions: []span.Span{mention("Hacker Zephyrin"), mention("Zephyrin")}},
		}, Form{Name: "Zephyrin", Attributions: 1}},
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

func TestFormsOf(t *testing.T) {
	speaker := func(name string, mentions ...string) attribution.Attribution {
		a := attribution.Attribution{Speaker: span.Span{Text: mentions[0]}, Entity: attribution.Entity{ID: 1, Name: name}}
		for _, m := range mentions {
			a.Entity.Mentions = append(a.Entity.Mentions, span.Span{Text: m})
		}
		return a
	}
	tests := []struct {
		name  string
		attrs []attribution.Attribution
		want  []int // Namesake of each form
	}{
		{"a son the article names as such, beside his father", []attribution.Attribution{
			speaker("Harold T. Lane", "Harold T. Lane", "he"),
			speaker("Harold Lane Jr.", "his son Harold Lane Jr."),
		}, []int{0, 1}},
		{"the same man written with and without his suffix", []attribution.Attribution{
			speaker("Carl Ruiz III", "Carl Ruiz III, founder of the tenants' league"),
			speaker("Carl Ruiz", "Carl Ruiz"),
		}, []int{0, 0}},
		{"a son whose father says nothing in the article", []attribution.Attribution{
			speaker("Harold Lane Jr.", "Harold Lane Jr., the mayor's son"),
			speaker("Nadia Okafor", "Nadia Okafor"),
		}, []int{0, 0}},
		{"another given name is no father", []attribution.Attribution{
			speaker("Harold Lane Jr.", "his son Harold Lane Jr."),
			speaker("Tom Lane", "Tom Lane"),
		}, []int{0, 0}},
		{"no attributions", nil, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FormsOf(tt.attrs)
			require.Len(t, got, len(tt.want))
			for i, f := range got {
				assert.Equal(t, tt.want[i], f.Namesake, f.Name)
				one := FormOf(tt.attrs[i])
				one.Namesake = f.Namesake
				assert.Equal(t, one, f, "FormsOf is FormOf with the document's evidence")
			}
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
