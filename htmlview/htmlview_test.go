package htmlview

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/span"
)

// at returns the span of the first occurrence of sub in text.
func at(t testing.TB, text, sub string) span.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return span.Of(text, i, i+len(sub))
}

// quote builds a direct attribution of content by name, with the speaker
// mention and the cue found in text ("" for none).
func quote(t testing.TB, text, content, mention, cue, name string) whosaid.Attribution {
	t.Helper()
	c := at(t, text, content)
	a := whosaid.Attribution{Extent: c, Spans: []span.Span{c}, Type: attribution.Direct, Confidence: 0.9, Rule: "test"}
	if mention != "" {
		a.Speaker = at(t, text, mention)
	}
	if cue != "" {
		a.Cue = at(t, text, cue)
	}
	if name != "" {
		a.Entity = attribution.Entity{ID: 1, Name: name}
	}
	return a
}

const delgado = "“We cannot wait,” Mayor Rosa Delgado said. “The engineers were clear.”\n\n" +
	"Councillor Tom Becker said the closure would “cut the east side off” and asked for a phased repair.\n\n" +
	"“Nobody will be stranded,” said Priya Nair.\nShe added that ferries would run all night."

// render writes the page and parses it back.
func render(t testing.TB, title, text string, attrs []whosaid.Attribution) (string, *html.Node) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, title, text, attrs); err != nil {
		t.Fatalf("Write: %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	return b.String(), doc
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, c string) bool {
	v, _ := attrOf(n, "class")
	for _, f := range strings.Fields(v) {
		if f == c {
			return true
		}
	}
	return false
}

func find(n *html.Node, f func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && f(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// checkPage asserts the invariants of a page rendered from text and attrs:
// well formed, nothing injected, the article's text intact paragraph by
// paragraph, each attribution's highlighted text equal to its fragments'
// text, and every highlighted element named with its speaker.
func checkPage(t testing.TB, page string, doc *html.Node, text string, attrs []whosaid.Attribution) {
	t.Helper()
	if !utf8.ValidString(page) {
		t.Errorf("page is not valid UTF-8")
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Script })); n != 1 {
		t.Errorf("page has %d script elements, want 1", n)
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		switch n.DataAtom {
		case atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Link, atom.Svg:
			t.Errorf("page has a %s element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("element %s has attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
	}
	main := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main })
	if len(main) != 1 {
		t.Fatalf("page has %d main elements", len(main))
	}
	paras := paragraphs(text)
	ps := find(main[0], func(n *html.Node) bool { return n.DataAtom == atom.P })
	if len(paras) == 0 {
		if len(ps) != 1 || !hasClass(ps[0], "empty") {
			t.Errorf("empty text: want the one empty note, got %d paragraphs", len(ps))
		}
		return
	}
	if len(ps) != len(paras) {
		t.Fatalf("page has %d paragraphs, text has %d", len(ps), len(paras))
	}
	for i, p := range paras {
		if got, want := textOf(ps[i]), clean(text[p[0]:p[1]]); got != want {
			t.Errorf("paragraph %d: page text %q, want %q", i, got, want)
		}
	}
	// Each attribution's highlighted text, piece by piece.
	want := map[string]string{}
	for i := range attrs {
		want[strconv.Itoa(i)] = highlighted(text, paras, &attrs[i])
	}
	got := map[string]string{}
	focusable := map[string]int{}
	for _, n := range find(main[0], func(n *html.Node) bool { _, ok := attrOf(n, "data-a"); return ok }) {
		a, _ := attrOf(n, "data-a")
		i, err := strconv.Atoi(a)
		if err != nil || i < 0 || i >= len(attrs) {
			t.Errorf("bad data-a %q", a)
			continue
		}
		sp, ok := attrOf(n, "data-speaker")
		if !ok || sp != canonical(&attrs[i]) {
			t.Errorf("attribution %d: data-speaker %q, want %q", i, sp, canonical(&attrs[i]))
		}
		if hasClass(n, "q") {
			// Pieces of one attribution never nest.
			got[a] += textOf(n)
			if _, ok := attrOf(n, "tabindex"); ok {
				focusable[a]++
			}
		}
	}
	for a, w := range want {
		if got[a] != w {
			t.Errorf("attribution %s: highlighted %q, want %q", a, got[a], w)
		}
		if w != "" && focusable[a] != 1 {
			t.Errorf("attribution %s: %d focusable elements, want 1", a, focusable[a])
		}
	}
}

// highlighted is the text a page shows highlighted for a: its fragments,
// snapped to rune starts, merged, clipped to the paragraphs, in order.
func highlighted(text string, paras [][2]int, a *whosaid.Attribution) string {
	frags := a.Spans
	if len(frags) == 0 {
		frags = []span.Span{a.Extent}
	}
	cover := make([]bool, len(text))
	for _, f := range frags {
		s, e := snap(text, f.Start, f.End)
		for k := s; k < e; k++ {
			cover[k] = true
		}
	}
	var b strings.Builder
	for _, p := range paras {
		for k := p[0]; k < p[1]; {
			if !cover[k] {
				k++
				continue
			}
			e := k
			for e < p[1] && cover[e] {
				e++
			}
			b.WriteString(clean(text[k:e]))
			k = e
		}
	}
	return b.String()
}

func TestWrite(t *testing.T) {
	text := delgado
	crossing := "He said “the plan is dead” and “the council knows it,” she said."
	nested := "“Becker told me ‘never again’ twice,” Nair said."
	tests := []struct {
		name  string
		text  string
		attrs func(t testing.TB, text string) []whosaid.Attribution
	}{
		{"none", text, func(testing.TB, string) []whosaid.Attribution { return nil }},
		{"empty text", "", func(testing.TB, string) []whosaid.Attribution { return nil }},
		{"blank text", " \n\n \t\n", func(testing.TB, string) []whosaid.Attribution { return nil }},
		{"direct, indirect, continuation", text, func(t testing.TB, text string) []whosaid.Attribution {
			a := quote(t, text, "“We cannot wait,”", "Mayor Rosa Delgado", "said", "Rosa Delgado")
			b := quote(t, text, "“The engineers were clear.”", "", "", "Rosa Delgado")
			c := quote(t, text, "the closure would “cut the east side off”", "Councillor Tom Becker", "said the", "Tom Becker")
			c.Cue = span.Of(text, c.Cue.Start, c.Cue.Start+4)
			c.Type, c.Quoted = attribution.Mixed, []span.Span{at(t, text, "cut the east side off")}
			d := quote(t, text, "“Nobody will be stranded,”", "Priya Nair", "said Priya", "Priya Nair")
			d.Cue = span.Of(text, d.Cue.Start, d.Cue.Start+4)
			e := quote(t, text, "that ferries would run all night", "She", "added", "Priya Nair")
			e.Type = attribution.Indirect
			return []whosaid.Attribution{a, b, c, d, e}
		}},
		{"unattributed", text, func(t testing.TB, text string) []whosaid.Attribution {
			return []whosaid.Attribution{quote(t, text, "“The engineers were clear.”", "", "", "")}
		}},
		{"mention without entity", text, func(t testing.TB, text string) []whosaid.Attribution {
			return []whosaid.Attribution{quote(t, text, "“We cannot wait,”", "Mayor Rosa  Delgado"[:10], "", "")}
		}},
		{"interrupted quotation", text, func(t testing.TB, text string) []whosaid.Attribution {
			a := quote(t, text, "“We cannot wait,” Mayor Rosa Delgado said. “The engineers were clear.”", "Mayor Rosa Delgado", "said", "Rosa Delgado")
			a.Spans = []span.Span{at(t, text, "“We cannot wait,”"), at(t, text, "“The engineers were clear.”")}
			return []whosaid.Attribution{a}
		}},
		{"crossing spans", crossing, func(t testing.TB, text string) []whosaid.Attribution {
			a := quote(t, text, "He said “the plan is dead”", "He", "said", "Tom Becker")
			b := quote(t, text, "“the plan is dead” and “the council knows it,”", "she", "she said", "Priya Nair")
			b.Cue = at(t, text, "said.")
			b.Cue = span.Of(text, b.Cue.Start, b.Cue.Start+4)
			c := quote(t, text, "plan is dead” and “the", "", "", "")
			return []whosaid.Attribution{a, b, c}
		}},
		{"nested quotations", nested, func(t testing.TB, text string) []whosaid.Attribution {
			a := quote(t, text, "“Becker told me ‘never again’ twice,”", "Nair", "said", "Priya Nair")
			b := quote(t, text, "‘never again’", "Becker", "told", "Tom Becker")
			return []whosaid.Attribution{a, b}
		}},
		{"same span twice", text, func(t testing.TB, text string) []whosaid.Attribution {
			a := quote(t, text, "“We cannot wait,”", "Mayor Rosa Delgado", "said", "Rosa Delgado")
			return []whosaid.Attribution{a, a}
		}},
		{"across paragraphs", text, func(t testing.TB, text string) []whosaid.Attribution {
			a := quote(t, text, "“The engineers were clear.”", "", "", "Rosa Delgado")
			a.Extent = span.Of(text, a.Extent.Start, strings.Index(text, "asked"))
			a.Spans = []span.Span{a.Extent}
			return []whosaid.Attribution{a}
		}},
		{"out of range and mid-rune", text, func(t testing.TB, text string) []whosaid.Attribution {
			return []whosaid.Attribution{
				{Extent: span.Span{Start: -5, End: 2}, Spans: []span.Span{{Start: -5, End: 2}}, Speaker: span.Span{Start: 1, End: 5}},
				{Extent: span.Span{Start: len(text) - 3, End: len(text) + 50}, Cue: span.Span{Start: 9, End: 3}},
				{Extent: span.Span{Start: 40, End: 30}},
				{},
			}
		}},
		{"invalid UTF-8 and controls", "“Bad \xff\xfe bytes\x00 and \x01 here,” he said.", func(t testing.TB, text string) []whosaid.Attribution {
			return []whosaid.Attribution{quote(t, text, "“Bad \xff\xfe bytes\x00 and \x01 here,”", "he", "said", "\xffName\x00")}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			attrs := tt.attrs(t, tt.text)
			page, doc := render(t, "Test", tt.text, attrs)
			checkPage(t, page, doc, tt.text, attrs)
		})
	}
}

func TestWriteEscapes(t *testing.T) {
	text := "“<script>document.title='pwned'</script>,” said Eve <b>Mallory</b>.\n\n" +
		"Then \"\"><img src=x onerror=\"document.title='pwned'\">\" she said, & left."
	a := quote(t, text, "“<script>document.title='pwned'</script>,”", "Eve <b>Mallory</b>", "said", `Eve "><img src=x onerror=alert(1)>`)
	b := quote(t, text, "\"\"><img src=x onerror=\"document.title='pwned'\">\"", "she", "said,", `</script><script>alert(1)</script>`)
	b.Rule = `"><img src=x onerror=alert(1)>`
	attrs := []whosaid.Attribution{a, b}
	title := `</title><script>alert(1)</script>`
	page, doc := render(t, title, text, attrs)
	checkPage(t, page, doc, text, attrs)
	ts := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title })
	if len(ts) != 1 || textOf(ts[0]) != title {
		t.Errorf("title element: got %d, text %q", len(ts), textOf(ts[0]))
	}
	if strings.Contains(page, "<img") || strings.Contains(page, "<b>") {
		t.Errorf("page holds raw markup from the article")
	}
}

