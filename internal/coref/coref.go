// Package coref groups the speaker mentions of a text into entities with a
// canonical name, and resolves pronouns to the entity they stand for. It
// is the last step of the attribution stage: attributions in, entities
// out.
//
// # How it reads the text
//
// [Resolve] reads the text's [token.Stream]: its sentences, its
// quotations (as the quote stage paired them) and each distinct word's
// lower-case form. From the stream's tokens it builds its own view of the
// words, in which a clitic the stream split off is part of the word before
// it ("Clinton" "'s" is one possessive word) and punctuation is left out,
// and it keeps what the word lists of internal/names say of each distinct
// form, under the stream's form ids. One pass over those words finds the
// proper names ("Secretary of State Antony Blinken", "the State
// Department"), the plural nouns for groups ("McConnell aides") and the
// coordinations ("Obama and Hillary Clinton"), and files each under its
// surname, its title or its head noun. The speaker mentions of the
// attributions are then resolved in order: a name to the entity it names,
// a description ("the official") to the latest entity filed under its head
// noun (see [Head]), a pronoun to the best-scoring compatible mention
// before it, "I" and "we" to the speaker of the quotation around them.
//
// # Concurrency
//
// Resolve is safe for concurrent use; it only reads the stream, which
// concurrent calls may share.
package coref

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// Type is the kind of reported speech of an attribution.
type Type uint8

const (
	// Direct: the content is one quoted passage.
	Direct Type = iota
	// Mixed: reported speech that contains quoted words.
	Mixed
	// Indirect: reported speech with no quote marks.
	Indirect
)

// Attr is what coreference reads of an attribution.
type Attr struct {
	// Speaker is the speaker mention as written; empty when the text
	// names no speaker.
	Speaker span.Span
	// Extent covers the content; Quoted lists the quoted words inside it.
	Extent span.Span
	Quoted []span.Span
	Type   Type
	// Continuation marks a quotation with no speaker mention that
	// continues the previous speaker's turn.
	Continuation bool
}

// Entity is a speaker: the mentions of the text that stand for one person
// or organization, under one canonical name.
type Entity struct {
	// ID numbers the entities of one text from 1; 0 means no entity.
	ID int
	// Name is the canonical name: the fullest proper name among the
	// mentions ("Antony Blinken"), else the fullest description ("a senior
	// State Department official").
	Name string
	// Mentions lists the names of the entity found in the text and its
	// speaker mentions, in order; a mention inside another is left out.
	Mentions []span.Span
}

// Attrs is a list of attributions that [ResolveAttrs] reads and gives
// their entities to. The caller's own attributions can serve, read one at
// a time, where a slice of Attr and one of Entity would copy them all: a
// long text has tens of thousands.
type Attrs interface {
	Len() int
	// Attr returns attribution i as coreference reads it.
	Attr(i int) Attr
	// SetEntity gives attribution i its entity, which is never the zero
	// Entity.
	SetEntity(i int, e Entity)
}

// Resolve returns the entity of each attribution of in, as [ResolveAttrs]
// gives them, with the zero Entity for those it gives none. It returns nil
// when in is empty.
func Resolve(s *token.Stream, in []Attr) []Entity {
	if len(in) == 0 {
		return nil
	}
	l := attrList{in, make([]Entity, len(in))}
	ResolveAttrs(s, l)
	return l.out
}

// attrList is a slice of attributions as Attrs, with their entities.
type attrList struct {
	in  []Attr
	out []Entity
}

func (l attrList) Len() int                  { return len(l.in) }
func (l attrList) Attr(i int) Attr           { return l.in[i] }
func (l attrList) SetEntity(i int, e Entity) { l.out[i] = e }

