// Package htmltext takes the article text out of an HTML page, so that the
// rest of whosaid can work on it as plain text.
//
// # What is kept
//
// [Extract] parses the page with golang.org/x/net/html (the HTML5 parsing
// algorithm, so malformed markup is repaired the way a browser repairs it)
// and keeps the text of paragraphs and headings: p, h1 to h6, blockquote,
// pre, and li, dt and dd inside an article or main element (figure
// captions are left out). It skips what is not the article: script,
// style, nav, aside, footer, form and their contents, form controls,
// noscript, template, iframe, svg, the document head, any element marked
// hidden or aria-hidden="true", and any element whose ARIA role is
// navigation, complementary, contentinfo, search, banner, menu or dialog.
// A page with no such paragraph at all (text laid out in bare div elements)
// falls back to the text of every block-level element of the body, with
// the same elements skipped.
//
// # The text returned
//
// Paragraphs are joined by a blank line ("\n\n"), which the sentence
// splitter reads as a paragraph break. Character references are decoded
// (&ldquo; becomes “). Inside a paragraph, runs of white space (including
// no-break spaces) collapse to one space and the ends are trimmed; a <br>
// becomes a newline and two or more in a row a paragraph break; soft
// hyphens and zero-width spaces are dropped; the text of a q element is
// put between the quote marks a browser would show (“ ” outside, ‘ ’
// nested). The result is always valid UTF-8.
//
// # Encodings
//
// A page is decoded from its own encoding first, as a browser finds it: a
// byte order mark (UTF-8, UTF-16LE, UTF-16BE), else a charset declared in
// a meta element within the first 1024 bytes (any label of the WHATWG
// Encoding Standard: windows-1252, iso-8859-1, shift_jis, ...), else
// UTF-8 when the page reads as UTF-8 (a byte that is not UTF-8 here and
// there becomes U+FFFD), else windows-1252, the encoding of the older
// Western web.
//
// Offsets that later stages report refer to the returned text, not to the
// HTML source. A page with no text returns "".
package htmltext

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Extract returns the text of the article in the HTML page read from r, as
// the package documentation describes, decoded from the page's encoding
// (see Encodings). It returns an error only when r fails; malformed HTML is not an error (a
// page too deeply nested for the tree builder is read token by token,
// every block element a paragraph).
// Extract is safe for concurrent use.
func Extract(r io.Reader) (string, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("htmltext: %w", err)
	}
	src = toUTF8(src)
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		// The tree builder gives up on some pathological pages (elements
		// nested hundreds deep); read those token by token.
		return tokens(src), nil
	}
	body := findBody(doc)
	if body == nil {
		return "", nil
	}
	w := walker{}
	w.walk(body, false)
	w.flush()
	if len(w.paras) == 0 {
		// No paragraph element: take the text of every block.
		w = walker{fallback: true}
		w.walk(body, true)
		w.flush()
	}
	return strings.Join(w.paras, "\n\n"), nil
}

// toUTF8 decodes a page from the encoding its byte order mark, its meta
// charset or its bytes show; see the package documentation.
func toUTF8(src []byte) []byte {
	e, name, certain := charset.DetermineEncoding(src, "")
	if !certain {
		// DetermineEncoding takes an ASCII head for windows-1252: ask
		// only for a declared charset, then judge the bytes of the
		// whole page.
		e, name = declared(src)
		if name == "utf-8" {
			if readsAsUTF8(src) {
				return src
			}
			e, name = charmap.Windows1252, "windows-1252"
		}
	}
	if name == "utf-8" || e == nil {
		return src
	}
	out, err := e.NewDecoder().Bytes(src)
	if err != nil {
		return src
	}
	return out
}

// declared returns the encoding a meta element declares in the first 1024
// bytes of the page; "utf-8" when it declares UTF-8 or nothing.
func declared(src []byte) (encoding.Encoding, string) {
	// A probe of the head in ASCII, ending in one UTF-8 character and a
	// space (a character last would be taken for a partial one): the
	// answer is the meta charset if there is one, else "utf-8".
	n := min(len(src), 1000)
	probe := make([]byte, n, n+3)
	for i, c := range src[:n] {
		if c >= utf8.RuneSelf {
			c = ' '
		}
		probe[i] = c
	}
	probe = append(probe, "é "...)
	e, name, _ := charset.DetermineEncoding(probe, "")
	return e, name
}

// readsAsUTF8 reports whether src reads as UTF-8: its bytes that are not
// UTF-8 are fewer than its characters of more than one byte (a page in
// windows-1252 has many of the first and next to none of the second).
func readsAsUTF8(src []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return bad == 0 || multi >= bad
}

// findBody returns the body element of a parsed document (the parser always
// makes one), or nil.
func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// skipped lists the elements whose whole content is not article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Form: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Label: true, atom.Dialog: true, atom.Object: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Head: true,
	atom.Title: true,
}

// skippedRoles lists the ARIA roles that mark page furniture.
var skippedRoles = map[string]bool{
	"navigation": true, "complementary": true, "contentinfo": true,
	"search": true, "banner": true, "dialog": true, "alertdialog": true,
	"menu": true, "menubar": true,
}

// paragraphs lists the elements whose text is kept in the normal mode.
var paragraphs = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true,
}

