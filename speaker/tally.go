package speaker

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/attribution"
)

// Speaker is one speaker of a corpus under its key.
type Speaker struct {
	// Speaker is the key (see [Keys]).
	Speaker string `json:"speaker"`
	// Variants lists the names the speaker goes by in the corpus, most
	// attributions first (see [Variants]).
	Variants []string `json:"variants"`
	// Documents counts the documents with at least one attribution to
	// the speaker; Attributions counts the attributions.
	Documents    int `json:"documents"`
	Attributions int `json:"attributions"`
}

// Variants lists names by their counts, most first, then in byte order.
func Variants(counts map[string]int) []string {
	return slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(-cmp.Compare(counts[a], counts[b]), strings.Compare(a, b))
	})
}

// Sort orders speakers by attributions, most first, then by key.
func Sort(ss []Speaker) {
	slices.SortFunc(ss, func(a, b Speaker) int {
		return cmp.Or(-cmp.Compare(a.Attributions, b.Attributions), strings.Compare(a.Speaker, b.Speaker))
	})
}

// Tally gathers the speakers of a corpus document by document; its
// Speakers method keys them over the whole corpus. The zero Tally is
// empty and ready to use. A Tally is not safe for concurrent use.
type Tally struct {
	forms map[string]Form
	docs  map[string]map[string]bool // name → documents
}

// Add counts the attributions of one document, whose id tells documents
// apart. Attributions with no name ([NameOf]) are not counted.
func (t *Tally) Add(doc string, attrs []attribution.Attribution) {
	if t.forms == nil {
		t.forms, t.docs = map[string]Form{}, map[string]map[string]bool{}
	}
	for _, f := range FormsOf(attrs) {
		if f.Name == "" {
			continue
		}
		t.forms[f.Name] = t.forms[f.Name].Add(f)
		if t.docs[f.Name] == nil {
			t.docs[f.Name] = map[string]bool{}
		}
		t.docs[f.Name][doc] = true
	}
}

// Forms returns the distinct names counted so far, in byte order.
func (t *Tally) Forms() []Form {
	out := make([]Form, 0, len(t.forms))
	for _, n := range slices.Sorted(maps.Keys(t.forms)) {
		out = append(out, t.forms[n])
	}
	return out
}

// Keys returns the key of every name counted so far ([Keys] of
// [Tally.Forms]): the corpus-wide key of an attribution a is
// Keys()[NameOf(a)], "" when it has no name.
func (t *Tally) Keys() map[string]string { return Keys(t.Forms()) }

// Speakers returns the corpus's speakers under their keys, in [Sort]
// order.
func (t *Tally) Speakers() []Speaker {
	keys := t.Keys()
	type acc struct {
		variants map[string]int
		docs     map[string]bool
		n        int
	}
	by := map[string]*acc{}
	for name, f := range t.forms {
		k := keys[name]
		if k == "" {
			continue
		}
		a := by[k]
		if a == nil {
			a = &acc{variants: map[string]int{}, docs: map[string]bool{}}
			by[k] = a
		}
		a.variants[name] += f.Attributions
		a.n += f.Attributions
		for d := range t.docs[name] {
			a.docs[d] = true
		}
	}
	out := make([]Speaker, 0, len(by))
	for k, a := range by {
		out = append(out, Speaker{Speaker: k, Variants: Variants(a.variants), Documents: len(a.docs), Attributions: a.n})
	}
	Sort(out)
	return out
}
