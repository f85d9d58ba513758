package htmlview

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/whosaid/whosaid"
)

// The browser tests load pages in headless Chromium (Debian's chromium
// package; .ci/chromium.sh installs it). They skip when no chromium is on
// PATH, except in CI (CI=true), where its absence fails them.
//
// HTMLVIEW_SCREENSHOT names the file for the seed article's screenshot;
// unset, it goes to a new temporary directory, named in the test log.

// chromium returns the path of the browser, or skips (fails in CI).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not on PATH; CI must install it (.ci/chromium.sh)")
	}
	t.Skip("chromium is not on PATH: install it (bash .ci/chromium.sh) to run the browser tests")
	return ""
}

// runChromium runs the headless browser on url with the extra flags and
// returns what it prints on standard output.
func runChromium(t *testing.T, bin, url string, flags ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(),
	}
	args = append(append(args, flags...), url)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(flags, " "), err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// writePage writes the page to a file in dir and returns its URL.
func writePage(t *testing.T, dir, title, text string, attrs []whosaid.Attribution) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, title, text, attrs); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "page.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(path)
}

// dumpDOM loads url and parses the DOM as the browser left it after the
// page's script ran.
func dumpDOM(t *testing.T, bin, url string) *html.Node {
	t.Helper()
	out := runChromium(t, bin, url, "--dump-dom", "--virtual-time-budget=2000")
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("parse the dumped DOM: %v", err)
	}
	if len(find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main })) != 1 {
		t.Fatalf("the dumped DOM has no article:\n%s", tail(string(out), 2000))
	}
	return doc
}

// scriptRan reports whether the page's own script ran to its end (it marks
// the root element), which also shows that the page's policy allows it.
func scriptRan(doc *html.Node) bool {
	roots := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Html })
	if len(roots) == 0 {
		return false
	}
	_, ok := attrOf(roots[0], "data-ready")
	return ok
}

func TestBrowserSeed(t *testing.T) {
	bin := chromium(t)
	text := readSeed(t)
	attrs := whosaid.Extract(text)
	url := writePage(t, t.TempDir(), "Blinken in Paris", text, attrs)
	doc := dumpDOM(t, bin, url)
	if !scriptRan(doc) {
		t.Errorf("the page's script did not run")
	}

	// Every attribution with a speaker is highlighted under the speaker's
	// name, and the browser's DOM keeps the article and the highlights.
	highlighted := map[string]map[string]bool{} // data-a -> speakers named
	for _, n := range find(doc, func(n *html.Node) bool { return hasClass(n, "q") }) {
		a, ok := attrOf(n, "data-a")
		if !ok {
			continue
		}
		sp, _ := attrOf(n, "data-speaker")
		if highlighted[a] == nil {
			highlighted[a] = map[string]bool{}
		}
		highlighted[a][sp] = true
	}
	named := 0
	for i := range attrs {
		name := canonical(&attrs[i])
		if name == "" || attrs[i].Extent.Empty() {
			continue
		}
		named++
		got := highlighted[strconv.Itoa(i)]
		if !got[name] || len(got) != 1 {
			t.Errorf("attribution %d (%q, speaker %q): highlighted with speakers %v", i, attrs[i].Extent.Text, name, got)
		}
	}
	t.Logf("%d attributions, %d with a speaker, all highlighted with their speaker's name", len(attrs), named)
	checkPage(t, "", doc, text, attrs)

	// Choosing a speaker (here by the link form #s=N) hides the paragraphs
	// without their quotations and dims the others'.
	if named > 0 {
		checkFilter(t, bin, url, doc)
	}

	// A screenshot for people to look at.
	shot := os.Getenv("HTMLVIEW_SCREENSHOT")
	if shot == "" {
		dir, err := os.MkdirTemp("", "htmlview-")
		if err != nil {
			t.Fatal(err)
		}
		shot = filepath.Join(dir, "seed.png")
	}
	shot, err := filepath.Abs(shot)
	if err != nil {
		t.Fatal(err)
	}
	runChromium(t, bin, url, "--screenshot="+shot, "--window-size=1280,2000")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// The speakers' colours show, so the page's style was applied.
	colourful := 0
	bnd := img.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y += 2 {
		for x := bnd.Min.X; x < bnd.Max.X; x += 2 {
			r, g, b, _ := img.At(x, y).RGBA()
			hi, lo := max(r, g, b), min(r, g, b)
			if hi-lo > 0x2000 {
				colourful++
			}
		}
	}
	if named > 0 && colourful < 500 {
		t.Errorf("screenshot has %d coloured pixels (of a quarter sample): the highlights do not show", colourful)
	}
	t.Logf("screenshot: %s (%dx%d)", shot, bnd.Dx(), bnd.Dy())
}

