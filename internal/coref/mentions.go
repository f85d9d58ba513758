package coref

import (
	"slices"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/internal/room"
	"github.com/whosaid/whosaid/span"
)

// maxBucket bounds the people of one surname a name is compared with.
const maxBucket = 16

// nameRun is a capitalised word sequence before classification.
type nameRun struct {
	i, j   int     // words [i, j)
	core   int     // first word of the name proper
	titles []int32 // form ids of its titles, in r.titleBuf
	gender names.Gender
	det    bool // preceded by "the"
	indef  bool // preceded by a, an, this, that: "a Donald Trump tweet"
}

// mentions finds the proper-name mentions of the text and the plural nouns
// that name groups of people, and groups them into entities.
func (r *resolver) mentions(b *bufs) {
	s := r.s
	n := len(s.words)
	headline := r.headlines(b)
	for i := 0; i < n; {
		// A word in lower case, most of them, is no name word, and is a
		// group noun by its form alone: nameWord and groupNoun, read
		// here without a call for it. Its sentence is read only for a
		// group noun, which a headline does not make.
		if w := &s.words[i]; w.flags&wCap == 0 {
			// formIs of fGroupNoun, with the answer the form holds, as it
			// does after the first of its words, read here without a call.
			id := w.form
			f := &s.forms[id]
			if f.known&fGroupNoun == 0 {
				if mayBeGroupNoun(s.formStr(id)) {
					s.lookUp(id, fGroupNoun)
				} else {
					// Most forms are no group noun, nor the plural of a
					// title, by how they end: lookUp would find that of
					// them, and it is recorded here, with no call.
					f.known |= fGroupNoun | fTitlePlural
				}
			}
			if f.is&fGroupNoun != 0 && !headline[s.sentOf(i)] {
				i = r.addGroup(i, s.extras[f.extra-1].group)
				continue
			}
			i++
			continue
		}
		if headline[s.sentOf(i)] {
			i++
			continue
		}
		if !s.nameWord(i) {
			if g, ok := r.groupNoun(i); ok {
				i = r.addGroup(i, g)
				continue
			}
			i++
			continue
		}
		j := i + 1
		for j < n && s.words[j].has(wJoin) && !s.words[j-1].has(wPoss) && s.sentOf(j) == s.sentOf(i) {
			switch {
			case s.nameWord(j):
			case s.connector(j) && j+1 < n && s.words[j+1].has(wJoin) && s.nameWord(j+1):
			case s.lower(j) == "of" && j+1 < n && s.words[j+1].has(wJoin) && s.nameWord(j+1) &&
				(s.is(j-1, fOrg) || s.is(j-1, fHead)):
			default:
				goto done
			}
			j++
		}
	done:
		r.addRun(i, j)
		i = j
	}
	r.coordinations()
}

// headlines returns the sentences written in title case ("Paul Ryan Thinks
// Trump Can Win"), where capitals do not mark names: at most one word in
// lower case besides function words, and at least two capitalised words
// that the text also writes in lower case.
func (r *resolver) headlines(b *bufs) []bool {
	s := r.s
	n := len(s.st.Sents)
	out := slices.Grow(b.headline[:0], n)[:n]
	clear(out)
	b.headline = out
	for i := 0; i < len(s.words); {
		// The words of the sentence are those whose first token is before
		// its end, as the words and the sentences' tokens are in order.
		sent := s.sentOf(i)
		end := s.st.Sents[sent].End
		j, words, lower, common := i, 0, 0, 0
		// A second word in lower case settles it: not a headline.
		for ; j < len(s.words) && s.words[j].tok < end && lower <= 1; j++ {
			t := &s.words[j]
			words++
			if s.is(j, fFunction) {
				if t.has(wCap) && j > i {
					common++
				}
				continue
			}
			switch {
			case !t.has(wCap):
				lower++
			case j > i && s.alsoLower(j) && !s.is(j, fGiven) && !s.is(j, fHead) && !s.is(j, fGroup):
				common++ // not a title: "President Obama"
			}
		}
		if lower <= 1 && (common >= 2 || common == 1 && lower == 0 && words >= 5) {
			out[sent] = true
		}
		for j < len(s.words) && s.words[j].tok < end {
			j++
		}
		i = j
	}
	return out
}