func TestWriteColours(t *testing.T) {
	var b strings.Builder
	var attrs []whosaid.Attribution
	for i := range 30 {
		name := "Speaker " + strconv.Itoa(i%15)
		start := b.Len()
		b.WriteString("“Words number " + strconv.Itoa(i) + ".”")
		end := b.Len()
		b.WriteString(" " + name + " said.\n\n")
		s := b.String()
		attrs = append(attrs, whosaid.Attribution{Extent: span.Of(s, start, end), Entity: attribution.Entity{ID: i%15 + 1, Name: name}})
	}
	text := b.String()
	for i := range attrs {
		attrs[i].Extent = span.Of(text, attrs[i].Extent.Start, attrs[i].Extent.End)
	}
	page, doc := render(t, "Colours", text, attrs)
	checkPage(t, page, doc, text, attrs)
	class := map[string]string{} // speaker -> colour class
	owner := map[string]string{} // colour class -> speaker
	for _, n := range find(doc, func(n *html.Node) bool { _, ok := attrOf(n, "data-a"); return ok && hasClass(n, "q") }) {
		sp, _ := attrOf(n, "data-speaker")
		var c string
		cls, _ := attrOf(n, "class")
		for _, f := range strings.Fields(cls) {
			if len(f) > 1 && f[0] == 'c' && f[1] >= '0' && f[1] <= '9' {
				c = f
			}
		}
		if c == "" {
			t.Fatalf("%q: no colour class in %q", sp, cls)
		}
		if prev, ok := class[sp]; ok && prev != c {
			t.Errorf("%q has colours %s and %s", sp, prev, c)
		}
		if o, ok := owner[c]; ok && o != sp {
			t.Errorf("colour %s shared by %q and %q", c, o, sp)
		}
		class[sp], owner[c] = c, sp
	}
	if len(class) != 15 {
		t.Errorf("%d speakers coloured, want 15", len(class))
	}
	// The same input gives the same page.
	again, _ := render(t, "Colours", text, attrs)
	if again != page {
		t.Errorf("two renderings of one input differ")
	}
}

