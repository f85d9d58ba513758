package attribution

import (
	"cmp"
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

func corefContinuation(a *Attribution) bool { return a.Rule == RuleContinuation }

// corefEnt is an entity while it is being built.
type corefEnt struct {
	kind         entKind
	given        string
	male, female int // evidence for each gender
	plural       bool
	thing        bool  // a description whose head is not a word for people
	members      []int // the people of a coordination
	prevSurname  int   // the entity filed before it under its surname, index+1
	name         string
	nameScore    int
	count        int
	id           int
	nOut         int         // the mentions out is made for
	out          []span.Span // Entity.Mentions
}

func (c *corefEnt) gender() names.Gender {
	switch {
	case c.male > c.female:
		return names.Male
	case c.female > c.male:
		return names.Female
	}
	return names.Unknown
}

// roleRef files an entity under a head noun; mods lists the adjectives of
// nation and party that went with it ("republican ").
type roleRef struct {
	pos, ent int
	mods     string
}

// speakerRef is a resolved speaker mention, a candidate antecedent for the
// pronouns after it.
type speakerRef struct {
	pos, sent int
	ent       int
	quoted    bool
}

// entSpan is a mention of entity ent.
type entSpan struct {
	ent int
	sp  span.Span
}

type corefResolver struct {
	s          *corefScan
	ents       []corefEnt
	byKey      map[string]int
	kb         []byte               // holds the latest key of byKey
	roles      map[string][]roleRef // from the scan, in text order
	dRoles     map[string][]roleRef // from speaker descriptions
	groupMents []nameMention        // coordinations, in text order
	spk        []speakerRef
	spkMents   []entSpan // speaker mentions that are not scanned names, in order
	author     int
	titleBuf   [8]int32 // holds nameRun.titles
	// trace, when set, receives every candidate a pronoun considers.
	trace func(pos int, c corefCand, name string, score float64, ok, fallback bool)
}

// newCorefResolver scans text; b, when not nil, lends its buffers.
func newCorefResolver(text string, sents []sentence.Sentence, b *corefBufs) *corefResolver {
	if b == nil {
		b = new(corefBufs)
	}
	r := &corefResolver{
		s:      corefTokenize(text, sents, b),
		ents:   b.ents[:0],
		byKey:  map[string]int{},
		roles:  map[string][]roleRef{},
		dRoles: map[string][]roleRef{},
		author: -1,
	}
	r.s.ments, r.s.tokMent = b.ments[:0], b.tokMent[:0]
	r.mentions()
	r.genderStats()
	return r
}

// mentionEnts yields the entity and span of every mention, in the order
// Entity.Mentions gathers them: the scanned names, the coordinations, then
// the speaker mentions that are not scanned names.
func (r *corefResolver) mentionEnts() iter.Seq2[int, span.Span] {
	return func(yield func(int, span.Span) bool) {
		for _, m := range r.s.ments {
			if !yield(m.ent, m.sp) {
				return
			}
		}
		for _, m := range r.groupMents {
			if !yield(m.ent, m.sp) {
				return
			}
		}
		for _, m := range r.spkMents {
			if !yield(m.ent, m.sp) {
				return
			}
		}
	}
}

// corefBufs holds the buffers of one call of resolveEntities for reuse by
// the next; corefPool keeps them. Nothing of them outlives a call: the
// entities' Mentions slices, which go into the output, are their own.
type corefBufs struct {
	toks    []ctok
	words   []corefWord
	lowers  []string
	extras  []wordExtra
	slots   []int32
	ents    []corefEnt
	ments   []nameMention
	tokMent []int32
}

var corefPool = sync.Pool{New: func() any { return new(corefBufs) }}

// maxPooledToks bounds the tokens of a buffer set that is kept; buffers
// grown by a huge text are left to the collector.
const maxPooledToks = 1 << 16

// put takes back the buffers r used, cleared so that they hold no strings
// of the text, and returns b to corefPool. Only what r used needs
// clearing: the rest of every buffer is still zero.
func (b *corefBufs) put(r *corefResolver) {
	s := r.s
	if cap(s.toks) > maxPooledToks || cap(s.words) > maxPooledToks || cap(r.ents) > maxPooledToks || cap(s.ments) > maxPooledToks {
		return
	}
	clear(s.lowers)
	clear(s.extras)
	clear(r.ents)
	clear(s.ments)
	b.toks, b.words, b.lowers, b.extras, b.slots = s.toks[:0], s.words[:0], s.lowers[:0], s.extras[:0], s.slots[:0]
	b.ents, b.ments, b.tokMent = r.ents[:0], s.ments[:0], s.tokMent[:0]
	corefPool.Put(b)
}

func (r *corefResolver) newEnt(k entKind) int {
	r.ents = append(r.ents, corefEnt{kind: k})
	return len(r.ents) - 1
}

// key returns prefix + strings.ToLower(name), a key of byKey. It is
// written to r.kb, so that a look-up with string(key) costs no allocation;
// the next key overwrites it.
func (r *corefResolver) key(prefix, name string) []byte {
	r.kb = appendToLower(append(r.kb[:0], prefix...), name)
	return r.kb
}

// appendToLower appends strings.ToLower(s) to b.
func appendToLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	return appendLower(b, s) // s is ASCII: only its letters change
}

