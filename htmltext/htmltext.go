// Package htmltext takes the article text out of an HTML page.
package htmltext

import (
	"fmt"
	"io"
)

// Extract returns the text of the article in the HTML page read from r.
func Extract(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("htmltext: %w", err)
	}
	return string(b), nil
}
