package whosaid_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
)

// TestLayoutStaysOutOfContent runs Extract on news text with the parts of
// a page that are not sentences of the story: a dateline that opens a
// paragraph ("MILLBROOK —", "WASHINGTON (AP) —") and a subheading, on a
// line of its own or run into the paragraph under it when a scrape lost
// its line break. Neither is part of what anyone said: the content of
// each attribution is the words said alone, and a direct quotation with a
// heading glued before it stays direct, its content starting at its
// opening mark.
func TestLayoutStaysOutOfContent(t *testing.T) {
	tests := []struct {
		name, text string
		out        string // what no content may hold
		// The attribution that must be found.
		content, speaker string
		typ              whosaid.Type
	}{
		{"dateline before a clause", "MILLBROOK — The city will ask for state aid, Mayor Ann Cole said on Tuesday.",
			"MILLBROOK", "The city will ask for state aid", "Ann Cole", whosaid.Indirect},
		{"dateline with an agency", "WASHINGTON (AP) — The bill will pass this week, the senator said.",
			"WASHINGTON", "The bill will pass this week", "the senator", whosaid.Indirect},
		{"dateline with a state", "MILLBROOK, N.Y. — The bridge will reopen in March, Mayor Ann Cole said.",
			"MILLBROOK", "The bridge will reopen in March", "Ann Cole", whosaid.Indirect},
		{"dateline with a date and a hyphen", "WASHINGTON, Oct. 5 (Reuters) - The bill will pass this week, the senator said.",
			"WASHINGTON", "The bill will pass this week", "the senator", whosaid.Indirect},
		{"dateline with two hyphens", "LONDON -- The talks failed, officials said.",
			"LONDON", "The talks failed", "officials", whosaid.Indirect},
		{"dateline before according to", "WASHINGTON (AP) — The bill will pass this week, according to the senator.",
			"WASHINGTON", "The bill will pass this week", "the senator", whosaid.Indirect},
		{"dateline before a quotation", "WASHINGTON (AP) — “The bill will pass,” the senator said.",
			"WASHINGTON", "“The bill will pass,”", "the senator", whosaid.Direct},
		{"dateline before mixed speech", "WASHINGTON (AP) — The bill “will pass this week,” the senator said.",
			"WASHINGTON", "The bill “will pass this week,”", "the senator", whosaid.Mixed},
		{"dateline on a line of its own", "MILLBROOK —\n“We will rebuild,” Mayor Ann Cole said.",
			"MILLBROOK", "“We will rebuild,”", "Ann Cole", whosaid.Direct},
		{"dateline after a byline", "By Jane Roe\n\nPARIS — The talks will resume in May, the minister said.",
			"PARIS", "The talks will resume in May", "the minister", whosaid.Indirect},
		{"dateline of a later paragraph", "The bridge fell in May.\n\nMILLBROOK — The city will rebuild, Cole said.",
			"MILLBROOK", "The city will rebuild", "Cole", whosaid.Indirect},
		{"heading run into a quotation", "It was the renewal of NATO. Holding the bag “There is now a very important opportunity,” Blinken said.",
			"Holding", "“There is now a very important opportunity,”", "Blinken", whosaid.Direct},
		{"title-case heading run into a quotation", "The plan passed. A Long Road Back “We will rebuild,” Cole said on Tuesday.",
			"Road", "“We will rebuild,”", "Cole", whosaid.Direct},
		{"heading line over a quotation", "The plan passed.\nA Long Road Back\n“We will rebuild,” Mayor Ann Cole said.",
			"Road", "“We will rebuild,”", "Ann Cole", whosaid.Direct},
		{"heading line over a clause", "The plan passed.\n\nHolding the Bag\nThe city will pay for it, Cole said.",
			"Holding", "The city will pay for it", "Cole", whosaid.Indirect},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			attrs := whosaid.Extract(tt.text)
			var found *whosaid.Attribution
			for i, a := range attrs {
				assert.NotContains(t, a.Extent.Text, tt.out, "a content holds the dateline or heading")
				if a.Text == tt.content {
					found = &attrs[i]
				}
			}
			require.NotNil(t, found, "no attribution with content %q in %+v", tt.content, attrs)
			assert.Equal(t, tt.typ, found.Type)
			assert.Equal(t, tt.speaker, found.Entity.Name)
		})
	}
}

// TestHeadingOnTheSeedArticle checks the reference article, whose
// subheading "Holding the bag" a scrape ran into the paragraph under it:
// the heading is in no content, and Blinken's quotation after it is
// direct, its content starting at its opening mark.
func TestHeadingOnTheSeedArticle(t *testing.T) {
	text := corpustest.ReadFile(t, "seed/blinken-paris.txt")
	const heading, quotation = "Holding the bag ", "“There is now a very important opportunity"
	at := strings.Index(text, heading+quotation)
	require.GreaterOrEqual(t, at, 0, "the seed article no longer has its run-in heading")
	open := at + len(heading)
	var found *whosaid.Attribution
	attrs := whosaid.Extract(text)
	for i, a := range attrs {
		assert.NotContains(t, a.Extent.Text, "Holding the bag", "content of %s", a.Rule)
		if a.Extent.Start <= open && open < a.Extent.End {
			found = &attrs[i]
		}
	}
	require.NotNil(t, found, "no attribution of the quotation after the heading")
	assert.Equal(t, open, found.Extent.Start, "the content starts at the opening mark")
	assert.True(t, strings.HasPrefix(found.Text, quotation), "content %q", found.Text)
	assert.Equal(t, whosaid.Direct, found.Type)
	assert.Contains(t, found.Entity.Name, "Blinken")
}