// groupNoun reports whether word i is a plural noun for people
// ("officials", "Republicans", "environmentalists"), and returns the noun
// a description uses for it: the singular of a role noun ("official"),
// else the word ("people", "police", "staff").
func (r *resolver) groupNoun(i int) (string, bool) {
	s, t := r.s, &r.s.words[i]
	if t.has(wCap) && !t.has(wFirst) || !s.is(i, fGroupNoun) {
		return "", false
	}
	return s.extras[s.form(i).extra-1].group, true
}

// addGroup records the plural noun phrase around word i: capitalised
// modifiers before it ("McConnell aides") and an "of" phrase after it
// ("members of the Congressional Black Caucus"). It returns the word after
// the phrase.
func (r *resolver) addGroup(i int, head string) int {
	s := r.s
	// Mentions stay in order of their start.
	floor := 0
	if n := len(s.ments); n > 0 {
		floor = int(s.ments[n-1].start)
	}
	a := i
	for a > 0 && a > i-6 && s.words[a].has(wJoin) && s.sentOf(a-1) == s.sentOf(i) && s.words[a-1].has(wCap) &&
		!s.words[a-1].has(wPoss) && !s.is(a-1, fStop) && int(s.start(a-1)) >= floor {
		a--
	}
	b := i + 1
	if b+1 < len(s.words) && s.words[b].has(wJoin) && s.lower(b) == "of" && !s.words[i].has(wPoss) {
		c := b + 1
		if s.lower(c) == "the" && c+1 < len(s.words) {
			c++
		}
		d := c
		for d < len(s.words) && s.words[d].has(wJoin) && s.nameWord(d) && s.sentOf(d) == s.sentOf(i) {
			d++
		}
		if d > c {
			b = d
		}
	}
	sp := s.span(a, b)
	m := newMention(sp, a, b, s.sentOf(i))
	m.quoted, m.subj = s.quotedAt(i), r.clauseStart(a)
	key := r.key("g:", sp.Text)
	e, ok := r.byKey.get(key)
	if !ok {
		e = r.newEnt(entGroup)
		r.byKey.set(key, e)
		r.ents[e].plural = true
		r.addRole(head, e, sp.Start)
	}
	r.nameEnt(e, sp.Text, 1+b-a)
	r.addMention(m, e)
	return b
}

// addRun classifies the capitalised words [i, j) and records the mention.
func (r *resolver) addRun(i, j int) {
	s := r.s
	run := nameRun{i: i, j: j, core: i, titles: r.titleBuf[:0]}
	if i > 0 {
		switch s.lower(i - 1) {
		case "the":
			run.det = true
		case "a", "an", "this", "that":
			run.indef = true
		}
	}
	// A byline names the writer, who is not a speaker of the text; a
	// dateline in capitals names a place ("CHARLOTTE, N.C. —").
	if i > 0 && s.lower(i-1) == "by" && s.words[i-1].has(wFirst) || r.dateline(i, j) {
		return
	}
	// A lower-case organization word after the name makes it one: "the
	// Clinton campaign", "the Obama administration".
	if j < len(s.words) && s.words[j].has(wJoin) && !s.words[j].has(wCap) && !s.words[j-1].has(wPoss) && s.is(j, fOrg) && s.sentOf(j) == s.sentOf(i) {
		run.j++
		r.addOrg(run)
		return
	}
	last, first := &s.words[j-1], &s.words[i]
	// A plural ends the name of a group: "Senate Republicans", "Oversight
	// Committee Republicans".
	if j-i > 1 && !last.has(wPoss) && (s.is(j-1, fTitlePlural) || s.is(j-1, fGroupPlural)) {
		r.addGroupName(run)
		return
	}
	if s.is(j-1, fOrg) || acronym(s.text[s.start(j-1):last.nameEnd()]) && j-i == 1 && !s.is(j-1, fGroup) ||
		j-i > 1 && acronym(s.text[s.start(i):first.end]) && !r.hasTitle(i, j) {
		r.addOrg(run)
		return
	}
	// Titles and modifiers before the name: "Secretary of State", "House
	// Speaker", "Republican".
	for k := i; k < j-1; k++ {
		if s.is(k, fTitlePlural) {
			run.core = k + 1 // "the meeting of Presidents Biden and Macron"
			continue
		}
		g, title := s.title(k)
		if !title && !s.is(k, fHead) && !s.is(k, fGroup) {
			continue
		}
		if title {
			run.titles = append(run.titles, s.formID(k))
			if g != names.Unknown {
				run.gender = g
			}
		}
		run.core = k + 1
		if k+2 < j && s.lower(k+1) == "of" {
			run.core = k + 3
			k += 2
		}
	}
	if run.core >= j {
		return // a title alone: "President"
	}
	// A role noun just before the name: "journalist Anne-Sophie Lapix".
	if i > 0 && s.words[i].has(wJoin) && !s.words[i-1].has(wCap) {
		if g, ok := s.title(i - 1); ok {
			run.titles = append(run.titles, s.formID(i-1))
			if g != names.Unknown && run.gender == names.Unknown {
				run.gender = g
			}
		}
	}
	core := j - run.core
	c := run.core
	if core == 1 {
		switch {
		case s.is(c, fGroupPlural):
			run.i = run.core
			r.addGroupName(run)
			return
		case s.is(c, fGroup) && !(run.det && (j >= len(s.words) || s.words[j].has(wCap) || !s.words[j].has(wJoin))):
			return // "Republican", "a Russian outlet"; but "the French said"
		case len(run.titles) == 0 && s.words[c].has(wFirst) && !s.is(c, fGiven) &&
			(s.alsoLower(c) || strings.HasSuffix(s.lower(c), "ly") && j < len(s.words) && !s.words[j].has(wJoin)):
			return // a common word at the start of a sentence: "Seriously, ..."
		}
	}
	if run.det && len(run.titles) == 0 && !s.is(c, fGiven) {
		r.addOrg(run) // "the United States", "the Supreme Court"
		return
	}
	r.addPerson(run)
}