// nameEnt offers name as the canonical name of e; the name with the most
// words wins, the earliest among equals.
func (r *corefResolver) nameEnt(e int, name string, words int) {
	if r.betterName(e, words) {
		r.ents[e].name, r.ents[e].nameScore = name, words
	}
}

// betterName reports whether a name of the given number of words would
// replace the name of e.
func (r *corefResolver) betterName(e, words int) bool {
	c := &r.ents[e]
	return c.name == "" || words > c.nameScore
}

// resolveEntities fills the Entity of every attribution in attrs: it groups
// speaker mentions into entities with a canonical name and resolves
// pronouns to the entity they stand for. A continuation of the previous
// speaker's turn (no speaker mention, rule "continuation") takes the entity
// of the closest previous attribution that has one; any other attribution
// with no speaker mention keeps the Entity the caller set. Entity IDs number
// the entities of the text from 1 in order of first use; Mentions lists the
// names of the entity found in the text and its speaker mentions, in order.
// Attributions that share an entity share its Mentions slice.
func resolveEntities(text string, sents []sentence.Sentence, attrs []Attribution) {
	if len(attrs) == 0 {
		return
	}
	b := corefPool.Get().(*corefBufs)
	r := newCorefResolver(text, sents, b)
	defer b.put(r)
	r.spk = make([]speakerRef, 0, len(attrs))
	r.spkMents = make([]entSpan, 0, len(attrs))
	res := make([]int, len(attrs))
	for i := range res {
		res[i] = -1
	}
	var firstPerson []int
	for i := range attrs {
		a := &attrs[i]
		sp := a.Speaker
		if sp.Empty() || sp.Start < 0 || sp.End > len(text) || text[sp.Start:sp.End] != sp.Text {
			continue
		}
		if p, ok := names.PronounOf(strings.TrimSpace(sp.Text)); ok && p.Person == 1 {
			firstPerson = append(firstPerson, i)
			continue
		}
		res[i] = r.speaker(sp)
	}
	for _, i := range firstPerson {
		res[i] = r.firstPerson(attrs, res, i)
	}
	last := -1
	for i := range attrs {
		if res[i] < 0 && attrs[i].Speaker.Empty() && corefContinuation(&attrs[i]) {
			res[i] = last
		}
		if res[i] >= 0 {
			last = res[i]
		}
	}
	r.finish(attrs, res)
}

