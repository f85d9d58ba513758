package bloom

import (
	"fmt"
	"testing"

	"github.com/whosaid/whosaid/internal/fold"
)

func TestFilter(t *testing.T) {
	var words []string
	for i := range 1000 {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	f := New(len(words))
	for _, w := range words {
		f.Add(w)
	}
	for _, w := range words {
		if !f.Has(w) {
			t.Fatalf("Has(%q) = false after Add", w)
		}
	}
	passed := 0
	for i := range 10000 {
		if f.Has(fmt.Sprintf("other%d", i)) {
			passed++
		}
	}
	// One hash over 64 bits a word: about 1.6% of absent words pass.
	if passed > 400 {
		t.Errorf("%d of 10000 absent words pass the filter", passed)
	}
	for _, w := range []string{"WORD1", "Word999", "wOrD5"} {
		if !f.HasFold(w) {
			t.Errorf("HasFold(%q) = false, but its lower-case form was added", w)
		}
	}
	if !f.HasFold("wörd") {
		t.Error("HasFold of a non-ASCII word must answer maybe")
	}
	if f.HasFold("word1") != f.Has("word1") || f.HasFold("OTHER7") != f.Has("other7") {
		t.Error("HasFold and Has disagree on ASCII words")
	}
	var none *Filter
	if none.Has("word1") || (&Filter{}).Has("") {
		t.Error("an empty filter holds something")
	}
}

func BenchmarkHas(b *testing.B) {
	f := New(1000)
	f.Add("said")
	for b.Loop() {
		f.Has("government")
	}
}

// TestHasHash checks that HasHash of a word's fold.Hash answers as Has of
// the word, for words added and not.
func TestHasHash(t *testing.T) {
	f := New(100)
	for i := range 100 {
		f.Add(fmt.Sprintf("word%d", i))
	}
	for i := range 1000 {
		for _, w := range []string{fmt.Sprintf("word%d", i), fmt.Sprintf("other%d", i), fmt.Sprintf("wörd%d", i)} {
			if got, want := f.HasHash(fold.Hash(w)), f.Has(w); got != want {
				t.Fatalf("HasHash(fold.Hash(%q)) = %v, Has = %v", w, got, want)
			}
		}
	}
	var empty *Filter
	if empty.HasHash(fold.Hash("word1")) {
		t.Error("a nil filter holds nothing")
	}
}
