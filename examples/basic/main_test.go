package main

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

// TestArticle checks that the sample article has what the example is meant
// to show and that the extractor finds most of it.
func TestArticle(t *testing.T) {
	if n := strings.Count(article, "“"); n < 8 || n > 15 || n != strings.Count(article, "”") {
		t.Errorf("the article has %d opening and %d closing quote marks; want 8 to 15 pairs", n, strings.Count(article, "”"))
	}
	attrs := whosaid.Extract(article)
	for _, a := range attrs {
		t.Logf("%s %s: %.60s", speaker(a), verb(a), a.Text)
	}
	if len(attrs) < 8 {
		t.Errorf("%d attributions, want at least 8", len(attrs))
	}
	var inverted, pronoun bool
	for _, a := range attrs {
		if a.Speaker.Text == "the official" && a.Cue.Start < a.Speaker.Start {
			inverted = true
		}
		if s := strings.ToLower(a.Speaker.Text); s == "he" || s == "she" {
			pronoun = true
		}
	}
	if !inverted || !pronoun {
		t.Errorf("inverted \"said the official\" found: %v; pronoun speaker found: %v", inverted, pronoun)
	}
}