// ResolveAttrs gives each attribution of in, whose spans are offsets into
// the text of s and which are in the order of their content, its entity:
// it groups speaker mentions into entities and resolves pronouns to the
// entity they stand for. A continuation with no speaker mention takes the
// entity of the closest previous attribution that has one. An attribution
// with no speaker mention that is not a continuation, or whose speaker is
// not a span of the text, gets none. Entity IDs number the entities in
// order of first use; attributions that share an entity share its
// Mentions slice.
func ResolveAttrs(s *token.Stream, in Attrs) {
	n := in.Len()
	if n == 0 {
		return
	}
	b := pool.Get().(*bufs)
	r := newResolver(s, b)
	defer b.put(r)
	// Each speaker adds at most one of each.
	r.spk, r.spkMents = slices.Grow(r.spk, n), slices.Grow(r.spkMents, n)
	text := s.Text()
	// The entity index of each attribution, made at their number, where
	// append would copy a long text's again and again.
	res := slices.Grow(b.res[:0], n)[:n]
	var firstPerson []int
	for i := range n {
		res[i] = -1
		sp := in.Attr(i).Speaker
		if sp.Empty() || sp.Start < 0 || sp.End > len(text) || text[sp.Start:sp.End] != sp.Text {
			continue
		}
		if p, ok := names.PronounOf(strings.TrimSpace(sp.Text)); ok && p.Person == 1 {
			firstPerson = append(firstPerson, i)
			continue
		}
		res[i] = int32(r.speaker(sp))
	}
	b.res = res
	for _, i := range firstPerson {
		res[i] = int32(r.firstPerson(in, res, i))
	}
	last := int32(-1)
	for i := range n {
		if res[i] < 0 {
			if a := in.Attr(i); a.Speaker.Empty() && a.Continuation {
				res[i] = last
			}
		}
		if res[i] >= 0 {
			last = res[i]
		}
	}
	r.finish(res, in, b)
}

// ent is an entity while it is being built.
type ent struct {
	given        string
	name         string
	members      [2]int32    // the two people of a coordination, when paired
	out          []span.Span // Entity.Mentions
	male, female int32       // evidence for each gender
	votes        [2]int32    // he and she after its mentions, counted by genderStats
	prevSurname  int32       // the entity filed before it under its surname, index+1
	nameScore    int32
	count        int32
	id           int32
	at, nOut     int32 // the keys of its mentions in finish
	kind         entKind
	plural       bool
	thing        bool // a description whose head is not a word for people
	paired       bool // a coordination of two people, its members
}

func (c *ent) gender() names.Gender {
	switch {
	case c.male > c.female:
		return names.Male
	case c.female > c.male:
		return names.Female
	}
	return names.Unknown
}

// entKind is what an entity is.
type entKind uint8

const (
	entUnknown entKind = iota // a capitalised word: a place, a name, an organization
	entPerson
	entOrg
	entGroup // a plural: "Republicans", "McConnell aides", "Obama and Clinton"
	entDesc  // a description: "a senior State Department official"
	entPron  // an unresolved pronoun
)

// roleRef files an entity under a head noun; mods lists the adjectives of
// nation and party that went with it ("republican ").
type roleRef struct {
	pos, ent int
	mods     string
}

// speakerRef is a resolved speaker mention, a candidate antecedent for the
// pronouns after it. Its fields take 32 bits, as the offsets of the
// stream do (see [token.MaxText]): a text has one for each attribution.
type speakerRef struct {
	pos    int32
	sent   int32
	ent    int32
	quoted bool
}

// entSpan is a mention of entity ent, the bytes [start, end) of the text,
// whose Text is taken from the text when the entities are finished.
type entSpan struct {
	ent, start, end int32
}

// resolver holds the state of one call of Resolve.
type resolver struct {
	s       *scan
	ents    []ent
	scanned bool // the names are scanned: the speakers are resolved
	byKey   keyTable
	kb      []byte // holds the latest key of byKey
	// The head nouns that entities are filed under, by id (see headID);
	// roles and dRoles hold, by head id, those filed from the scan, in
	// text order, and from speaker descriptions.
	heads         map[string]int32
	roles, dRoles [][]roleRef
	groupMents    []mention // coordinations, in text order
	spk           []speakerRef
	spkMents      []entSpan // speaker mentions that are not scanned names, in order
	author        int
	titleBuf      [8]int32 // holds nameRun.titles
}

