package sentence

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/whosaid/whosaid/internal/corpustest"
)

// FuzzSplit checks the invariants of Split on any input: sentences in
// order, non-overlapping and in bounds, text[Start:End] == Text, trimmed,
// nothing but white space between them, paragraph indexes non-decreasing
// from 0, and no panic on invalid UTF-8 or NUL bytes. Every line break mode
// is exercised.
func FuzzSplit(f *testing.F) {
	seeds := []string{
		"", " ", "\x00", "\xff\xfe", "a\x00b. C\xe2\x80", "\xe2\x80\xa6", "\xe2\x80", "\xc2", ".\xe2\x80\x9d \xe2",
		"At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
		"“You speak French. You are a francophile.” She smiled.\r\n\r\nNext.",
		"• 9. The first item • 10. The second item",
		"1.) The first item 2.) The second item",
		"compounds. . . . The practice was not abandoned. . . .",
		"\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
		"“Why now?” Sen. Lindsey Graham asked.\nheadline\n\n\u00a0\n",
	}
	for _, c := range conventionTests {
		seeds = append(seeds, c.text)
	}
	if b, err := os.ReadFile(corpustest.File("sbd/golden_rules_en.json")); err == nil {
		var rules []goldenRule
		if json.Unmarshal(b, &rules) == nil {
			for _, r := range rules {
				seeds = append(seeds, r.Text)
			}
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	splitters := make([]*Splitter, 0, 3)
	for _, m := range []LineBreaks{LineBreaksAuto, LineBreaksBlank, LineBreaksEvery} {
		s, err := New(WithLineBreaks(m))
		if err != nil {
			f.Fatal(err)
		}
		splitters = append(splitters, s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range splitters {
			sents := s.Split(text)
			checkInvariants(t, text, sents)
			for i, x := range sents {
				if Locate(sents, x.Start) != i || Locate(sents, x.End-1) != i {
					t.Fatalf("Locate does not find sentence %d", i)
				}
			}
		}
	})
}
