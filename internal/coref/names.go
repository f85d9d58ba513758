package coref

import (
	"strings"

	"github.com/whosaid/whosaid/internal/names"
)

func (r *resolver) addOrg(run nameRun) {
	run.core = run.i
	m := r.runMention(run)
	key := r.key("o:", m.text(r.s.text))
	e, ok := r.byKey.get(key)
	if !ok {
		e = r.newEnt(entOrg)
		r.byKey.set(key, e)
		r.addRole(r.s.lower(run.j-1), e, int(m.start))
	}
	words := run.j - run.i
	switch {
	case !run.det:
		r.nameEnt(e, m.text(r.s.text), words)
	case r.betterName(e, words+1):
		// "the State Department" names it better than the modifier in "a
		// State Department official": the text's own words when they
		// are that, else a string built only when it is taken.
		name, text := "", r.s.text
		if start := int(m.start); start >= 4 && text[start-4:start] == "the " {
			name = text[start-4 : m.end]
		} else {
			name = "the " + m.text(text)
		}
		r.nameEnt(e, name, words+1)
	}
	r.addMention(m, e)
}

func (r *resolver) addGroupName(run nameRun) {
	m := r.runMention(run)
	key := r.key("g:", m.text(r.s.text))
	e, ok := r.byKey.get(key)
	if !ok {
		e = r.newEnt(entGroup)
		r.ents[e].plural = true
		r.byKey.set(key, e)
		if sg, ok := r.s.titlePlural(run.j - 1); ok {
			r.addRole(sg, e, int(m.start))
		}
	}
	r.nameEnt(e, m.text(r.s.text), 1)
	r.addMention(m, e)
}

// addPerson files a person's name under its surname, joining the entity
// that has the same surname and a compatible given name.
func (r *resolver) addPerson(run nameRun) {
	s := r.s
	m := r.runMention(run)
	sk := run.j - 1 // the surname
	sw := s.form(sk)
	var given string
	g := run.gender
	gw := 0
	if g != names.Unknown {
		gw = 5
	}
	if run.j-run.core > 1 {
		given = s.lower(run.core)
		if gg := s.given(run.core); gg != names.Unknown {
			g, gw = gg, 5
		}
	}
	// The surname alone stands for the person most mentioned so far under
	// it ("Clinton" is Hillary Clinton in a text that names Bill Clinton
	// once), the first named among equals: a second person of the same
	// surname goes by the full name.
	e := -1
	for x, n := int(sw.surnameEnt), 0; x > 0 && n < maxBucket; x, n = int(r.ents[x-1].prevSurname), n+1 {
		c := &r.ents[x-1]
		if given != "" && c.given != "" && !sameGiven(c.given, given) {
			continue
		}
		if g != names.Unknown && gw >= 5 && c.gender() != names.Unknown && c.gender() != g {
			continue
		}
		if e < 0 || given == "" && c.count >= r.ents[e].count {
			e = x - 1
		}
		if given != "" {
			break
		}
	}
	// A given name alone ("Melanie", "Jeb") stands for the person of that
	// given name, unless some full name has it as surname.
	if b := int(sw.givenEnt); given == "" && b > 0 && (e < 0 || r.ents[e].given == "" && r.ents[e].nameScore <= 1) {
		e = b - 1
	}
	if e < 0 && given == "" {
		if e < 0 && s.given(sk) != names.Unknown && gw == 0 {
			g, gw = s.given(sk), 3
		}
	}
	if e < 0 {
		e = r.newEnt(entUnknown)
		r.fileSurname(sw, e)
	}
	c := &r.ents[e]
	if given != "" && c.given == "" {
		c.given = given
		s.form(run.core).givenEnt = int32(e + 1)
	}
	if given != "" || len(run.titles) > 0 || gw > 0 {
		c.kind = entPerson
	}
	switch g {
	case names.Male:
		c.male += int32(gw)
	case names.Female:
		c.female += int32(gw)
	}
	// The adjectives of nation and party of the name go with its titles
	// ("Republican presidential nominee Donald Trump"), found for the
	// first that is filed.
	mods, found := "", false
	for k, t := range run.titles {
		if k > 0 && deputy(s.formStr(run.titles[k-1])) {
			continue // a vice president is not "the president"
		}
		if h := s.formHead(t); h != "" {
			if !found {
				mods, found = r.modifiers(run.i, run.j), true
			}
			r.fileRole(h, roleRef{pos: int(m.start), ent: e, mods: mods})
		}
	}
	r.appositive(run.j, e, int(m.start))
	words := run.j - run.core
	if gw >= 5 && given != "" {
		words += 2 // a known given name: the fullest form of the name
	}
	r.nameEnt(e, m.text(r.s.text), words)
	r.addMention(m, e)
}

// appositive files person e under the role noun of an appositive that
// starts at word k: "Josh Earnest, the White House press secretary,",
// "Hugh Hill, a doctor,". A gendered role gives e its gender.
func (r *resolver) appositive(k, e, pos int) {
	s := r.s
	if k >= len(s.words) || s.words[k-1].has(wPoss) || strings.TrimSpace(s.text[s.words[k-1].end:s.start(k)]) != "," {
		return
	}
	switch s.lower(k) {
	case "a", "an", "the":
	default:
		return
	}
	for i := k + 1; i < len(s.words) && i < k+7 && s.sentOf(i) == s.sentOf(k); i++ {
		if strings.ContainsAny(s.text[s.words[i-1].end:s.start(i)], ",;:()—") {
			return
		}
		g, ok := s.title(i)
		if !ok || s.words[i].has(wCap) {
			continue
		}
		if i+1 < len(s.words) && !s.words[i+1].has(wCap) && s.words[i+1].has(wJoin) && s.is(i+1, fTitle) {
			continue // "press secretary": the head comes last
		}
		h := s.head(i)
		r.fileRole(h, roleRef{pos: pos, ent: e, mods: r.modifiers(k, i+1)})
		switch g {
		case names.Male:
			r.ents[e].male += 3
		case names.Female:
			r.ents[e].female += 3
		}
		return
	}
}

// deputy reports whether title w makes the title after it a lesser
// office: "Vice President", "Deputy Secretary".
func deputy(w string) bool {
	switch w {
	case "vice", "deputy", "assistant", "under", "associate":
		return true
	}
	return false
}

func sameGiven(a, b string) bool {
	if a == b {
		return true
	}
	// An initial matches its name: "J. Smith", "John Smith".
	if len(a) == 2 && a[1] == '.' || len(b) == 2 && b[1] == '.' {
		return a[0] == b[0]
	}
	return false
}

// coordinations records two people joined by "and" ("Obama and Hillary
