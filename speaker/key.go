package speaker

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/internal/names"
)

// NameOf returns the name an attribution's speaker goes by across a corpus:
// the resolved name (Entity.Name), else the mention as written, with its
// white space collapsed; "" when there is neither or when it is a bare
// pronoun ("he", "they"), which names no one outside its text.
func NameOf(a attribution.Attribution) string {
	n := strings.Join(strings.Fields(a.Entity.Name), " ")
	if n == "" {
		n = strings.Join(strings.Fields(a.Speaker.Text), " ")
	}
	if n == "" || Parse(n).Kind == Pronoun {
		return ""
	}
	return n
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
}

// FormOf returns the form of one attribution: its name and the gender
// its speaker's mentions give it (a pronoun or a title of one gender,
// and none of the other); a zero Form when it has no name.
func FormOf(a attribution.Attribution) Form {
	f := Form{Name: NameOf(a)}
	if f.Name == "" {
		return Form{}
	}
	f.Attributions = 1
	var m, w bool
	for _, s := range a.Entity.Mentions {
		first, _, _ := strings.Cut(strings.TrimSpace(s.Text), " ")
		g := names.Unknown
		if p, ok := names.PronounOf(first); ok {
			g = p.Gender
		} else if t, ok := names.Title(first); ok {
			g = t
		}
		m = m || g == names.Male
		w = w || g == names.Female
	}
	if m != w {
		if m {
			f.Male = 1
		} else {
			f.Female = 1
		}
	}
	return f
}

