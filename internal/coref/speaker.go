package coref

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/span"
)

const (
	maxSpeakerWords = 64 // words of a speaker mention read
	enclosingWindow = 16 // attributions searched for a quotation around "I"
)

// speaker resolves a speaker mention to an entity.
func (r *resolver) speaker(sp span.Span) int {
	s := r.s
	k0 := s.wordAt(sp.Start)
	// "both the United States and the French" names the two without
	// "both"; the mention keeps it.
	mention := sp
	if k0+1 < len(s.words) && int(s.start(k0+1)) < sp.End && (s.lower(k0) == "both" || s.lower(k0) == "either") {
		k0++
		sp = span.Of(s.text, int(s.start(k0)), sp.End)
	}
	// A speaker mention is a noun phrase: a few words are enough to find
	// its head, however long the span.
	k1 := k0
	for k1 < len(s.words) && int(s.start(k1)) < sp.End && k1 < k0+maxSpeakerWords {
		k1++
	}
	var e int
	if k0 >= k1 {
		e = r.own(sp, entDesc) // no word: punctuation alone
	} else {
		e = r.speakerEnt(sp, k0, k1)
		r.spk = push(r.spk, speakerRef{pos: int32(mention.Start), sent: s.sentOf(k0), ent: int32(e), quoted: s.quotedAt(k0)})
	}
	r.addSpeaker(e, mention)
	r.ents[e].count++
	return e
}

// speakerEnt resolves the speaker mention sp, whose words are [k0, k1).
func (r *resolver) speakerEnt(sp span.Span, k0, k1 int) int {
	s := r.s
	if k1-k0 == 1 {
		if e, ok := r.speakerWord(sp, k0); ok {
			return e
		}
	}
	head, cut := r.head(k0, k1)
	if e := r.coordinated(k0, cut); e >= 0 {
		return e
	}
	if m := s.mentionAt(head); m >= 0 && s.ments[m].span(s.text).Overlaps(sp) {
		return int(s.ments[m].ent)
	}
	if e := r.apposed(head, cut, k1); e >= 0 {
		return e
	}
	if p, ok := s.pronoun(k0); ok && p.Possessive && head > k0 {
		return r.possessed(sp, k0, head, p)
	}
	if e := r.unscanned(k0, head); e >= 0 {
		return e
	}
	return r.description(sp, k0, head)
}

// speakerWord resolves a speaker mention of one word, k0, when it is a
// pronoun or a relative pronoun.
func (r *resolver) speakerWord(sp span.Span, k0 int) (int, bool) {
	s := r.s
	if p, ok := s.pronoun(k0); ok && !p.Possessive {
		if p.Person != 3 {
			return r.own(sp, entPron), true // "you"
		}
		e := r.pronoun(sp.Start, p, s.quotedAt(k0))
		if e < 0 {
			return r.own(sp, entPron), true
		}
		// The pronoun tells the gender of a name that did not.
		if c := &r.ents[e]; c.gender() == names.Unknown {
			switch p.Gender {
			case names.Male:
				c.male++
			case names.Female:
				c.female++
			}
		}
		return e, true
	}
	switch s.lower(k0) {
	case "who", "which", "that":
		if e := r.relative(sp.Start); e >= 0 {
			return e, true
		}
		return r.own(sp, entPron), true
	}
	return 0, false
}

// head returns the head word of the speaker mention whose words are [k0,
// k1), and the word where the head's part of it ends, as [Head] finds
// them: a word of a name the scan found never ends it.
func (r *resolver) head(k0, k1 int) (head, cut int) {
	s := r.s
	end := s.st.Len()
	if k1 < len(s.words) {
		end = int(s.words[k1].tok)
	}
	h, c := Head(s.st, int(s.words[k0].tok), end, func(i int) bool {
		k := s.wordOf(i)
		m := s.mentionAt(k)
		return m >= 0 && int(s.ments[m].w0) < k
	})
	cut = k1
	if c < end {
		cut = s.wordOf(c)
	}
	return s.wordOf(h), cut
}

// coordinated returns the pair of people that the words [k0, cut) join
// by "and", or -1.
func (r *resolver) coordinated(k0, cut int) int {
	s := r.s
	for k := k0 + 1; k < cut-1; k++ {
		if s.lower(k) != "and" {
			continue
		}
		a, b := r.nameIn(k0, k), r.nameIn(k+1, cut)
		if a >= 0 && b >= 0 && a != b {
			return r.pair(a, b)
		}
		break
	}
	return -1
}

