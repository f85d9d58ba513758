package htmltext

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func extract(t testing.TB, page string) string {
	t.Helper()
	s, err := Extract(strings.NewReader(page))
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return s
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"empty", "", ""},
		{"no text", "<html><head><title>T</title></head><body></body></html>", ""},
		{"plain text is one paragraph", "Hello  there.", "Hello there."},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"headings", "<h1>Title</h1><p>Body.</p><h2>Part</h2><h6>Small</h6>", "Title\n\nBody.\n\nPart\n\nSmall"},
		{"title and head skipped", "<html><head><title>Page title</title><meta name=x content=y></head><body><p>Text.</p></body></html>", "Text."},
		{"script", "<p>A.</p><script>var q = \"“No,” he said.\";</script><p>B.</p>", "A.\n\nB."},
		{"script inside paragraph", "<p>A <script>x()</script>B.</p>", "A B."},
		{"style", "<style>p { color: red }</style><p>A.</p>", "A."},
		{"nav", "<nav><p>Home</p><ul><li>News</li></ul></nav><p>A.</p>", "A."},
		{"aside", "<p>A.</p><aside><p>Related story.</p></aside>", "A."},
		{"footer", "<p>A.</p><footer><p>© 2026</p></footer>", "A."},
		{"form", "<form><p>Sign up</p><input value=x><button>Go</button></form><p>A.</p>", "A."},
		{"noscript and template", "<noscript><p>Enable JS</p></noscript><template><p>T</p></template><p>A.</p>", "A."},
		{"hidden", "<p hidden>Gone.</p><p aria-hidden=\"true\">Gone too.</p><p aria-hidden=false>Kept.</p>", "Kept."},
		{"roles", "<div role=navigation><p>Menu</p></div><div role=\"contentinfo\"><p>Legal</p></div><p>A.</p>", "A."},
		{"entities", "<p>&ldquo;Caf&eacute; &amp; bar,&rdquo; she said &mdash; &#8220;ok&#x201D; &lt;b&gt; &nbsp;x&apos;</p>", "“Café & bar,” she said — “ok” <b> x'"},
		{"unknown entity kept", "<p>&zzzz; &amp</p>", "&zzzz; &"},
		{"nested inline tags", "<p>He <b>said <i>“not <a href=x>now</a>”</i></b>, and <span><em>left</em></span>.</p>", "He said “not now”, and left."},
		{"inline tags split words only where the source does", "<p>un<b>believ</b>able <i>and</i><b>so</b></p>", "unbelievable andso"},
		{"white space", "<p>\n  Lots   of\tspace\n  here.  </p>", "Lots of space here."},
		{"no-break spaces", "<p>15&nbsp;minutes\u00a0later</p>", "15 minutes later"},
		{"invisible characters", "<p>soft&shy;hyphen zero\u200bwidth\ufeff</p>", "softhyphen zerowidth"},
		{"br", "<p>Line one<br>line two<br/><br>Next paragraph</p>", "Line one\nline two\n\nNext paragraph"},
		{"br at the edges", "<p><br>Text<br></p>", "Text"},
		{"q element", "<p>She called it <q>a floor, <q>not</q> a ceiling</q>.</p>", "She called it “a floor, ‘not’ a ceiling”."},
		{"blockquote", "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>", "Quoted one.\n\nQuoted two."},
		{"blockquote text", "<blockquote>Bare quoted text.</blockquote>", "Bare quoted text."},
		{"list outside article skipped", "<ul><li>Menu item</li></ul><p>A.</p>", "A."},
		{"list inside article", "<article><p>Points:</p><ul><li>One</li><li>Two</li></ul></article>", "Points:\n\nOne\n\nTwo"},
		{"figure caption skipped", "<figure><img alt=x><figcaption>Caption.</figcaption></figure><p>A.</p>", "A."},
		{"table cells in a paragraph", "<p>A</p><table><tr><td>x</td><td>y</td></tr></table>", "A"},
		{"fallback to blocks", "<div>First block.</div><div>Second <b>block</b>.<div>Inner.</div></div>", "First block.\n\nSecond block.\n\nInner."},
		{"fallback skips furniture", "<nav>Menu</nav><div>Body text.</div><footer>Foot</footer>", "Body text."},
		{"fallback bare body text", "Text before<div>block</div>text after", "Text before\n\nblock\n\ntext after"},
		{"svg skipped", "<p>A <svg><text>drawn</text></svg>B</p>", "A B"},
		{"comments", "<p>A<!-- “hidden,” he said -->B</p>", "AB"},
		{"CDATA-like text", "<p><![CDATA[x]]>A</p>", "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extract(t, tt.page); got != tt.want {
				t.Errorf("Extract(%q)\n got %q\nwant %q", tt.page, got, tt.want)
			}
		})
	}
}