// clauseStart reports whether the words before word i, skipping
// determiners, titles and capitalised modifiers, begin a sentence or a
// clause: the mention is then likely a subject.
func (r *resolver) clauseStart(i int) bool {
	s := r.s
	if i <= 0 || s.words[i].has(wFirst) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := &s.words[k]
		if s.sentOf(k) != s.sentOf(i) {
			return true
		}
		if strings.ContainsAny(s.text[t.end:s.start(k+1)], ";:,“”\"—(") {
			return true
		}
		switch s.lower(k) {
		case "but", "and", "that", "as", "when", "while", "because", "although", "though", "so", "then",
			"meanwhile", "also", "however", "now", "since", "if", "after", "before", "until", "where":
			return true
		case "the", "a", "an", "presidential", "former", "senior", "top", "chief", "state", "federal", "vice":
			continue
		}
		if t.has(wCap) || s.is(k, fGroup) {
			if t.has(wFirst) {
				return true
			}
			continue
		}
		if s.is(k, fTitle) {
			continue
		}
		return false
	}
	return false
}

// dateline reports whether the words [i, j) are written in capitals, each
// with more capital letters than an acronym.
func (r *resolver) dateline(i, j int) bool {
	s := r.s
	for k := i; k < j; k++ {
		w := s.text[s.start(k):s.words[k].nameEnd()]
		if capitals(w) <= 5 {
			return false
		}
	}
	return true
}

// hasTitle reports whether a title stands among words [i, j).
func (r *resolver) hasTitle(i, j int) bool {
	for k := i; k < j; k++ {
		if r.s.is(k, fTitle) {
			return true
		}
	}
	return false
}

// modifiers returns the adjectives of nation and party in or just before
// the name [i, j): "Republican presidential nominee Donald Trump" has
// "republican".
func (r *resolver) modifiers(i, j int) string {
	s := r.s
	var out string
	for k := max(i-3, 0); k < j; k++ {
		if s.sentOf(k) == s.sentOf(j-1) && s.is(k, fGroup) {
			out += s.lower(k) + " "
		}
	}
	return out
}