// finish numbers the entities in use, gathers their mentions and writes
// them into attrs.
func (r *corefResolver) finish(attrs []Attribution, res []int) {
	next := 1
	for _, e := range res {
		if e >= 0 && r.ents[e].id == 0 {
			r.ents[e].id = next
			next++
		}
	}
	// The mentions of all the entities share one array: count them first.
	total := 0
	for e := range r.mentionEnts() {
		if c := &r.ents[e]; c.id != 0 {
			c.nOut++
			total++
		}
	}
	all := make([]span.Span, total)
	for e := range r.ents {
		if c := &r.ents[e]; c.id != 0 && c.nOut > 0 {
			c.out, all = all[:0:c.nOut], all[c.nOut:]
		}
	}
	for e, sp := range r.mentionEnts() {
		if c := &r.ents[e]; c.id != 0 {
			c.out = append(c.out, sp)
		}
	}
	for e := range r.ents {
		c := &r.ents[e]
		if c.id == 0 {
			continue
		}
		if len(c.members) == 2 {
			c.name = r.ents[c.members[0]].name + " and " + r.ents[c.members[1]].name
		}
		slices.SortFunc(c.out, func(a, b span.Span) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
		})
		// Drop a mention inside another: the name inside its speaker
		// mention ("Antony Blinken" in "Secretary of State Antony Blinken").
		k := 0
		for _, m := range c.out {
			if k > 0 && c.out[k-1].Contains(m) {
				continue
			}
			c.out[k] = m
			k++
		}
		c.out = c.out[:k:k]
	}
	for i, e := range res {
		if e < 0 {
			continue
		}
		c := &r.ents[e]
		attrs[i].Entity = Entity{ID: c.id, Name: c.name, Mentions: c.out}
	}
}

const (
	maxSpeakerWords = 64 // words of a speaker mention read
	enclosingWindow = 16 // attributions searched for a quotation around "I"
)

// headBreaks end the head of a speaker noun phrase: "a spokesman for the
// Justice Department".
var headBreaks = map[string]bool{
	"for": true, "of": true, "at": true, "from": true, "with": true, "in": true, "on": true,
	"to": true, "under": true, "who": true, "which": true, "that": true, "whose": true,
	"close": true, "familiar": true, "including": true, "like": true, "such": true,
	"by": true, "about": true, "over": true, "against": true, "among": true, "during": true,
}

// speaker resolves a speaker mention to an entity.
func (r *corefResolver) speaker(sp span.Span) int {
	s := r.s
	k0 := s.tokenAt(sp.Start)
	// A speaker mention is a noun phrase: a few words are enough to find
	// its head, however long the span.
	k1 := k0
	for k1 < len(s.toks) && s.toks[k1].start < sp.End && k1 < k0+maxSpeakerWords {
		k1++
	}
	var e int
	if k0 >= k1 {
		e = r.own(sp, entDesc) // no word: punctuation alone
	} else {
		e = r.speakerEnt(sp, k0, k1)
		r.spk = append(r.spk, speakerRef{pos: sp.Start, sent: s.toks[k0].sent, ent: e, quoted: s.toks[k0].quoted})
	}
	r.addSpeaker(e, sp)
	r.ents[e].count++
	return e
}