// checkFilter loads the page with the first named speaker chosen.
func checkFilter(t *testing.T, bin, url string, all *html.Node) {
	t.Helper()
	var s, name string
	for _, b := range find(all, func(n *html.Node) bool { return n.DataAtom == atom.Button }) {
		if v, _ := attrOf(b, "data-speaker"); v != "" {
			s, _ = attrOf(b, "data-s")
			name = v
			break
		}
	}
	doc := dumpDOM(t, bin, url+"#s="+s)
	shown, dimmed := 0, 0
	for _, p := range find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.P && n.Parent != nil && n.Parent.DataAtom == atom.Main
	}) {
		_, hidden := attrOf(p, "hidden")
		mine := len(find(p, func(n *html.Node) bool {
			v, _ := attrOf(n, "data-s")
			return hasClass(n, "q") && v == s
		})) > 0
		if hidden == mine {
			t.Errorf("speaker %q chosen: paragraph %q hidden=%v though it holds their quotations=%v", name, tail(textOf(p), 60), hidden, mine)
		}
		if !hidden {
			shown++
		}
	}
	for _, n := range find(doc, func(n *html.Node) bool { _, ok := attrOf(n, "data-a"); return ok }) {
		v, _ := attrOf(n, "data-s")
		if hasClass(n, "dim") != (v != s) {
			t.Errorf("speaker %q chosen: element of speaker %s dim=%v", name, v, hasClass(n, "dim"))
		}
		if hasClass(n, "dim") {
			dimmed++
		}
	}
	for _, b := range find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Button }) {
		v, _ := attrOf(b, "data-s")
		if p, _ := attrOf(b, "aria-pressed"); (p == "true") != (v == s) {
			t.Errorf("speaker %q chosen: button %s aria-pressed=%s", name, v, p)
		}
	}
	t.Logf("speaker %q chosen: %d paragraphs shown, %d marks of others dimmed", name, shown, dimmed)
}

func TestBrowserEscaping(t *testing.T) {
	bin := chromium(t)
	const title = "Escaping test"
	text := "“<script>document.title='pwned'</script>,” said Eve.\n\n" +
		"Mallory wrote \"\"><img src=x onerror=\"document.title='pwned'\">\" and left.\n\n" +
		"<img src=x onerror=\"document.title='pwned'\"> <svg onload=\"document.title='pwned'\"></svg> & < > ' \""
	a := quote(t, text, "“<script>document.title='pwned'</script>,”", "Eve", "said", `Eve"><script>document.title='pwned'</script>`)
	b := quote(t, text, "\"\"><img src=x onerror=\"document.title='pwned'\">\"", "Mallory", "wrote", `"><img src=x onerror="document.title='pwned'">`)
	b.Rule = `"><img src=x onerror="document.title='pwned'">`
	attrs := []whosaid.Attribution{a, b}
	doc := dumpDOM(t, bin, writePage(t, t.TempDir(), title, text, attrs))
	if !scriptRan(doc) {
		t.Errorf("the page's script did not run")
	}
	ts := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title })
	if len(ts) != 1 || textOf(ts[0]) != title {
		t.Errorf("document title changed: %d title elements, first %q", len(ts), textOf(ts[0]))
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		switch n.DataAtom {
		case atom.Img, atom.Svg, atom.Iframe:
			t.Errorf("an injected %s element exists", n.Data)
		}
		for _, at := range n.Attr {
			if strings.HasPrefix(at.Key, "on") {
				t.Errorf("an injected %s attribute exists on %s", at.Key, n.Data)
			}
		}
	}
	// The page still shows the article's text as text.
	checkPage(t, "", doc, text, attrs)
}