// Add returns the sum of two forms of one name.
func (f Form) Add(g Form) Form {
	if f.Name == "" {
		f.Name = g.Name
	}
	f.Attributions += g.Attributions
	f.Male += g.Male
	f.Female += g.Female
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

// Keys gives every speaker name of a corpus its corpus-wide key. forms
// holds each distinct name with its counts (forms of the same name are
// added up); the result maps each name to its key, and a bare pronoun or
// an empty name to "".
//
// Names of one person share a key: their case, titles and honorifics
// ("Sen.", "Mr.", "President"), middle names and initials, suffixes
// ("Jr.") and the short forms of given names ("Joe", "Joseph") set aside,
// so "Donald J. Trump", "Donald Trump" and "DONALD TRUMP" are one. Two
// forms are kept apart when they conflict: other given names ("Bill
// Clinton", "Hillary Clinton"), other middle initials ("George W. Bush",
// "George H.W. Bush"), other suffixes, or genders that disagree (a
// title's or a given name's). A surname alone ("Trump", "Mr. Trump")
// joins the full name when the corpus names only one person of that
// surname, among those of its gender when it has one: the gender of its
// title, else the one the corpus gives it (see [Form]). Otherwise it
// keeps a key of its own ("Clinton", "Mrs. Clinton"), as does a full form
// that fits two people ("George Bush"). Descriptions and organisations ("a
// senior State Department official", "the FBI") keep their words; only
// their case is unified.
//
// A key is a name as the corpus writes it: the given name and surname of
// the person's most frequent form ("Donald Trump"), with the middle
// initials or suffix when two people of the corpus would otherwise share
// it; for other names, the most frequent form. The result depends only on
// the forms, not on their order.
func Keys(forms []Form) map[string]string {
	sum := map[string]Form{}
	for _, f := range forms {
		sum[f.Name] = sum[f.Name].Add(f)
	}
	out := make(map[string]string, len(sum))
	others := map[string][]form{}
	bySurname := map[string][]form{}
	for _, s := range slices.Sorted(maps.Keys(sum)) {
		name := strings.Join(strings.Fields(s), " ")
		p := Parse(name)
		switch {
		case p.Kind == Pronoun || name == "":
			out[s] = ""
		case p.Kind == Person:
			g := p.gender()
			if g == names.Unknown {
				g = sum[s].gender()
			}
			f := fold(p.Surname)
			bySurname[f] = append(bySurname[f], form{raw: s, name: p, n: sum[s].Attributions, gender: g})
		default:
			f := fold(name)
			others[f] = append(others[f], form{raw: s, n: sum[s].Attributions})
		}
	}
	for _, fs := range others {
		key := strings.Join(strings.Fields(top(fs).raw), " ")
		for _, f := range fs {
			out[f.raw] = key
		}
	}
	for _, fs := range bySurname {
		for _, c := range people(fs) {
			key := c.key()
			for _, f := range c.forms {
				out[f.raw] = key
			}
		}
	}
	return out
}

// form is one distinct name of the corpus.
type form struct {
	raw    string // as given
	name   Name
	n      int // attributions
	gender names.Gender
}

// top returns the form with the most attributions, preferring one not in
// capitals, then the first in byte order: the one a key is written as.
func top(fs []form) form {
	return slices.MinFunc(fs, func(a, b form) int {
		return cmp.Or(-cmp.Compare(a.n, b.n), cmp.Compare(shouty(a.raw), shouty(b.raw)), strings.Compare(a.raw, b.raw))
	})
}

// shouty is 1 for a name written all in capitals ("WALLACE"), else 0.
func shouty(s string) int {
	if strings.ToUpper(s) == s && strings.ToLower(s) != s {
		return 1
	}
	return 0
}

// cluster is the forms of one key within a surname.
type cluster struct {
	forms []form
	// bare: a surname alone that joined no one; gender is its title's.
	bare   bool
	gender names.Gender
	// ambiguous: a full form that fits more than one person.
	ambiguous bool
	// full: write the key with middle names and suffix (two people would
	// share the short form).
	full bool
}

func (c *cluster) fits(f form) bool {
	for _, g := range c.forms {
		if !compatible(f.name, g.name) || f.gender != names.Unknown && g.gender != names.Unknown && f.gender != g.gender {
			return false
		}
	}
	return true
}

// knownGiven reports whether a form of the cluster has a given name of
// the given-name lists, or a short form of one.
func (c *cluster) knownGiven() bool {
	for _, f := range c.forms {
		if g := f.name.Given; g != "" && (names.Given(g) != names.Unknown || isNickname(fold(g))) {
			return true
		}
	}
	return false
}

// key writes the cluster's key: see [Keys].
func (c *cluster) key() string {
	if c.bare {
		t := top(c.forms)
		if c.gender == names.Unknown {
			return titleCase(t.name.Surname, t.name)
		}
		// The honorific most used with the surname: "Mrs. Clinton".
		titled := slices.DeleteFunc(slices.Clone(c.forms), func(f form) bool { return f.name.Title == "" })
		tt := top(titled).name
		title := strings.Fields(tt.Title)
		return title[len(title)-1] + " " + tt.Surname
	}
	// The most frequent form with a given name written out, without its
	// title.
	full := slices.DeleteFunc(slices.Clone(c.forms), func(f form) bool { return f.name.Given == "" || initial(f.name.Given) })
	if len(full) == 0 {
		full = slices.DeleteFunc(slices.Clone(c.forms), func(f form) bool { return f.name.Given == "" })
	}
	t := top(full).name
	parts := append(append([]string{t.Given}, t.Middle...), t.Surname)
	if t.Suffix != "" {
		parts = append(parts, t.Suffix)
	}
	if c.full {
		// Two people would share that form: the most specific form
		// spells out what tells this one apart.
		s := slices.MinFunc(c.forms, func(a, b form) int {
			return cmp.Or(-cmp.Compare(specificity(a.name), specificity(b.name)), -cmp.Compare(a.n, b.n), strings.Compare(a.raw, b.raw))
		}).name
		parts = append(append([]string{t.Given}, s.Middle...), t.Surname)
		if s.Suffix != "" {
			parts = append(parts, s.Suffix)
		}
	}
	return titleCase(strings.Join(parts, " "), t)
}

// titleCase returns s, or s in title case when every form of it is in
// capitals ("DONALD TRUMP" alone gives "Donald Trump").
func titleCase(s string, n Name) string {
	if shouty(n.Given+n.Surname) == 0 {
		return s
	}
	rs := []rune(strings.ToLower(s))
	for i := range rs {
		if i == 0 || rs[i-1] == ' ' || rs[i-1] == '-' || rs[i-1] == '.' {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}

// specificity ranks how much a form says: middle initials, a suffix, a
// given name written out.
func specificity(n Name) int {
	s := 2 * len(initials(n.Middle))
	if n.Suffix != "" {
		s++
	}
	if n.Given != "" && !initial(n.Given) {
		s++
	}
	return s
}

// people sorts the forms of one surname into clusters: the most specific
// forms first found the people, each later form joins the one person it
// fits, a full form that fits several stands apart, and a surname alone
// joins the only person it fits or stands apart with the others of its
// gender.
func people(fs []form) []*cluster {
	slices.SortFunc(fs, func(a, b form) int {
		return cmp.Or(-cmp.Compare(specificity(a.name), specificity(b.name)), -cmp.Compare(a.n, b.n), strings.Compare(a.raw, b.raw))
	})
	var out []*cluster
	for _, f := range fs {
		if f.name.Given == "" {
			continue
		}
		var fit []*cluster
		for _, c := range out {
			if !c.ambiguous && c.fits(f) {
				fit = append(fit, c)
			}
		}
		switch len(fit) {
		case 1:
			fit[0].forms = append(fit[0].forms, f)
		case 0:
			out = append(out, &cluster{forms: []form{f}})
		default:
			// Fits two people: it joins a form that fitted them alike.
			joined := false
			for _, c := range out {
				if c.ambiguous && c.fits(f) {
					c.forms = append(c.forms, f)
					joined = true
					break
				}
			}
			if !joined {
				out = append(out, &cluster{forms: []form{f}, ambiguous: true})
			}
		}
	}
	persons := len(out)
	bare := map[names.Gender]*cluster{}
	for _, f := range fs {
		if f.name.Given != "" {
			continue
		}
		var fit []*cluster
		for _, c := range out[:persons] {
			if !c.ambiguous && c.fits(f) {
				fit = append(fit, c)
			}
		}
		if len(fit) > 1 {
			// A first word that is no known given name ("Given Obama",
			// a sentence's first word glued to a name) is not another
			// person when someone with a known given name fits.
			known := slices.DeleteFunc(slices.Clone(fit), func(c *cluster) bool { return !c.knownGiven() })
			if len(known) > 0 {
				fit = known
			}
		}
		if len(fit) == 1 {
			fit[0].forms = append(fit[0].forms, f)
			continue
		}
		// Those that join no one stand apart by the gender of their
		// title: "Clinton", "Mrs. Clinton".
		g := f.name.gender()
		if bare[g] == nil {
			bare[g] = &cluster{bare: true, gender: g}
			out = append(out, bare[g])
		}
		bare[g].forms = append(bare[g].forms, f)
	}
	// Two people whose short keys would be the same are written in full.
	short := map[string][]*cluster{}
	for _, c := range out[:persons] {
		k := fold(c.key())
		short[k] = append(short[k], c)
	}
	for _, cs := range short {
		if len(cs) > 1 {
			for _, c := range cs {
				c.full = true
			}
		}
	}
	return out
}