func TestExtractMalformed(t *testing.T) {
	pages := []string{
		"<p>Unclosed <b>bold <i>italic",
		"</p></p></div><p>Stray ends</span>",
		"<p>One<p>Two<p>Three",
		"<table><p>Misnested</td></p></table>",
		"<<<>>><p =\"\">x</p",
		"<p>\x00NUL and \xff\xfe invalid bytes</p>",
		"<script>never closed <p>x</p>",
		"<!DOCTYPE html><html><body><p>" + strings.Repeat("<b>", 5000) + "deep" + strings.Repeat("</b>", 10),
		strings.Repeat("<div>", 3000) + "deep blocks",
		"<svg><p>foreign</p></svg><math><mi>x</mi></math>",
		"<p>a<q>b<q>c<q>d</p>",
	}
	for _, page := range pages {
		got := extract(t, page)
		checkText(t, page, got)
	}
	deep := "<p>" + strings.Repeat("<b>", 5000) + "deep<script>x</script> text</p><nav>menu</nav><p>Next</p>"
	if got := extract(t, deep); got != "deep text\n\nNext" {
		t.Errorf("deep nesting: got %q", got)
	}
	if got := extract(t, "<p>One<p>Two<p>Three"); got != "One\n\nTwo\n\nThree" {
		t.Errorf("implied paragraph ends: got %q", got)
	}
	// Bytes that are not UTF-8, in a page with no UTF-8 character, are
	// windows-1252, as a browser reads them; among UTF-8 they are U+FFFD.
	if got := extract(t, "<p>\x00NUL and \xff\xfe invalid bytes</p>"); got != "NUL and ÿþ invalid bytes" {
		t.Errorf("NUL and invalid bytes: got %q", got)
	}
	if got := extract(t, "<p>\x00NUL and \xff\xfe invalid bytes, “quoted”</p>"); got != "NUL and \ufffd\ufffd invalid bytes, “quoted”" {
		t.Errorf("NUL and invalid bytes among UTF-8: got %q", got)
	}
}

// checkText asserts the invariants of Extract's result.
func checkText(t *testing.T, page, got string) {
	t.Helper()
	if !utf8.ValidString(got) {
		t.Errorf("Extract(%.60q): invalid UTF-8 %q", page, got)
	}
	if strings.TrimSpace(got) != got {
		t.Errorf("Extract(%.60q): untrimmed %q", page, got)
	}
	if strings.Contains(got, "\n\n\n") || strings.Contains(got, "  ") || strings.Contains(got, " \n") || strings.Contains(got, "\n ") {
		t.Errorf("Extract(%.60q): white space not collapsed in %q", page, got)
	}
	if strings.ContainsAny(got, "\x00\t\r\u00a0\u00ad\u200b") {
		t.Errorf("Extract(%.60q): stray characters in %q", page, got)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestExtractReadError(t *testing.T) {
	_, err := Extract(errReader{})
	if err == nil || !strings.HasPrefix(err.Error(), "htmltext: ") || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("Extract of a failing reader: err = %v", err)
	}
}

func TestExtractConcurrent(t *testing.T) {
	page := readTestdata(t, "harbour-bridge.html")
	want := extract(t, page)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				if got, err := Extract(strings.NewReader(page)); err != nil || got != want {
					t.Errorf("concurrent Extract differs (err %v)", err)
				}
			}
		})
	}
	wg.Wait()
}

func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "html", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func BenchmarkExtract(b *testing.B) {
	page := readTestdata(b, "harbour-bridge.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(strings.NewReader(page)); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("<p>&ldquo;Yes,&rdquo; she said.</p><script>x</script>")
	f.Add("<p>Unclosed <b>bold <q>quote")
	f.Add("<div>a<br><br>b</div>\x00\xff")
	f.Add("<article><ul><li>x</li></ul></article><nav>n</nav>")
	f.Add(readTestdata(f, "harbour-bridge.html"))
	f.Fuzz(func(t *testing.T, page string) {
		got, err := Extract(strings.NewReader(page))
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		checkText(t, page, got)
	})
}
