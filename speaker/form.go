package speaker

import (
	"cmp"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/span"
)

// NameOf returns the name an attribution's speaker goes by across a corpus:
// the resolved name (Entity.Name), else the mention as written, with its
// white space collapsed; "" when there is neither or when it is a bare
// pronoun ("he", "they"), which names no one outside its text. When the
// resolved name is a surname alone and a mention of the speaker writes the
// person's full name ("Jill A. Martin, vice president of ..." for
// "Martin"), the name is that full name, without its title: the surname
// alone would join another person of that surname across the corpus.
func NameOf(a attribution.Attribution) string {
	n := collapse(a.Entity.Name)
	if n == "" {
		n = collapse(a.Speaker.Text)
	}
	if n == "" || Parse(n).Kind == Pronoun {
		return ""
	}
	if full := fullName(n, a); full != "" {
		return full
	}
	return n
}

// collapse returns s with its runs of white space made one space and its
// ends trimmed.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// fullName returns, when name is a surname alone, the fullest person's
// name of that surname that a mention of the speaker begins with (the
// words before an appositive or a clause: "Jill A. Martin" of "Jill A.
// Martin, vice president ..."), written without its title; "" when name
// is no surname alone or no mention writes the full name.
func fullName(name string, a attribution.Attribution) string {
	p := Parse(name)
	if p.Kind != Person || p.Given != "" {
		return ""
	}
	var best Name
	for _, s := range append([]string{a.Speaker.Text}, mentionTexts(a.Entity.Mentions)...) {
		lead, _, _ := strings.Cut(s, ",")
		if i := strings.IndexAny(lead, "(;:—–"); i >= 0 {
			lead = lead[:i]
		}
		q := Parse(lead)
		if q.Kind != Person || q.Given == "" || fold(q.Surname) != fold(p.Surname) || specificity(q) <= specificity(best) {
			continue
		}
		// The first word is a given name, not a capitalised word before
		// the surname ("Hacker Guccifer", "Other Netizens"): one of the
		// lists, an initial, or the mention calls a person by a title.
		if (form{name: q}).personal() || personMention(strings.Fields(s), Name{}) {
			best = q
		}
	}
	if best.Kind != Person {
		return ""
	}
	parts := append(append([]string{best.Given}, best.Middle...), best.Surname)
	if best.Suffix != "" {
		parts = append(parts, best.Suffix)
	}
	return strings.Join(parts, " ")
}

// mentionTexts returns the text of each mention.
func mentionTexts(ms []span.Span) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Text
	}
	return out
}

// Form is one distinct speaker name of a corpus and what the corpus tells
// of it.
type Form struct {
	// Name is the name as [NameOf] gives it.
	Name string `json:"name"`
	// Attributions counts the attributions under the name.
	Attributions int `json:"attributions"`
	// Male and Female count those whose speaker the text also calls "he"
	// or "she", or gives a title of that gender ("Mr.", "Mrs.").
	Male   int `json:"male,omitempty"`
	Female int `json:"female,omitempty"`
	// Person counts those whose speaker the text shows to be a person: it
	// calls the speaker "he" or "she", gives it a title or a role noun
	// ("President Bashar Assad", "Cecile Richards, president of ..."), or
	// names it by its surname alone after its full name ("Hollande" after
	// "François Hollande"), as a text seldom names an organisation by the
	// last word of its name ("Research" for "Pew Research").
	Person int `json:"person,omitempty"`
	// Namesake counts those of a name with a suffix ("Donald Trump Jr.")
	// that a mention calls a son or a father ("his son Donald Jr.") and
	// whose document also quotes a speaker of the same given name and
	// surname without the suffix ("Donald J. Trump"): there the suffix
	// tells a son from the father he is named after. [FormsOf] sets it;
	// [FormOf], which sees one attribution, cannot. Without the kinship
	// the two full names are taken for one person, as a writer may name
	// him both ways ("Brent Bozell III", "Brent Bozell").
	Namesake int `json:"namesake,omitempty"`
}