// runMention returns the mention of the name of run, from its first word
// after the titles. It is a modifier when it follows "the" and does not
// open its clause, when it follows a, an, this or that, or when a title
// follows it ("the former New Mexico governor").
func (r *resolver) runMention(run nameRun) mention {
	s := r.s
	last := s.words[run.j-1]
	m := newMention(s.span(run.core, run.j), run.core, run.j, s.sentOf(run.j-1))
	m.poss, m.quoted, m.subj = last.has(wPoss), s.quotedAt(run.core), r.clauseStart(run.i)
	if run.det && !m.subj || run.indef {
		m.modifier = true
	}
	// A name before a noun modifies it: "the former New Mexico governor".
	if k := run.j; k < len(s.words) && s.words[k].has(wJoin) && !s.words[k].has(wCap) && !last.has(wPoss) && s.is(k, fTitle) {
		m.modifier = true
	}
	return m
}

// coordinations records two people joined by "and" ("Obama and Hillary
// Clinton", "Mr. Grassley and Mr. Leahy") as a group.
func (r *resolver) coordinations() {
	s := r.s
	n := len(r.s.ments)
	for k := 0; k+1 < n; k++ {
		a, b := s.ments[k], s.ments[k+1]
		if a.poss || a.modifier || r.ents[a.ent].kind != entPerson || r.ents[b.ent].kind != entPerson || a.ent == b.ent {
			continue
		}
		and := int(a.w1)
		if and >= len(s.words) || s.lower(and) != "and" || s.sentOf(and) != a.sent {
			continue
		}
		// b's name may follow titles: "and Mr. Leahy".
		if int(b.w0) < and+1 || int(b.w0) > and+3 {
			continue
		}
		e := r.pair(int(a.ent), int(b.ent))
		m := newMention(span.Of(s.text, int(a.start), int(b.end)), int(a.w0), int(b.w1), a.sent)
		m.subj, m.quoted, m.poss, m.ent = a.subj, a.quoted, b.poss, int32(e)
		r.groupMents = push(r.groupMents, m)
	}
}

// pair returns the group entity of two people.
func (r *resolver) pair(a, b int) int {
	if a > b {
		a, b = b, a
	}
	key := strconv.AppendInt(append(r.kb[:0], "p:"...), int64(a), 10)
	key = strconv.AppendInt(append(key, ','), int64(b), 10)
	r.kb = key
	e, ok := r.byKey.get(key)
	if !ok {
		e = r.newEnt(entGroup)
		r.byKey.set(key, e)
		r.ents[e].plural = true
		r.ents[e].paired, r.ents[e].members = true, [2]int32{int32(a), int32(b)}
	}
	return e
}

func (r *resolver) addMention(m mention, e int) {
	m.ent = int32(e)
	s := r.s
	// Room at the rate of mentions per word so far.
	s.ments = append(room.For(s.ments, 0, int(m.w0), len(s.words)), m)
	c := &r.ents[e]
	c.count++
}

// addRole files entity e under the head noun of a description that may
// refer back to it ("the secretary", "the department").
func (r *resolver) addRole(head string, e, pos int) {
	r.fileRole(head, roleRef{pos: pos, ent: e})
}

// genderStats counts, for every person whose gender no name or title
// gives, the he/his and she/her that follow the mentions beginning a clause
// before any other name: "Stumpf explained ... he said".
func (r *resolver) genderStats() {
	s := r.s
	voted := false
	for k, m := range s.ments {
		c := &r.ents[m.ent]
		if !m.subj || m.quoted || m.poss || c.male+c.female >= 5 || c.kind == entOrg || c.kind == entGroup {
			continue
		}
		stop := len(s.words)
		if k+1 < len(s.ments) {
			stop = int(s.ments[k+1].w0)
		}
		for i := int(m.w1); i < stop && i < int(m.w1)+40; i++ {
			if s.sentOf(i) > m.sent+1 {
				break
			}
			if s.quotedAt(i) {
				continue
			}
			p, ok := s.pronoun(i)
			if !ok || p.Person != 3 {
				continue
			}
			switch p.Gender {
			case names.Male:
				c.votes[0]++
				voted = true
			case names.Female:
				c.votes[1]++
				voted = true
			}
			break
		}
	}
	if !voted {
		return
	}
	for e := range r.ents {
		c := &r.ents[e]
		v := c.votes
		if v[0] > 2*v[1] {
			c.male += v[0] - v[1]
		} else if v[1] > 2*v[0] {
			c.female += v[1] - v[0]
		}
		if v[0]+v[1] >= 2 && c.kind == entUnknown {
			c.kind = entPerson
		}
	}
}