// apposed returns the person a description names in apposition after its
// head's part, which ends at word cut, in a mention that ends before word
// k1: "her husband, former President Bill Clinton", "the foreign minister
// of France, Jean-Marc Ayrault". It returns -1 when there is none.
func (r *resolver) apposed(head, cut, k1 int) int {
	s := r.s
	comma := cut
	for comma < k1 && !strings.Contains(s.gap(comma), ",") {
		comma++
	}
	if comma >= k1 || s.is(head, fTitlePlural) || headBreak(s.lower(comma)) {
		return -1
	}
	end := comma + 1
	for end < k1 && !strings.Contains(s.gap(end), ",") {
		end++
	}
	if m := s.mentionAt(end - 1); m >= 0 && r.ents[s.ments[m].ent].kind == entPerson && int(s.ments[m].w1) == end && int(s.ments[m].w0) <= comma+3 {
		return int(s.ments[m].ent)
	}
	return -1
}

// unscanned returns the entity of a name the scan did not take (in a
// headline, say) whose surname is the head word: the entity filed under
// the surname, or a new one. It returns -1 when the head is not a name.
func (r *resolver) unscanned(k0, head int) int {
	s := r.s
	t0, ht := &s.words[k0], &s.words[head]
	if !ht.has(wCap) || s.is(head, fStop) || s.is(head, fHead) || s.is(head, fOrg) {
		return -1
	}
	hw := s.form(head)
	if hw.surnameEnt > 0 {
		return int(hw.surnameEnt) - 1
	}
	if !s.is(head, fTitlePlural) && t0.has(wCap) && !s.is(k0, fStop) && !s.alsoLower(head) {
		e := r.newEnt(entUnknown)
		r.fileSurname(hw, e)
		r.nameEnt(e, s.text[s.start(k0):ht.nameEnd()], head-k0+1)
		return e
	}
	return -1
}

// fileSurname files entity e under the surname w.
func (r *resolver) fileSurname(w *form, e int) {
	r.ents[e].prevSurname = w.surnameEnt
	w.surnameEnt = int32(e + 1)
}

// nameIn returns the person (or unknown) entity named in words [a, b),
// or -1.
func (r *resolver) nameIn(a, b int) int {
	for k := b - 1; k >= a; k-- {
		if m := r.s.mentionAt(k); m >= 0 && (r.ents[r.s.ments[m].ent].kind == entPerson || r.ents[r.s.ments[m].ent].kind == entUnknown) {
			return int(r.s.ments[m].ent)
		}
	}
	return -1
}

// own returns a new entity named by the mention as written.
func (r *resolver) own(sp span.Span, k entKind) int {
	e := r.newEnt(k)
	r.nameEnt(e, sp.Text, 0)
	return e
}

// description resolves a description ("the official", "a senior State
// Department official", "the department") whose head noun is word head.
func (r *resolver) description(sp span.Span, k0, head int) int {
	s := r.s
	hw := s.lower(head)
	if h := s.head(head); h != "" {
		hw = h
	}
	plural := false
	if sg, ok := names.TitlePlural(hw); ok {
		hw, plural = sg, true
	} else if names.GroupPlural(hw) {
		plural = true
	}
	det := s.lower(k0)
	name := sp.Text
	words := head - k0 + 1
	switch det {
	case "the", "this", "that", "these", "those", "a", "an":
		words--
		if s.words[k0].has(wCap) {
			r0, n := utf8.DecodeRuneInString(name)
			name = string(unicode.ToLower(r0)) + name[n:]
		}
	}
	mods := r.modifiers(k0, head+1)
	if det == "the" || det == "this" || det == "that" || det == "these" || det == "those" {
		if e := r.antecedent(hw, mods, sp.Start, plural); e >= 0 {
			if r.ents[e].kind == entDesc {
				r.nameEnt(e, name, words)
			}
			return e
		}
	}
	key := r.key("d:", name)
	e, ok := r.byKey.get(key)
	if !ok || det == "a" || det == "an" {
		e = r.newEnt(entDesc)
		r.byKey.set(key, e)
		r.ents[e].plural = plural
		g, ok := names.Title(hw)
		r.ents[e].thing = !ok && !names.GroupPlural(hw)
		switch g {
		case names.Male:
			r.ents[e].male = 5
		case names.Female:
			r.ents[e].female = 5
		}
	}
	r.nameEnt(e, name, words)
	r.fileDRole(hw, roleRef{pos: sp.Start, ent: e, mods: mods})
	return e
}