func (r *corefResolver) speakerEnt(sp span.Span, k0, k1 int) int {
	s := r.s
	t0 := &s.toks[k0]
	if k1-k0 == 1 {
		if p, ok := s.pronoun(k0); ok && !p.Possessive {
			if p.Person != 3 {
				return r.own(sp, entPron) // "you"
			}
			if e := r.pronoun(sp.Start, p, t0.quoted); e >= 0 {
				// The pronoun tells the gender of a name that did not.
				if c := &r.ents[e]; c.gender() == names.Unknown {
					switch p.Gender {
					case names.Male:
						c.male++
					case names.Female:
						c.female++
					}
				}
				return e
			}
			return r.own(sp, entPron)
		}
		switch s.lower(k0) {
		case "who", "which", "that":
			if e := r.relative(sp.Start); e >= 0 {
				return e
			}
			return r.own(sp, entPron)
		}
	}
	// The head ends before a preposition, a comma or a relative clause
	// that is not part of a name.
	cut := k1
	for k := k0 + 1; k < k1; k++ {
		if m := s.tokMent[k]; m >= 0 && s.ments[m].tok0 < k {
			continue
		}
		if headBreaks[s.lower(k)] || strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], ",(—") {
			cut = k
			break
		}
	}
	head := cut - 1
	for head > k0 {
		switch s.lower(head) {
		case "there", "here", "too", "also", "themselves", "himself", "herself", "alone", "both", "all", "jr.", "sr.":
			head--
			continue
		}
		break
	}
	// Two people joined by "and".
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
	if m := s.tokMent[head]; m >= 0 && s.ments[m].sp.Overlaps(sp) {
		return s.ments[m].ent
	}
	// A description with a name in apposition: "her husband, former
	// President Bill Clinton", "the foreign minister of France, Jean-Marc
	// Ayrault".
	comma := cut
	for comma < k1 && !strings.Contains(s.text[s.toks[comma-1].end:s.toks[comma].start], ",") {
		comma++
	}
	if comma < k1 && !s.is(head, wTitlePlural) && !headBreaks[s.lower(comma)] {
		end := comma + 1
		for end < k1 && !strings.Contains(s.text[s.toks[end-1].end:s.toks[end].start], ",") {
			end++
		}
		if m := s.tokMent[end-1]; m >= 0 && r.ents[s.ments[m].ent].kind == entPerson && s.ments[m].tok1 == end && s.ments[m].tok0 <= comma+3 {
			return s.ments[m].ent
		}
	}
	ht := &s.toks[head]
	if p, ok := s.pronoun(k0); ok && p.Possessive && head > k0 {
		return r.possessed(sp, k0, head, p)
	}
	// A name the scan did not take (in a headline, say): its surname.
	if ht.cap && !s.is(head, wStop) && !s.is(head, wHead) && !s.is(head, wOrg) {
		hw := s.word(head)
		if hw.surnameEnt > 0 {
			return int(hw.surnameEnt) - 1
		}
		if !s.is(head, wTitlePlural) && t0.cap && !s.is(k0, wStop) && !s.alsoLower(head) {
			e := r.newEnt(entUnknown)
			r.fileSurname(hw, e)
			r.nameEnt(e, s.text[t0.start:ht.nameEnd], head-k0+1)
			return e
		}
	}
	return r.description(sp, k0, head)
}

// fileSurname files entity e under the surname w.
func (r *corefResolver) fileSurname(w *corefWord, e int) {
	r.ents[e].prevSurname = int(w.surnameEnt)
	w.surnameEnt = int32(e + 1)
}

// nameIn returns the person (or unknown) entity named in tokens [a, b),
// or -1.
func (r *corefResolver) nameIn(a, b int) int {
	for k := b - 1; k >= a; k-- {
		if m := r.s.tokMent[k]; m >= 0 && (r.ents[r.s.ments[m].ent].kind == entPerson || r.ents[r.s.ments[m].ent].kind == entUnknown) {
			return r.s.ments[m].ent
		}
	}
	return -1
}

// own returns a new entity named by the mention as written.
func (r *corefResolver) own(sp span.Span, k entKind) int {
	e := r.newEnt(k)
	r.nameEnt(e, sp.Text, 0)
	return e
}

// description resolves a description ("the official", "a senior State
// Department official", "the department") whose head noun is token head.
func (r *corefResolver) description(sp span.Span, k0, head int) int {
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
		if s.toks[k0].cap {
			r0, n := utf8.DecodeRuneInString(name)
			name = string(unicode.ToLower(r0)) + name[n:]
		}
	}
	if det == "the" || det == "this" || det == "that" || det == "these" || det == "those" {
		if e := r.antecedent(hw, r.modifiers(k0, head+1), sp.Start, plural); e >= 0 {
			if r.ents[e].kind == entDesc {
				r.nameEnt(e, name, words)
			}
			return e
		}
	}
	key := r.key("d:", name)
	e, ok := r.byKey[string(key)]
	if !ok || det == "a" || det == "an" {
		e = r.newEnt(entDesc)
		r.byKey[string(key)] = e
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
	r.dRoles[hw] = append(r.dRoles[hw], roleRef{pos: sp.Start, ent: e, mods: r.modifiers(k0, head+1)})
	return e
}

