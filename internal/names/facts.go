package names

import (
	"iter"
	"maps"
	"strings"
)

// Facts holds what the lists say of one word: the answers of [Title],
// [Head], [Org], [Group], [Stop], [Given] and [PronounOf].
type Facts struct {
	Title, Given     Gender
	IsTitle          bool
	Head             string
	Org, Group, Stop bool
	Pronoun          Pronoun
	IsPronoun        bool
}

// FactsOf returns the answers of Title, Head, Org, Group, Stop, Given and
// PronounOf for w, found with one look-up of w in a table of all those
// lists, where asking each costs a look-up of its own (and, after a word
// with a full stop that a list lacks, one of the word without it).
func FactsOf(w string) Facts {
	l := get()
	var f Facts
	var have entryLists // the lists that answered
	for cur := w; ; {
		if l.maybe.HasFold(cur) {
			if k, ok := l.entries[fold(cur)]; ok {
				e := &l.entryList[k]
				if cur == w {
					// Given does not look past a full stop.
					f.Given = e.given
				}
				have = e.fill(&f, have)
			}
		}
		stem, ok := strings.CutSuffix(cur, ".")
		if !ok || stem == "" {
			return f
		}
		cur = stem
	}
}

// entry is what the lists hold of one folded word, for FactsOf.
type entry struct {
	lists   entryLists // the lists of look that hold the word
	title   Gender
	given   Gender
	head    string
	pronoun Pronoun
}

// entryLists are the lists that look reads, past a full stop.
type entryLists uint8

const (
	inTitles entryLists = 1 << iota
	inHeads
	inOrgs
	inGroups
	inStops
	inPronouns
)

// fill sets the answers of f from the lists of e that have not answered
// yet, as look would: a list answers for the word as it is written before
// it answers for the word without its full stop. It returns the lists
// that have answered.
func (e *entry) fill(f *Facts, have entryLists) entryLists {
	n := e.lists &^ have
	if n&inTitles != 0 {
		f.Title, f.IsTitle = e.title, true
	}
	if n&inHeads != 0 {
		f.Head = e.head
	}
	f.Org = f.Org || n&inOrgs != 0
	f.Group = f.Group || n&inGroups != 0
	f.Stop = f.Stop || n&inStops != 0
	if n&inPronouns != 0 {
		f.Pronoun, f.IsPronoun = e.pronoun, true
	}
	return have | e.lists
}

// indexEntries builds l.entries and l.entryList from the lists FactsOf
// answers for.
func (l *lexicon) indexEntries() {
	// Every word of the lists has its place before the entries are
	// made, all at once.
	l.entries = make(map[string]int32, len(l.titles)+len(l.pronouns)+len(l.male))
	for _, seq := range []iter.Seq[string]{maps.Keys(l.titles), maps.Keys(l.heads), maps.Keys(l.orgs),
		maps.Keys(l.groups), maps.Keys(l.stops), maps.Keys(l.pronouns), maps.Keys(l.male), maps.Keys(l.female)} {
		for w := range seq {
			if _, ok := l.entries[w]; !ok {
				l.entries[w] = int32(len(l.entries))
			}
		}
	}
	l.entryList = make([]entry, len(l.entries))
	at := func(w string) *entry { return &l.entryList[l.entries[w]] }
	for w, g := range l.titles {
		e := at(w)
		e.lists |= inTitles
		e.title = g
	}
	for w, h := range l.heads {
		e := at(w)
		e.lists |= inHeads
		e.head = h
	}
	for _, s := range [...]struct {
		m    map[string]bool
		list entryLists
	}{{l.orgs, inOrgs}, {l.groups, inGroups}, {l.stops, inStops}} {
		for w, ok := range s.m {
			if ok {
				at(w).lists |= s.list
			}
		}
	}
	for w, p := range l.pronouns {
		e := at(w)
		e.lists |= inPronouns
		e.pronoun = p
	}
	// Given reads the male names first.
	for w := range l.female {
		if l.female[w] {
			at(w).given = Female
		}
	}
	for w := range l.male {
		if l.male[w] {
			at(w).given = Male
		}
	}
}