// newResolver scans the stream s for its names, before the speakers of
// its attributions are resolved; b, when not nil, lends its buffers.
func newResolver(s *token.Stream, b *bufs) *resolver {
	if b == nil {
		b = new(bufs)
	}
	sc := newScan(s, b)
	r := &b.r
	*r = resolver{
		s: sc,
		// The entities grow as they come, at the rate of entities per
		// word scanned (see newEnt): news text has about one in eleven
		// to seventeen capitalised words, a text that repeats a few
		// names far fewer, and room made ahead for one in eight would
		// go unused. Most speakers are names of the text, or pronouns
		// that stand for one, and make no entity of their own (the 8 MiB
		// news article of the benchmarks has 32,000 speakers and 14,000
		// entities).
		ents:       b.ents[:0],
		byKey:      b.byKey,
		kb:         b.kb[:0],
		heads:      b.heads,
		roles:      b.roles[:0],
		dRoles:     b.dRoles[:0],
		groupMents: b.groupMents[:0],
		spk:        b.spk[:0],
		spkMents:   b.spkMents[:0],
		author:     -1,
	}
	if r.heads == nil {
		r.heads = map[string]int32{}
	}
	// The mentions grow at the rate of mentions per word scanned (see
	// addMention), which finds the room a long text needs after its
	// first few, where room made ahead for a share of the capitalised
	// words is short when the text names more (and copied then) or
	// unused when it names fewer.
	r.s.ments = b.ments[:0]
	r.mentions(b)
	r.scanned = true
	r.genderStats()
	return r
}

// mentionSpans yields the entity and bytes of every mention: the scanned
// names, the coordinations, then the speaker mentions that are not
// scanned names.
func (r *resolver) mentionSpans() iter.Seq[entSpan] {
	return func(yield func(entSpan) bool) {
		for i := range r.s.ments {
			if m := &r.s.ments[i]; !yield(entSpan{m.ent, m.start, m.end}) {
				return
			}
		}
		for i := range r.groupMents {
			if m := &r.groupMents[i]; !yield(entSpan{m.ent, m.start, m.end}) {
				return
			}
		}
		for _, m := range r.spkMents {
			if !yield(m) {
				return
			}
		}
	}
}

// bufs holds the buffers of one call of Resolve for reuse by the next;
// pool keeps them. Nothing of them outlives a call: the entities'
// Mentions slices, which go into the output, are their own.
type bufs struct {
	words    []word
	forms    []form
	joined   []string
	extras   []extra
	ents     []ent
	ments    []mention
	headline []bool
	spk      []speakerRef
	spkMents []entSpan
	res      []int32
	keys     []uint64
	// The resolver's maps, empty, and its lists, which hold empty lists
	// for reuse.
	byKey         keyTable
	heads         map[string]int32
	roles, dRoles [][]roleRef
	groupMents    []mention
	kb            []byte
	// The resolver and the scan themselves.
	r  resolver
	sc scan
}

// maxPooledMap bounds the entries of a map that is kept: clearing a map
// costs as much as its largest size, which a small text should not pay.
const maxPooledMap = 1 << 12

var pool = sync.Pool{New: func() any { return new(bufs) }}

// maxPooled bounds the words of a buffer set that is kept; buffers grown
// by a huge text are left to the collector.
const maxPooled = 1 << 16

