package htmlview

import (
	"bytes"
	"html"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// TestTooltipShowsTheWordsSaid: the tooltip of an interrupted quotation
// holds its fragments, not the narration between them.
func TestTooltipShowsTheWordsSaid(t *testing.T) {
	text := "“We expected better,” journalist Anne Lapix told Blinken. “You speak French.”"
	attrs := whosaid.Extract(text)
	require.NotEmpty(t, attrs)
	var b bytes.Buffer
	require.NoError(t, Write(&b, "t", text, attrs))
	said := regexp.MustCompile(`data-said="([^"]*)"`).FindAllStringSubmatch(b.String(), -1)
	require.NotEmpty(t, said)
	assert.Equal(t, "“We expected better,” “You speak French.”", html.UnescapeString(said[0][1]))
	titles := regexp.MustCompile(`title="([^"]*)"`).FindAllStringSubmatch(b.String(), -1)
	var found bool
	for _, m := range titles {
		if tt := html.UnescapeString(m[1]); bytes.Contains([]byte(tt), []byte("Said: “We expected better,” “You speak French.”")) {
			found = true
			assert.NotContains(t, tt, "told Blinken")
		}
	}
	assert.True(t, found, "no title holds the words said")
}

func TestSaidIsShortened(t *testing.T) {
	long := whosaid.Attribution{Text: string(bytes.Repeat([]byte("word "), 100))}
	got := said(&long)
	assert.Equal(t, saidLength, len([]rune(got)))
	assert.Equal(t, "…", string([]rune(got)[saidLength-1:]))
}
