package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
)

// filter keeps the quotations that --min-confidence, --type and --speaker
// ask for.
type filter struct {
	minConfidence float64
	types         []whosaid.Type // nil: every type
	speaker       string
}

// setTypes parses --type: a comma-separated list of type names.
func (f *filter) setTypes(s string) error {
	f.types = f.types[:0]
	for name := range strings.SplitSeq(s, ",") {
		var t whosaid.Type
		name = strings.TrimSpace(name)
		if err := t.UnmarshalText([]byte(name)); err != nil || t == whosaid.Unknown {
			return fmt.Errorf("%q is not a type: want direct, mixed or indirect", name)
		}
		f.types = append(f.types, t)
	}
	return nil
}

func (f *filter) empty() bool {
	return f.minConfidence == 0 && f.types == nil && f.speaker == ""
}

// apply returns the attributions that pass, in place.
func (f *filter) apply(attrs []whosaid.Attribution) []whosaid.Attribution {
	want := words(f.speaker)
	out := attrs[:0]
	for _, a := range attrs {
		if a.Confidence < f.minConfidence {
			continue
		}
		if f.types != nil && !slices.Contains(f.types, a.Type) {
			continue
		}
		if len(want) > 0 && !speakerMatches(a, want) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// speakerMatches reports whether the words of a name given by the user
// match the attribution's speaker: its resolved name or a whole-word part
// of it ("Blinken" in "Antony Blinken"), its mention as written, or any
// other mention of the same entity ("the secretary").
func speakerMatches(a whosaid.Attribution, want []string) bool {
	if containsWords(words(a.Entity.Name), want) || slices.Equal(words(a.Speaker.Text), want) {
		return true
	}
	for _, m := range a.Entity.Mentions {
		if slices.Equal(words(m.Text), want) {
			return true
		}
	}
	return false
}

// words splits s into lower-case words, dropping punctuation at their
// edges ("Blinken’s" stays one word, "(he)" is "he").
func words(s string) []string {
	fs := strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace)
	out := fs[:0]
	for _, w := range fs {
		if w = strings.TrimFunc(w, unicode.IsPunct); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// containsWords reports whether part occurs in whole as a run of words.
func containsWords(whole, part []string) bool {
	for i := 0; i+len(part) <= len(whole); i++ {
		if slices.Equal(whole[i:i+len(part)], part) {
			return true
		}
	}
	return false
}
