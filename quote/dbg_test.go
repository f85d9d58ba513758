package quote

import (
	"fmt"
	"os"
	"testing"

	"github.com/whosaid/whosaid/sentence"
)

func TestDbgSeed(t *testing.T) {
	b, _ := os.ReadFile("../../shared/corpus/seed/blinken-paris.txt")
	text := string(b)
	for _, q := range Detect(text, sentence.Split(text)) {
		fmt.Printf("%d-%d d%d %v %s %.2f %q parts=%d\n", q.Start, q.End, q.Depth, q.Closed, q.Kind, q.Score, q.Text, len(q.Parts))
	}
}
