package speaker

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/internal/names"
)

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
// "George H.W. Bush"), other suffixes, genders that disagree (a title's or
// a given name's), or a suffix that an article shows to tell a son from
// his father ("Donald Trump Jr." beside "Donald J. Trump", see
// [Form.Namesake]; without that, "Brent Bozell III" and "Brent Bozell"
// are one). A surname alone ("Trump", "Mr. Trump") joins the full name
// when the corpus names only one person of that surname, among those of
// its gender when it has one: the gender of its title, else the one the
// corpus gives it (see [Form]). It joins only a person's name: one that
// has a given name of the lists, an initial, a suffix, a title, a surname
// with a particle, a gender, or mentions that show a person
// ([Form.Person]), or when the surname alone shows one itself; never a
// name that parses like a person's but shows none ("Pew Research",
// "Islamic State"). Otherwise it keeps a key of its own ("Clinton", "Mrs.
// Clinton"), as does a full form that fits two people ("George Bush").
// Descriptions and organisations ("a senior State Department official",
// "the FBI"), places ("Israel") and groups ("supporters of Hillary
// Clinton") keep their words (see [Parse]); only their case is unified.
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
			bySurname[f] = append(bySurname[f], form{raw: s, name: p, n: sum[s].Attributions, gender: g,
				person: sum[s].Person > 0, namesake: sum[s].Namesake > 0})
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
	// person: the corpus shows the name's bearer to be a person
	// (Form.Person); namesake: its suffix tells a son from his father
	// (Form.Namesake).
	person, namesake bool
}

// personal reports whether the form alone shows a person's name: a
// given name of the lists or a short form of one, an initial, a suffix,
// a surname with a particle ("Le Pen", "de Blasio"), a title, a gender,
// or the corpus's evidence ([Form.Person]).
func (f form) personal() bool {
	n := f.name
	if f.person || f.gender != names.Unknown || n.Suffix != "" || slices.ContainsFunc(n.Middle, initial) ||
		strings.Contains(n.Surname, " ") {
		return true
	}
	if g := n.Given; g != "" && (initial(g) || names.Given(g) != names.Unknown || isNickname(fold(g))) {
		return true
	}
	t := strings.Fields(n.Title)
	return len(t) > 0 && titleWord(t[len(t)-1])
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

// fits reports whether f can be the person of every form of the cluster:
// names compatible, genders that do not conflict, and no suffix that the
// corpus shows to tell a son from his father (sons, see [Form.Namesake]).
func (c *cluster) fits(f form, sons []Name) bool {
	for _, g := range c.forms {
		if !compatible(f.name, g.name) || f.gender != names.Unknown && g.gender != names.Unknown && f.gender != g.gender ||
			fatherAndSon(f.name, g.name, sons) || fatherAndSon(g.name, f.name, sons) {
			return false
		}
	}
	return true
}

// fatherAndSon reports whether suffixed, a name with a suffix, and plain, a
// full name without one, are a son and his father by the corpus: one of
// sons, the suffixed names that an article calls a son and quotes beside
// the father ([Form.Namesake]), has their given name, surname and suffix.
func fatherAndSon(suffixed, plain Name, sons []Name) bool {
	if suffixed.Suffix == "" || plain.Suffix != "" || plain.Given == "" {
		return false
	}
	return slices.ContainsFunc(sons, func(s Name) bool {
		return fold(s.Suffix) == fold(suffixed.Suffix) && fold(s.Surname) == fold(suffixed.Surname) &&
			sameGiven(s.Given, suffixed.Given) && sameGiven(s.Given, plain.Given)
	})
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

// person reports whether a form of the cluster shows a person's name
// ([form.personal]), not an organisation's that parses like one ("Pew
// Research", "Islamic State").
func (c *cluster) person() bool { return slices.ContainsFunc(c.forms, form.personal) }

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
		s := slices.MinFunc(c.forms, bySpecificity).name
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
	slices.SortFunc(fs, bySpecificity)
	var sons []Name
	for _, f := range fs {
		if f.namesake {
			sons = append(sons, f.name)
		}
	}
	var out []*cluster
	for _, f := range fs {
		if f.name.Given == "" {
			continue
		}
		var fit []*cluster
		for _, c := range out {
			if !c.ambiguous && c.fits(f, sons) {
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
				if c.ambiguous && c.fits(f, sons) {
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
			if !c.ambiguous && (c.person() || f.personal()) && c.fits(f, sons) {
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
