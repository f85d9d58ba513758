package verify_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/verify"
)

// FuzzCheck checks a claim against a text, both arbitrary: no panic, a
// known verdict, a similarity in [0,1], and every passage inside the text
// with text[Start:End] == Text.
func FuzzCheck(f *testing.F) {
	bridge, err := os.ReadFile("testdata/bridge.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range []string{
		"We will not let this bridge fall into the river",
		"It carried my grandfather to work … it will carry our children to school",
		"[T]he estimate has tripled",
		"We will [the council] let ... fall",
		"...",
		"[",
		"]]]...[[[",
		". . . . .",
		"5% of $1,000",
	} {
		f.Add(string(bridge), q)
	}
	f.Add("“Short,” he said.", "short")
	f.Add("\xff\xfe“bad \x00 utf8” she said", "bad \xff utf8")
	f.Add("", "anything")
	f.Add("word word word word", "word word")
	f.Fuzz(func(t *testing.T, text, quote string) {
		var b verify.Builder
		if err := b.Add("doc", text, whosaid.Extract(text)); err != nil {
			return
		}
		res, err := b.Corpus().Check(verify.Claim{Quote: quote, Speaker: "Someone"})
		if err != nil {
			return
		}
		if res.Verdict > verify.Unquoted {
			t.Fatalf("verdict %d", res.Verdict)
		}
		if res.Similarity < 0 || res.Similarity > 1 {
			t.Fatalf("similarity %v", res.Similarity)
		}
		check := func(p verify.Passage) {
			if p.Start < 0 || p.End > len(text) || p.Start > p.End || text[p.Start:p.End] != p.Text {
				t.Fatalf("passage %+v out of the text (%d bytes)", p, len(text))
			}
			if utf8.ValidString(text) && !utf8.ValidString(p.Text) {
				t.Fatalf("passage %q cuts a character", p.Text)
			}
		}
		if (res.Match == nil) != (res.Verdict == verify.NotFound) {
			t.Fatalf("verdict %v with match %v", res.Verdict, res.Match)
		}
		if res.Match != nil {
			check(*res.Match)
		}
		for _, p := range res.Spliced {
			check(p)
		}
		if res.Verdict == verify.Verbatim && len(res.Diff) > 0 {
			t.Fatalf("verbatim with a diff: %+v", res.Diff)
		}
		if res.SpeakerMatch == nil {
			t.Fatal("a claim with a speaker has no speaker_match")
		}
	})
}