// put takes back the buffers r used, cleared so that they hold no strings
// of the text, and returns b to pool. Only what r used needs clearing: the
// rest of every buffer is still zero. The words, mentions and speakers
// hold offsets and no string, and are left as they are.
func (b *bufs) put(r *resolver) {
	s := r.s
	if cap(s.words) > maxPooled || cap(s.forms) > maxPooled || cap(r.ents) > maxPooled || cap(s.ments) > maxPooled {
		return
	}
	clear(s.joined)
	clear(s.extras)
	clear(r.ents)
	b.words, b.forms, b.joined, b.extras = s.words[:0], s.forms[:0], s.joined[:0], s.extras[:0]
	b.ents, b.ments = r.ents[:0], s.ments[:0]
	b.spk, b.spkMents = r.spk[:0], r.spkMents[:0]
	if cap(b.keys) > maxPooled {
		b.keys = nil
	}
	r.byKey.reset(maxPooledMap)
	b.byKey, b.heads = r.byKey, nil
	if len(r.heads) <= maxPooledMap {
		clear(r.heads)
		b.heads = r.heads
	}
	b.roles, b.dRoles = emptyLists(r.roles), emptyLists(r.dRoles)
	b.groupMents, b.kb = r.groupMents[:0], r.kb[:0]
	b.r, b.sc = resolver{}, scan{}
	pool.Put(b)
}

// emptyLists empties the lists of l, clearing what they held, and returns
// l emptied.
func emptyLists(l [][]roleRef) [][]roleRef {
	for i := range l {
		clear(l[i])
		l[i] = l[i][:0]
	}
	return l[:0]
}

// headID returns the id of the head noun h, adding it.
func (r *resolver) headID(h string) int32 {
	if id, ok := r.heads[h]; ok {
		return id
	}
	id := int32(len(r.roles))
	r.heads[h] = id
	r.roles, r.dRoles = addList(r.roles), addList(r.dRoles)
	return id
}

// addList adds an empty list to l, one that l holds past its end when
// there is one.
func addList(l [][]roleRef) [][]roleRef {
	if len(l) < cap(l) {
		return l[:len(l)+1]
	}
	return append(l, nil)
}

// fileRole files ref under the head noun h, from the scan; fileDRole,
// from a speaker description.
func (r *resolver) fileRole(h string, ref roleRef) {
	id := r.headID(h)
	r.roles[id] = append(r.roles[id], ref)
}

func (r *resolver) fileDRole(h string, ref roleRef) {
	id := r.headID(h)
	r.dRoles[id] = append(r.dRoles[id], ref)
}

// rolesOf returns the entities filed under the head noun h, from the scan
// and from speaker descriptions.
func (r *resolver) rolesOf(h string) (roles, dRoles []roleRef) {
	if id, ok := r.heads[h]; ok {
		return r.roles[id], r.dRoles[id]
	}
	return nil, nil
}

func (r *resolver) newEnt(k entKind) int {
	// Doubling, not at the rate so far: a text names most of its people
	// early and then names them again, so that its entities grow more
	// slowly than its words, and the rate of its first paragraphs would
	// make room for many times those it has.
	r.ents = push(r.ents, ent{kind: k})
	return len(r.ents) - 1
}

// key returns prefix + token.Lower(name), a key of byKey. It is written
// to r.kb, which the next key overwrites.
func (r *resolver) key(prefix, name string) []byte {
	r.kb = token.AppendLower(append(r.kb[:0], prefix...), name)
	return r.kb
}

// ownerKey returns the key of byKey of what the entity owner's rest is
// ("his spokesman"), written to r.kb as key writes it.
func (r *resolver) ownerKey(owner int, rest string) []byte {
	k := strconv.AppendInt(append(r.kb[:0], "d:"...), int64(owner), 10)
	r.kb = token.AppendLower(append(k, ':'), rest)
	return r.kb
}

// nameEnt offers name as the canonical name of e; the name with the most
// words wins, the earliest among equals.
func (r *resolver) nameEnt(e int, name string, words int) {
	if r.betterName(e, words) {
		r.ents[e].name, r.ents[e].nameScore = name, int32(words)
	}
}