// inline lists the phrasing elements: they do not break a paragraph.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true,
	atom.Bdo: true, atom.Cite: true, atom.Code: true, atom.Data: true,
	atom.Dfn: true, atom.Em: true, atom.I: true, atom.Kbd: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true,
	atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true,
	atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Font: true, atom.Big: true, atom.Tt: true,
	atom.Strike: true, atom.Ins: true, atom.Del: true, atom.Nobr: true,
	atom.Img: true, atom.Br: true,
}

func isSkipped(n *html.Node) bool {
	if skipped[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "role":
			for _, r := range strings.Fields(strings.ToLower(a.Val)) {
				if skippedRoles[r] {
					return true
				}
			}
		}
	}
	return false
}

// walker gathers paragraphs in document order.
type walker struct {
	fallback bool     // every block-level element is a paragraph
	paras    []string // finished paragraphs
	buf      strings.Builder
	space    bool // a space is pending before the next word
	newlines int  // <br> pending before the next word
	inDoc    int  // article or main elements open
	qDepth   int  // q elements open
}

// walk visits n; in reports whether n is inside a kept paragraph.
func (w *walker) walk(n *html.Node, in bool) {
	switch n.Type {
	case html.TextNode:
		if in {
			w.text(n.Data)
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, in)
		}
		return
	}
	if n.Namespace != "" || isSkipped(n) {
		// Foreign content (svg, math) and page furniture are skipped.
		// A skipped element between words still separates them.
		if in {
			w.space = true
		}
		return
	}
	a := n.DataAtom
	block := w.isParagraph(n)
	if block {
		w.flush()
		in = true
	}
	switch a {
	case atom.Br:
		if in {
			w.newlines++
		}
		return
	case atom.Img, atom.Wbr:
		return
	case atom.Article, atom.Main:
		w.inDoc++
		defer func() { w.inDoc-- }()
	case atom.Q:
		if in {
			w.word(openMark(w.qDepth))
			w.qDepth++
			defer func() {
				w.qDepth--
				w.word(closeMark(w.qDepth))
			}()
		}
	}
	if in && !block && !inline[a] {
		// A block inside a paragraph (a div in a blockquote, a td) ends
		// the words before it.
		w.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, in)
	}
	if block {
		w.flush()
	}
}

// isParagraph reports whether n starts a paragraph of its own.
func (w *walker) isParagraph(n *html.Node) bool {
	a := n.DataAtom
	if paragraphs[a] {
		return true
	}
	if a == atom.Li || a == atom.Dd || a == atom.Dt {
		return w.inDoc > 0 || w.fallback
	}
	return w.fallback && !inline[a] && a != atom.Article && a != atom.Main && a != atom.Body
}

func openMark(depth int) string {
	if depth%2 == 0 {
		return "“"
	}
	return "‘"
}

func closeMark(depth int) string {
	if depth%2 == 0 {
		return "”"
	}
	return "’"
}

// text appends the words of s, collapsing white space.
func (w *walker) text(s string) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size <= 1:
			w.rune('\uFFFD')
		case r == '\u00AD' || r == '\u200B' || r == '\uFEFF' || r == 0:
			// Soft hyphen, zero-width space, byte order mark, NUL: invisible.
		case unicode.IsSpace(r):
			w.space = true
		default:
			w.rune(r)
		}
		s = s[size:]
	}
}

// word appends s as part of the current word.
func (w *walker) word(s string) {
	for _, r := range s {
		w.rune(r)
	}
}

// rune appends r after any pending break.
func (w *walker) rune(r rune) {
	switch {
	case w.newlines >= 2:
		w.flush()
	case w.newlines == 1 && w.buf.Len() > 0:
		w.buf.WriteByte('\n')
	case w.space && w.buf.Len() > 0:
		w.buf.WriteByte(' ')
	}
	w.newlines, w.space = 0, false
	w.buf.WriteRune(r)
}

// flush ends the current paragraph.
func (w *walker) flush() {
	if w.buf.Len() > 0 {
		w.paras = append(w.paras, w.buf.String())
		w.buf.Reset()
	}
	w.space, w.newlines = false, 0
}

// tokens is the text of a page read token by token, for pages the tree
// builder refuses: every element that is not inline breaks a paragraph,
// and skipped elements are skipped up to their end tag.
func tokens(src []byte) string {
	w := walker{fallback: true}
	z := html.NewTokenizer(bytes.NewReader(src))
	skip := map[atom.Atom]int{} // open skipped elements, by name
	skipping := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			w.flush()
			return strings.Join(w.paras, "\n\n")
		case html.TextToken:
			if skipping == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] {
				if !voidElement(a) {
					skip[a]++
					skipping++
				}
				continue
			}
			w.tag(a)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip[a] > 0 {
				skip[a]--
				skipping--
				continue
			}
			if skipping == 0 && a != atom.Br {
				w.tag(a)
			}
		}
	}
}

// tag handles a start or end tag in token mode.
func (w *walker) tag(a atom.Atom) {
	switch {
	case a == atom.Br:
		w.newlines++
	case !inline[a]:
		w.flush()
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Input, atom.Img, atom.Br, atom.Wbr, atom.Hr, atom.Meta, atom.Link:
		return true
	}
	return false
}
