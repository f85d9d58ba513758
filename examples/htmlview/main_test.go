package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// markup matches an HTML tag.
var markup = regexp.MustCompile(`<[^>]*>`)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string // in the page
	}{
		{"embedded sample", nil, "Orchard growers count the cost of a late frost"},
		{"file", []string{filepath.Join("..", "..", "testdata", "html", "harbour-bridge.html")}, "Council votes to close Harbour Bridge for repairs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "page.html")
			if err := run(out, "", tt.args); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			// The article's words are in the page, whatever marks them
			// up as a quotation or a cue.
			if text := markup.ReplaceAllString(page, ""); !strings.Contains(text, tt.want) {
				t.Errorf("page text lacks %q", tt.want)
			}
			for _, want := range []string{`class="q `, "data-speaker="} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			for _, not := range []string{"not article text", "Best cider", "should not appear"} {
				if strings.Contains(page, not) {
					t.Errorf("page holds skipped text %q", not)
				}
			}
		})
	}
	if err := run(filepath.Join(dir, "x.html"), "", []string{"a", "b"}); err == nil {
		t.Errorf("two arguments: no error")
	}
	if err := run(filepath.Join(dir, "x.html"), "", []string{filepath.Join(dir, "absent.html")}); err == nil {
		t.Errorf("absent file: no error")
	}
}