// betterName reports whether a name of the given number of words would
// replace the name of e.
func (r *resolver) betterName(e, words int) bool {
	c := &r.ents[e]
	return c.name == "" || words > int(c.nameScore)
}

// finish numbers the entities in use, gathers their mentions and gives
// each attribution of in its entity, whose index res holds; b lends its
// buffer of keys.
func (r *resolver) finish(res []int32, in Attrs, b *bufs) {
	next := int32(1)
	for _, e := range res {
		if e >= 0 && r.ents[e].id == 0 {
			r.ents[e].id = next
			next++
		}
	}
	// The mentions of each entity in use, as keys that sort them, take
	// their part of one buffer: count them first.
	for m := range r.mentionSpans() {
		if c := &r.ents[m.ent]; c.id != 0 {
			c.nOut++
		}
	}
	total := int32(0)
	for e := range r.ents {
		if c := &r.ents[e]; c.id != 0 {
			c.at, total, c.nOut = total, total+c.nOut, 0
		}
	}
	keys := slices.Grow(b.keys[:0], int(total))[:total]
	b.keys = keys
	for m := range r.mentionSpans() {
		if c := &r.ents[m.ent]; c.id != 0 {
			keys[c.at+c.nOut] = spanKey(m.start, m.end)
			c.nOut++
		}
	}
	// The mentions of all the entities share one array, made for those
	// that finishEnt keeps.
	kept := 0
	for e := range r.ents {
		if c := &r.ents[e]; c.id != 0 {
			r.finishEnt(c, keys[c.at:c.at+c.nOut])
			kept += int(c.nOut)
		}
	}
	all := make([]span.Span, kept)
	text := r.s.text
	for e := range r.ents {
		c := &r.ents[e]
		if c.id == 0 || c.nOut == 0 {
			continue
		}
		c.out, all = all[:c.nOut:c.nOut], all[c.nOut:]
		for k, key := range keys[c.at : c.at+c.nOut] {
			start, end := keySpan(key)
			c.out[k] = span.Span{Start: int(start), End: int(end), Text: text[start:end]}
		}
	}
	for i, e := range res {
		if e >= 0 {
			c := &r.ents[e]
			in.SetEntity(i, Entity{ID: int(c.id), Name: c.name, Mentions: c.out})
		}
	}
}

// finishEnt names a pair by its members, and puts the keys of c's
// mentions in order, without a mention inside another: the name inside
// its speaker mention ("Antony Blinken" in "Secretary of State Antony
// Blinken"). c.nOut is then the number of keys it keeps, at the start of
// keys.
func (r *resolver) finishEnt(c *ent, keys []uint64) {
	if c.paired {
		c.name = r.ents[c.members[0]].name + " and " + r.ents[c.members[1]].name
	}
	// The scanned names, the coordinations and the speaker mentions come
	// each in order of their start, and often all together.
	if !slices.IsSorted(keys) {
		slices.Sort(keys)
	}
	k := 0
	var ps, pe int32 // the mention kept last
	for _, key := range keys {
		start, end := keySpan(key)
		if k > 0 && ps <= start && end <= pe {
			continue
		}
		keys[k], ps, pe = key, start, end
		k++
	}
	c.nOut = int32(k)
}

// spanKey returns the key of the mention [start, end) that orders the
// mentions by their start, and the longer first among those that start
// together; keySpan returns the mention of a key.
func spanKey(start, end int32) uint64 { return uint64(uint32(start))<<32 | uint64(^uint32(end)) }

func keySpan(key uint64) (start, end int32) { return int32(key >> 32), int32(^uint32(key)) }

// push appends v to s, doubling the capacity when it is full: a text with
// many mentions copies them a few times at most, where append would grow
// by a quarter.
func push[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		s = slices.Grow(s, max(len(s), 16))
	}
	return append(s, v)
}