func TestWritePanel(t *testing.T) {
	text := delgado
	attrs := []whosaid.Attribution{
		quote(t, text, "“We cannot wait,”", "Mayor Rosa Delgado", "said", "Rosa Delgado"),
		quote(t, text, "“The engineers were clear.”", "", "", "Rosa Delgado"),
		quote(t, text, "“Nobody will be stranded,”", "Priya Nair", "", "Priya Nair"),
		quote(t, text, "ferries would run all night", "", "", ""),
	}
	_, doc := render(t, "Panel", text, attrs)
	var got []string
	for _, n := range find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Button }) {
		got = append(got, strings.Join(strings.Fields(textOf(n)), " "))
		if v, _ := attrOf(n, "type"); v != "button" {
			t.Errorf("button %q: type %q", textOf(n), v)
		}
		if _, ok := attrOf(n, "aria-pressed"); !ok {
			t.Errorf("button %q has no aria-pressed", textOf(n))
		}
	}
	want := []string{"All quotations 4", "Rosa Delgado 2", "Priya Nair 1", "No speaker named 1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("panel buttons %q, want %q", got, want)
	}
}

func TestWriteConcurrent(t *testing.T) {
	text := delgado
	attrs := []whosaid.Attribution{quote(t, text, "“We cannot wait,”", "Mayor Rosa Delgado", "said", "Rosa Delgado")}
	want, _ := render(t, "C", text, attrs)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var b bytes.Buffer
				if err := Write(&b, "C", text, attrs); err != nil || b.String() != want {
					t.Errorf("concurrent Write differs (err %v)", err)
				}
			}
		})
	}
	wg.Wait()
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := Write(failWriter{}, "t", "text", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "htmlview: ") {
		t.Errorf("Write to a failing writer: %v", err)
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"\n \n\t", nil},
		{"one", []string{"one"}},
		{"  one\ntwo  \n\nthree\n", []string{"one\ntwo", "three"}},
		{"a\r\n\r\nb", []string{"a", "b"}},
		{"a\n   \n\n\nb\n", []string{"a", "b"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range paragraphs(tt.text) {
			got = append(got, tt.text[p[0]:p[1]])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func readSeed(tb testing.TB) string {
	tb.Helper()
	return corpustest.ReadFile(tb, "seed/blinken-paris.txt")
}

func TestWriteSeed(t *testing.T) {
	text := readSeed(t)
	attrs := whosaid.Extract(text)
	page, doc := render(t, "Blinken in Paris", text, attrs)
	checkPage(t, page, doc, text, attrs)
}

func BenchmarkWrite(b *testing.B) {
	text := readSeed(b)
	attrs := whosaid.Extract(text)
	var buf bytes.Buffer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, "Seed", text, attrs); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzWrite(f *testing.F) {
	f.Add(delgado, 0, 20, 22, 40, 3, 9)
	f.Add("“<script>x</script>,” he said.\n\nMore.", 0, 30, 5, 40, 32, 36)
	f.Add("\xff\xfe“ab\x00”\n\n\n", 1, 3, 2, 9, -4, 100)
	f.Add("ab", 5, 1, 0, 0, 1, 1)
	f.Add("\x85\x85\x85\x85\x85", 83, 39, 0, 0, 1, 1)
	f.Add("é€😀\r\n\r0\r0", 1, 5, 2, 9, 3, 14)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3 int) {
		if len(text) > 1<<12 {
			return
		}
		mk := func(s, e int) span.Span { return span.Span{Start: s, End: e} }
		attrs := []whosaid.Attribution{
			{Extent: mk(s1, e1), Spans: []span.Span{mk(s1, e1), mk(s2, e2)}, Speaker: mk(s3, e3), Cue: mk(s2, e3), Entity: attribution.Entity{ID: 1, Name: text[:min(len(text), 7)]}},
			{Extent: mk(s2, e2), Speaker: mk(s1, e2), Type: attribution.Indirect},
			{Extent: mk(s3, e1), Spans: []span.Span{mk(s3, e1)}, Cue: mk(s1, s2)},
		}
		page, doc := render(t, text, text, attrs)
		checkPage(t, page, doc, text, attrs)
	})
}