// antecedent returns the latest entity before pos filed under the head
// noun hw, from names with that title and from earlier descriptions, whose
// adjectives of nation and party include mods ("the Democratic nominee" is
// not "Republican nominee Donald Trump").
func (r *resolver) antecedent(hw, mods string, pos int, plural bool) int {
	fits := func(ref roleRef) bool {
		for m := range strings.FieldsSeq(mods) {
			if !strings.Contains(ref.mods, m+" ") {
				return false
			}
		}
		c := &r.ents[ref.ent]
		return c.plural == plural || c.kind == entOrg
	}
	best, bestPos := -1, -1
	rs, ds := r.rolesOf(hw)
	k := sort.Search(len(rs), func(k int) bool { return rs[k].pos >= pos }) - 1
	for n := 0; k >= 0 && n < 16; k, n = k-1, n+1 {
		if fits(rs[k]) {
			best, bestPos = rs[k].ent, rs[k].pos
			break
		}
	}
	for k, n := len(ds)-1, 0; k >= 0 && n < 32; k, n = k-1, n+1 {
		if ds[k].pos < pos && fits(ds[k]) {
			if ds[k].pos > bestPos {
				best = ds[k].ent
			}
			break
		}
	}
	return best
}

// possessed resolves "his spokesman", "her campaign": the possessive
// pronoun is resolved and the entity is the owner's.
func (r *resolver) possessed(sp span.Span, k0, head int, p names.Pronoun) int {
	s := r.s
	if p.Person != 3 {
		return r.description(sp, k0, head) // "my father"
	}
	owner := r.pronoun(int(s.start(k0)), p, s.quotedAt(k0))
	rest := s.text[s.start(k0+1):s.words[head].end]
	if owner < 0 {
		return r.description(sp, k0, head)
	}
	key := r.ownerKey(owner, rest)
	e, ok := r.byKey.get(key)
	if !ok {
		e = r.newEnt(entDesc)
		r.byKey.set(key, e)
		if s.is(head, fOrg) {
			r.ents[e].kind = entOrg
		}
		r.nameEnt(e, r.ents[owner].name+"’s "+rest, 1)
		hw := s.lower(head)
		if h := s.head(head); h != "" {
			hw = h
		}
		r.fileDRole(hw, roleRef{pos: sp.Start, ent: e})
	}
	return e
}

// relative resolves "who" or "which" to the name just before it.
func (r *resolver) relative(pos int) int {
	s := r.s
	k := s.mentionBefore(pos)
	if k >= 0 && int(s.ments[k].end) <= pos && s.ments[k].sent == s.sentOf(s.wordAt(pos)) {
		return int(s.ments[k].ent)
	}
	if n := len(r.spk); n > 0 && int(r.spk[n-1].pos) < pos {
		return int(r.spk[n-1].ent)
	}
	return -1
}

// firstPerson resolves "I" or "we": inside a quotation it is the
// quotation's speaker; outside, the author of the text.
func (r *resolver) firstPerson(attrs Attrs, res []int32, i int) int {
	sp := attrs.Attr(i).Speaker
	// The quotation around the mention starts before it: look at the
	// attributions near i in order of content.
	for j := max(i-enclosingWindow, 0); j < attrs.Len() && j <= i+enclosingWindow; j++ {
		if j == i || res[j] < 0 {
			continue
		}
		a := attrs.Attr(j)
		if a.Type == Indirect {
			continue
		}
		in := a.Type == Direct && a.Extent.Contains(sp)
		for _, q := range a.Quoted {
			in = in || q.Contains(sp)
		}
		if in {
			r.addSpeaker(int(res[j]), sp)
			return int(res[j])
		}
	}
	s := r.s
	k := s.wordAt(sp.Start)
	if k < len(s.words) && s.quotedAt(k) {
		// A quotation nobody is credited with yet: the speaker of the
		// closest attribution before it continues.
		for j := i - 1; j >= 0 && j >= i-enclosingWindow; j-- {
			if res[j] >= 0 {
				r.addSpeaker(int(res[j]), sp)
				return int(res[j])
			}
		}
	}
	if strings.EqualFold(strings.TrimSpace(sp.Text), "i") {
		if r.author < 0 {
			r.author = r.newEnt(entPerson)
			r.nameEnt(r.author, "the author", 0)
		}
		r.addSpeaker(r.author, sp)
		return r.author
	}
	e := r.own(sp, entPron)
	r.addSpeaker(e, sp)
	return e
}

// addSpeaker records sp, a span of the text, as a mention of entity e.
func (r *resolver) addSpeaker(e int, sp span.Span) {
	r.spkMents = push(r.spkMents, entSpan{int32(e), int32(sp.Start), int32(sp.End)})
}
