package attribution_test

import (
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

func TestSlowInputs(t *testing.T) {
	for name, text := range map[string]string{
		"said":    strings.Repeat("said ", 20000),
		"commas":  strings.Repeat("John, ", 20000) + "said it.",
		"quotes":  strings.Repeat("“a,” ", 20000),
		"straight": strings.Repeat("\"a\" said ", 20000),
		"colon":   strings.Repeat("A: “b” ", 20000),
		"dash":    strings.Repeat("“a” — B\n", 20000),
		"mr":      strings.Repeat("Mr. ", 20000),
		"according": strings.Repeat("according to ", 20000),
		"nested":  strings.Repeat("he said that ", 20000),
		"paren":   strings.Repeat("( ", 20000) + "said",
		"apos":    strings.Repeat("Jones' ", 20000),
		"words":   strings.Repeat("the official of the state ", 20000),
	} {
		t0 := time.Now()
		sents := sentence.Split(text)
		t1 := time.Now()
		qs := quote.Detect(text, sents)
		t2 := time.Now()
		attribution.Resolve(text, sents, qs)
		t3 := time.Now()
		t.Logf("%-10s %7d bytes split %v detect %v resolve %v", name, len(text), t1.Sub(t0), t2.Sub(t1), t3.Sub(t2))
	}
}
