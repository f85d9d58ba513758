package attribution

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/span"
)

func BenchmarkCorefScaleTmp(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 32000; i++ {
		sb.WriteString("Mr. Smith Jones and Mrs. Ann Smith said it. “I agree,” he said. The official said no. They said so. Officials there said yes. ")
	}
	text := sb.String()
	var attrs []Attribution
	off := 0
	for {
		k := strings.Index(text[off:], "he said")
		if k < 0 {
			break
		}
		p := off + k
		attrs = append(attrs, Attribution{Speaker: span.Of(text, p, p+2), Content: span.Of(text, p-10, p-2), Rule: "x"})
		attrs = append(attrs, Attribution{Rule: RuleContinuation})
		off = p + 7
	}
	for b.Loop() {
		resolveEntities(text, nil, attrs)
	}
}
