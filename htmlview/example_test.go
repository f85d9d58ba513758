package htmlview_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/htmlview"
	"github.com/whosaid/whosaid/span"
)

func Example() {
	text := "“We cannot wait,” Mayor Rosa Delgado said.\n\nCouncillors <b>agreed</b>."
	at := func(s string) span.Span {
		i := strings.Index(text, s)
		return span.Of(text, i, i+len(s))
	}
	attrs := []whosaid.Attribution{{
		Extent: at("“We cannot wait,”"), Spans: []span.Span{at("“We cannot wait,”")},
		Type: attribution.Direct, Speaker: at("Mayor Rosa Delgado"), Cue: at("said"),
		Entity:     attribution.Entity{ID: 1, Name: "Rosa Delgado"},
		Confidence: 0.9, Rule: "quote-cue-name",
	}}

	var page strings.Builder
	if err := htmlview.Write(&page, "Bridge", text, attrs); err != nil {
		fmt.Println(err)
		return
	}
	// Each highlighted element names its speaker; the article's markup
	// is shown as text.
	marks := regexp.MustCompile(`<span class="(q|cue|spk) [^"]*"[^>]* data-speaker="([^"]*)"`)
	for _, m := range marks.FindAllStringSubmatch(page.String(), -1) {
		fmt.Println(m[1], m[2])
	}
	fmt.Println(strings.Contains(page.String(), "Councillors &lt;b&gt;agreed&lt;/b&gt;."))
	// Output:
	// q Rosa Delgado
	// spk Rosa Delgado
	// cue Rosa Delgado
	// true
}

// Write the page of an article to a file, with whatever whosaid finds.
func ExampleWriteOptions() {
	text := "“We cannot wait,” Mayor Rosa Delgado said on Tuesday."
	f, err := os.CreateTemp("", "whosaid-*.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	err = htmlview.WriteOptions(f, text, whosaid.Extract(text), htmlview.Options{
		Title:  "Harbour Bridge to close",
		Source: "ledger-2026-03-03.txt",
	})
	fmt.Println(err)
	// Output:
	// <nil>
}