// FormOf returns the form of one attribution: its name, the gender its
// speaker's mentions give it (a pronoun or a title of one gender, and none
// of the other) and whether they show a person; a zero Form when it has
// no name. It cannot see the other attributions of the document: see
// [FormsOf].
func FormOf(a attribution.Attribution) Form {
	f := Form{Name: NameOf(a)}
	if f.Name == "" {
		return Form{}
	}
	f.Attributions = 1
	n := Parse(f.Name)
	var m, w, person bool
	for _, s := range a.Entity.Mentions {
		words := strings.Fields(s.Text)
		if len(words) == 0 {
			continue
		}
		g := names.Unknown
		if p, ok := names.PronounOf(words[0]); ok {
			g = p.Gender
		} else if t, ok := names.Title(words[0]); ok {
			g = t
		}
		m = m || g == names.Male
		w = w || g == names.Female
		person = person || g == names.Male || g == names.Female || personMention(words, n)
	}
	if m != w {
		if m {
			f.Male = 1
		} else {
			f.Female = 1
		}
	}
	if person {
		f.Person = 1
	}
	return f
}

// personMention reports whether the words of a mention show a person: a
// title or role noun among them ("President Bashar Assad", "Cecile
// Richards, president of ...", "the senator"), or, for a full name n, the
// surname alone ("Hollande", "Mr. Hollande").
func personMention(words []string, n Name) bool {
	for _, w := range words {
		if titleWord(strings.Trim(w, `,;:()"“”‘’'`)) {
			return true
		}
	}
	return n.Kind == Person && n.Given != "" && fold(strings.Join(words, " ")) == fold(n.Surname)
}

// FormsOf returns the forms of the attributions of one document, one for
// each attribution in order (a zero Form for one with no name): those of
// [FormOf], with the evidence that needs the whole document
// ([Form.Namesake]).
func FormsOf(attrs []attribution.Attribution) []Form {
	out := make([]Form, len(attrs))
	for i, a := range attrs {
		out[i] = FormOf(a)
	}
	// The full names without a suffix that the document gives speakers.
	var plain []Name
	for _, f := range out {
		if n := Parse(f.Name); n.Kind == Person && n.Given != "" && n.Suffix == "" {
			plain = append(plain, n)
		}
	}
	for i, f := range out {
		n := Parse(f.Name)
		if n.Kind != Person || n.Given == "" || n.Suffix == "" || !kin(attrs[i]) {
			continue
		}
		if slices.ContainsFunc(plain, func(p Name) bool { return namesakes(n, p) }) {
			out[i].Namesake = 1
		}
	}
	return out
}

// kinNouns name a father or a son.
var kinNouns = map[string]bool{"son": true, "father": true, "namesake": true}

// kin reports whether a mention of the speaker calls it a father or a son
// ("his son Donald Jr.", "Donald Trump Jr., the candidate's son").
func kin(a attribution.Attribution) bool {
	for _, s := range append([]string{a.Speaker.Text}, mentionTexts(a.Entity.Mentions)...) {
		for _, w := range strings.Fields(s) {
			if kinNouns[strings.Trim(strings.ToLower(w), `,;:()"“”‘’'`)] {
				return true
			}
		}
	}
	return false
}

// namesakes reports whether a name with a suffix and a full name without
// one can be those of a son and his father: the same given name as
// written, the same surname, middle initials that agree.
func namesakes(suffixed, plain Name) bool {
	p := plain
	p.Suffix = suffixed.Suffix
	return fold(suffixed.Given) == fold(plain.Given) && compatible(suffixed, p)
}

// Add returns the sum of two forms of one name.
func (f Form) Add(g Form) Form {
	if f.Name == "" {
		f.Name = g.Name
	}
	f.Attributions += g.Attributions
	f.Male += g.Male
	f.Female += g.Female
	f.Person += g.Person
	f.Namesake += g.Namesake
	return f
}

// gender is the gender the corpus gives the name: one gender at least four
// times as often as the other.
func (f Form) gender() names.Gender {
	switch {
	case f.Male > 0 && f.Male >= 4*f.Female:
		return names.Male
	case f.Female > 0 && f.Female >= 4*f.Male:
		return names.Female
	}
	return names.Unknown
}

// bySpecificity orders forms by how much they say, most first, then by
// their attributions, most first, then in byte order.
func bySpecificity(a, b form) int {
	return cmp.Or(-cmp.Compare(specificity(a.name), specificity(b.name)), -cmp.Compare(a.n, b.n), strings.Compare(a.raw, b.raw))
}