// antecedent returns the latest entity before pos filed under the head
// noun hw, from names with that title and from earlier descriptions, whose
// adjectives of nation and party include mods ("the Democratic nominee" is
// not "Republican nominee Donald Trump").
func (r *corefResolver) antecedent(hw, mods string, pos int, plural bool) int {
	fits := func(ref roleRef) bool {
		for _, m := range strings.Fields(mods) {
			if !strings.Contains(ref.mods, m+" ") {
				return false
			}
		}
		c := &r.ents[ref.ent]
		return c.plural == plural || c.kind == entOrg
	}
	best, bestPos := -1, -1
	rs := r.roles[hw]
	k := sort.Search(len(rs), func(k int) bool { return rs[k].pos >= pos }) - 1
	for n := 0; k >= 0 && n < 16; k, n = k-1, n+1 {
		if fits(rs[k]) {
			best, bestPos = rs[k].ent, rs[k].pos
			break
		}
	}
	ds := r.dRoles[hw]
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
func (r *corefResolver) possessed(sp span.Span, k0, head int, p names.Pronoun) int {
	s := r.s
	if p.Person != 3 {
		return r.description(sp, k0, head) // "my father"
	}
	owner := r.pronoun(s.toks[k0].start, p, s.toks[k0].quoted)
	rest := s.text[s.toks[k0+1].start:s.toks[head].end]
	if owner < 0 {
		return r.description(sp, k0, head)
	}
	key := strconv.AppendInt(append(r.kb[:0], "d:"...), int64(owner), 10)
	key = appendToLower(append(key, ':'), rest)
	r.kb = key
	e, ok := r.byKey[string(key)]
	if !ok {
		e = r.newEnt(entDesc)
		r.byKey[string(key)] = e
		if s.is(head, wOrg) {
			r.ents[e].kind = entOrg
		}
		r.nameEnt(e, r.ents[owner].name+"’s "+rest, 1)
		hw := s.lower(head)
		if h := s.head(head); h != "" {
			hw = h
		}
		r.dRoles[hw] = append(r.dRoles[hw], roleRef{pos: sp.Start, ent: e})
	}
	return e
}

// relative resolves "who" or "which" to the name just before it.
func (r *corefResolver) relative(pos int) int {
	s := r.s
	k := s.mentionBefore(pos)
	if k >= 0 && s.ments[k].sp.End <= pos && s.ments[k].sent == s.toks[s.tokenAt(pos)].sent {
		return s.ments[k].ent
	}
	if n := len(r.spk); n > 0 && r.spk[n-1].pos < pos {
		return r.spk[n-1].ent
	}
	return -1
}

// firstPerson resolves "I" or "we": inside a quotation it is the
// quotation's speaker; outside, the author of the text.
func (r *corefResolver) firstPerson(attrs []Attribution, res []int, i int) int {
	sp := attrs[i].Speaker
	// The quotation around the mention starts before it: look at the
	// attributions near i in order of content.
	for j := max(i-enclosingWindow, 0); j < len(attrs) && j <= i+enclosingWindow; j++ {
		if j == i || res[j] < 0 || attrs[j].Type == Indirect {
			continue
		}
		in := attrs[j].Type == Direct && attrs[j].Extent.Contains(sp)
		for _, q := range attrs[j].Quoted {
			in = in || q.Contains(sp)
		}
		if in {
			r.addSpeaker(res[j], sp)
			return res[j]
		}
	}
	s := r.s
	k := s.tokenAt(sp.Start)
	if k < len(s.toks) && s.toks[k].quoted {
		// A quotation nobody is credited with yet: the speaker of the
		// closest attribution before it continues.
		for j := i - 1; j >= 0 && j >= i-enclosingWindow; j-- {
			if res[j] >= 0 {
				r.addSpeaker(res[j], sp)
				return res[j]
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

// addSpeaker records sp as a mention of entity e.
func (r *corefResolver) addSpeaker(e int, sp span.Span) {
	r.spkMents = append(r.spkMents, entSpan{e, sp})
}
