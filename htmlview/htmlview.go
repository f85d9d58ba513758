// Package htmlview renders an article and its attributions as one
// self-contained HTML page, for people to judge at a glance who said what.
//
// # The page
//
// The article's paragraphs (the text split on blank lines) are shown with
// each quotation highlighted in its speaker's colour: direct quotations
// with a solid underline, mixed ones dotted, indirect (reported) speech
// dashed on a paler ground. The cue ("said") is underlined and the speaker
// mention ("Mayor Rosa Delgado", "he") is boxed in the same colour. Each
// quotation can be focused with the keyboard; hovering or focusing it shows
// the speaker, the mention as written, the type, the cue, the addressee,
// the confidence and the rule that decided. The same facts are in the
// element's title and data-* attributes, and every highlighted element
// (quotation, cue, mention) carries data-speaker with the canonical speaker
// name ("" when the text names no speaker). A panel lists the speakers with
// their counts; choosing one (a button, so Enter and Space work) shows only
// the paragraphs that hold their quotations and dims the others' quotations.
// A print stylesheet lays the article out on paper with the speaker's name
// after each quotation. A link to the page ending in "#s=N" opens it with
// the speaker of panel position N chosen (the page sets it when one is).
//
// Colours are stable: speakers take the colours of a fixed sequence in the
// order they first appear in the article (the order of entity IDs), so the
// same article always gets the same colours, and the first speakers get
// hues far apart. Every background keeps dark text readable; quotations
// with no speaker named are grey.
//
// # Getting started
//
//	text := "“We cannot wait,” Mayor Rosa Delgado said."
//	err := htmlview.Write(os.Stdout, "Harbour Bridge", text, whosaid.Extract(text))
//
// For an HTML article, take its text with
// [github.com/whosaid/whosaid/htmltext.Extract] first; the offsets then
// refer to that text, which is what the page shows.
//
// # Safety
//
// The page loads nothing (no network, no external file): its CSS and script
// are inline and a Content-Security-Policy allows nothing else. All article
// text, names and rule names are escaped, so an article containing
// "<script>" or `"><img onerror=...>` shows those characters as text. Spans
// may overlap or nest in any way; the markup is built from the sorted list
// of their boundaries and stays well formed, and no UTF-8 sequence is cut.
// Out-of-range spans are clamped; bytes that are not valid UTF-8 show as
// U+FFFD.
package htmlview

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Options configures [WriteOptions]. The zero value is usable.
type Options struct {
	// Title is the page's title and heading; "" means "whosaid".
	Title string
	// Source is shown under the heading (a file name or a URL, as text);
	// "" shows nothing.
	Source string
}

// Write writes the page for text and its attributions to w, with title as
// the page's title and heading. The attributions' offsets are UTF-8 byte
// offsets into text. Write returns only the errors of w; it is safe for
// concurrent use.
func Write(w io.Writer, title, text string, attrs []whosaid.Attribution) error {
	return WriteOptions(w, text, attrs, Options{Title: title})
}

// WriteOptions is [Write] with options.
func WriteOptions(w io.Writer, text string, attrs []whosaid.Attribution, o Options) error {
	title := clean(o.Title)
	if strings.TrimSpace(title) == "" {
		title = "whosaid"
	}
	v := build(text, attrs)
	css := template.CSS(baseCSS + v.colourCSS())
	data := pageData{
		Title:    title,
		Source:   clean(o.Source),
		CSP:      csp(string(css), script),
		CSS:      css,
		JS:       template.JS(script),
		Body:     template.HTML(v.body),
		Speakers: v.speakers,
		Total:    v.total,
		Named:    v.named,
	}
	var b bytes.Buffer
	if err := page.Execute(&b, data); err != nil {
		return fmt.Errorf("htmlview: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("htmlview: %w", err)
	}
	return nil
}

type pageData struct {
	Title, Source string
	CSP           string
	CSS           template.CSS
	JS            template.JS
	Body          template.HTML
	Speakers      []*speaker
	Total, Named  int
}

// csp allows the page's own style and script, by hash, and nothing else.
func csp(css, js string) string {
	h := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; style-src " + h(css) + "; script-src " + h(js) +
		"; img-src data:; base-uri 'none'; form-action 'none'"
}

// speaker is one entry of the panel.
type speaker struct {
	Index    int    // position in view.speakers; data-s
	Name     string // canonical name, "" for no speaker
	Label    string // what the panel shows
	Count    int
	Colour   int // palette slot, -1 for no speaker
	Mentions []string
	first    int // attribution index of the first appearance
}

// Class is the speaker's colour class.
func (s *speaker) Class() string {
	if s.Colour < 0 {
		return "cn"
	}
	return "c" + strconv.Itoa(s.Colour)
}

// Also lists the other ways the article names the speaker.
func (s *speaker) Also() string {
	var out []string
	for _, m := range s.Mentions {
		if !strings.EqualFold(m, s.Name) {
			out = append(out, m)
		}
	}
	return strings.Join(out, ", ")
}

// hues is the palette, in the order speakers take it: each next hue is far
// from those before it. Past its end the hues come round again, darker.
var hues = [...]int{214, 28, 140, 330, 50, 270, 175, 0, 95, 245, 195, 300}

// view is the page's content built from the text and attributions.
type view struct {
	body         string
	speakers     []*speaker // panel order
	total, named int
	used         []int // palette slots in use
}

func (v *view) colourCSS() string {
	var b strings.Builder
	for _, slot := range v.used {
		h := hues[slot%len(hues)]
		bg, pale := 86, 94
		if slot/len(hues)%2 == 1 {
			bg, pale = 76, 88
		}
		fmt.Fprintf(&b, ".c%d{--bg:hsl(%d 85%% %d%%);--pale:hsl(%d 85%% %d%%);--fg:hsl(%d 80%% 27%%)}\n", slot, h, bg, h, pale, h)
	}
	return b.String()
}

// canonical is the name under which a is listed.
func canonical(a *whosaid.Attribution) string {
	if n := strings.Join(strings.Fields(a.Entity.Name), " "); n != "" {
		return clean(n)
	}
	if !a.Speaker.Empty() {
		return clean(strings.Join(strings.Fields(a.Speaker.Text), " "))
	}
	return ""
}

// build makes the speakers and the article markup.
func build(text string, attrs []whosaid.Attribution) *view {
	v := &view{total: len(attrs)}
	byName := map[string]*speaker{}
	attrSpk := make([]*speaker, len(attrs))
	for i := range attrs {
		a := &attrs[i]
		name := canonical(a)
		s := byName[name]
		if s == nil {
			s = &speaker{Name: name, Label: name, Colour: -1, first: i}
			if name == "" {
				s.Label = "No speaker named"
			}
			byName[name] = s
			v.speakers = append(v.speakers, s)
		}
		s.Count++
		if name != "" {
			v.named++
		}
		if m := clean(strings.Join(strings.Fields(a.Speaker.Text), " ")); m != "" && !containsFold(s.Mentions, m) && len(s.Mentions) < 8 {
			s.Mentions = append(s.Mentions, m)
		}
		attrSpk[i] = s
	}
	// Colours in order of first appearance, from a sequence that puts
	// the first speakers far apart on the colour wheel.
	slot := 0
	for _, s := range v.speakers {
		if s.Name == "" {
			continue
		}
		s.Colour = slot
		v.used = append(v.used, slot)
		slot++
	}
	sort.SliceStable(v.speakers, func(i, j int) bool {
		a, b := v.speakers[i], v.speakers[j]
		if (a.Name == "") != (b.Name == "") {
			return b.Name == ""
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.first < b.first
	})
	for i, s := range v.speakers {
		s.Index = i
	}
	v.body = renderBody(text, attrs, attrSpk)
	return v
}

// containsFold reports whether ss holds s, ignoring case.
func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Kinds of marked span, in nesting order for spans with equal bounds.
const (
	kQuote = iota
	kSpeaker
	kCue
)

// ival is a marked span of text.
type ival struct {
	start, end int
	kind       int
	a          int // attribution index
}

// snap clamps [s, e) into text and moves an end that falls inside a
// UTF-8 sequence out to the sequence's edge (the start back, the end on),
// so that no character is cut. An empty range stays empty.
func snap(text string, s, e int) (int, int) {
	s = max(0, min(s, len(text)))
	e = max(0, min(e, len(text)))
	if s >= e {
		return s, s
	}
	if l, _, ok := cut(text, s); ok {
		s = l
	}
	if _, r, ok := cut(text, e); ok {
		e = r
	}
	return s, e
}

// cut reports whether offset x falls inside a valid multi-byte UTF-8
// sequence of text, and if so its bounds [l, r).
func cut(text string, x int) (l, r int, ok bool) {
	for l = x - 1; l >= 0 && l > x-utf8.UTFMax; l-- {
		if !utf8.RuneStart(text[l]) {
			continue
		}
		c, size := utf8.DecodeRuneInString(text[l:])
		if c == utf8.RuneError && size <= 1 {
			return 0, 0, false
		}
		return l, l + size, l+size > x
	}
	return 0, 0, false
}

// intervals lists the marked spans of every attribution, sorted.
func intervals(text string, attrs []whosaid.Attribution) []ival {
	var out []ival
	seen := map[[3]int]bool{}
	add := func(s, e, kind, a int) {
		s, e = snap(text, s, e)
		if s >= e {
			return
		}
		if kind != kQuote {
			k := [3]int{s, e, kind}
			if seen[k] {
				return
			}
			seen[k] = true
		}
		out = append(out, ival{s, e, kind, a})
	}
	for i := range attrs {
		a := &attrs[i]
		frags := a.Spans
		if len(frags) == 0 {
			frags = []whosaid.Span{a.Extent}
		}
		// Fragments of one attribution that overlap or touch are merged,
		// so its pieces never nest.
		fs := make([][2]int, 0, len(frags))
		for _, f := range frags {
			if s, e := snap(text, f.Start, f.End); s < e {
				fs = append(fs, [2]int{s, e})
			}
		}
		slices.SortFunc(fs, func(x, y [2]int) int { return x[0] - y[0] })
		for k := 0; k < len(fs); {
			s, e := fs[k][0], fs[k][1]
			for k++; k < len(fs) && fs[k][0] <= e; k++ {
				e = max(e, fs[k][1])
			}
			add(s, e, kQuote, i)
		}
		add(a.Speaker.Start, a.Speaker.End, kSpeaker, i)
		add(a.Cue.Start, a.Cue.End, kCue, i)
	}
	sortIvals(out)
	return out
}

// sortIvals sorts by start, longer first, quotations outside cues and
// mentions.
func sortIvals(ivs []ival) {
	sort.Slice(ivs, func(i, j int) bool {
		x, y := ivs[i], ivs[j]
		if x.start != y.start {
			return x.start < y.start
		}
		if x.end != y.end {
			return x.end > y.end
		}
		if x.kind != y.kind {
			return x.kind < y.kind
		}
		return x.a < y.a
	})
}

// paragraphs returns the [start, end) bounds of the paragraphs of text:
// runs of lines with no blank line between them, trimmed of white space.
func paragraphs(text string) [][2]int {
	var out [][2]int
	start, last := -1, -1 // paragraph start; end of its last non-blank line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		line := text[i:j]
		if t := strings.TrimSpace(line); t == "" {
			if start >= 0 {
				out = append(out, [2]int{start, last})
				start = -1
			}
		} else {
			lead := strings.Index(line, t)
			if start < 0 {
				start = i + lead
			}
			last = i + lead + len(t)
		}
		i = j + 1
	}
	if start >= 0 {
		out = append(out, [2]int{start, last})
	}
	return out
}

// renderBody returns the markup of the article: one p per paragraph, the
// marked spans as nested span elements.
func renderBody(text string, attrs []whosaid.Attribution, spk []*speaker) string {
	ivs := intervals(text, attrs)
	paras := paragraphs(text)
	if len(paras) == 0 {
		return `<p class="empty">The article has no text.</p>`
	}
	// Clip each span to the paragraphs it covers.
	per := make([][]ival, len(paras))
	for _, iv := range ivs {
		k := sort.Search(len(paras), func(k int) bool { return paras[k][1] > iv.start })
		for ; k < len(paras) && paras[k][0] < iv.end; k++ {
			s, e := max(iv.start, paras[k][0]), min(iv.end, paras[k][1])
			if s < e {
				per[k] = append(per[k], ival{s, e, iv.kind, iv.a})
			}
		}
	}
	// Each attribution's tag goes where its last fragment ends.
	last := make([]int, len(attrs))
	for i := range last {
		last[i] = -1
	}
	for k := range per {
		sortIvals(per[k])
		for _, iv := range per[k] {
			if iv.kind == kQuote && iv.end > last[iv.a] {
				last[iv.a] = iv.end
			}
		}
	}
	labelAt := map[int][]int{}
	for i, e := range last {
		if e >= 0 {
			labelAt[e] = append(labelAt[e], i)
		}
	}
	r := renderer{text: text, attrs: attrs, spk: spk, focused: make([]bool, len(attrs))}
	for k, p := range paras {
		r.paragraph(p[0], p[1], per[k], labelAt)
	}
	return r.b.String()
}

// renderer writes the article markup.
type renderer struct {
	b       strings.Builder
	text    string
	attrs   []whosaid.Attribution
	spk     []*speaker
	focused []bool // attribution already has its focusable element
}

// paragraph writes the paragraph [ps, pe) with its marked spans in (sorted,
// clipped to the paragraph). Spans that cross are closed and reopened, so
// the elements always nest.
func (r *renderer) paragraph(ps, pe int, in []ival, labelAt map[int][]int) {
	bounds := make([]int, 0, 2*len(in)+2)
	bounds = append(bounds, ps, pe)
	for _, iv := range in {
		bounds = append(bounds, iv.start, iv.end)
	}
	sort.Ints(bounds)
	bounds = slices.Compact(bounds)
	r.b.WriteString(`<p data-start="` + strconv.Itoa(ps) + `" data-end="` + strconv.Itoa(pe) + `">`)
	var stack []ival
	var least []int // least[j]: the least end among stack[:j+1]
	push := func(iv ival) {
		r.open(iv)
		e := iv.end
		if n := len(least); n > 0 {
			e = min(e, least[n-1])
		}
		stack, least = append(stack, iv), append(least, e)
	}
	next := 0 // next interval of in to open
	var reopen []ival
	for bi, p := range bounds {
		// Close what ends here, down to the lowest such element; reopen
		// what was closed only to keep the nesting.
		low := sort.Search(len(least), func(j int) bool { return least[j] <= p })
		reopen = reopen[:0]
		for len(stack) > low {
			top := stack[len(stack)-1]
			stack, least = stack[:len(stack)-1], least[:len(least)-1]
			r.b.WriteString("</span>")
			if top.end > p {
				reopen = append(reopen, top)
			}
		}
		for _, i := range labelAt[p] {
			r.label(i)
		}
		delete(labelAt, p)
		for j := len(reopen) - 1; j >= 0; j-- {
			push(reopen[j])
		}
		for next < len(in) && in[next].start == p {
			push(in[next])
			next++
		}
		if p >= pe {
			break
		}
		q := pe
		if bi+1 < len(bounds) {
			q = bounds[bi+1]
		}
		r.b.WriteString(escape(r.text[p:q]))
	}
	for range stack {
		r.b.WriteString("</span>")
	}
	r.b.WriteString("</p>\n")
}

// open writes the start tag of iv's element.
func (r *renderer) open(iv ival) {
	a := &r.attrs[iv.a]
	s := r.spk[iv.a]
	b := &r.b
	switch iv.kind {
	case kQuote:
		b.WriteString(`<span class="q t-` + a.Type.String() + " " + s.Class() + `"`)
		r.common(iv.a, s)
		attr(b, "data-type", a.Type.String())
		attr(b, "data-said", said(a))
		attr(b, "data-mention", a.Speaker.Text)
		attr(b, "data-cue", a.Cue.Text)
		attr(b, "data-to", a.Addressee.Text)
		attr(b, "data-conf", strconv.FormatFloat(a.Confidence, 'f', 2, 64))
		attr(b, "data-rule", a.Rule)
		attr(b, "data-start", strconv.Itoa(a.Extent.Start))
		attr(b, "data-end", strconv.Itoa(a.Extent.End))
		attr(b, "title", r.title(a, s))
		if !r.focused[iv.a] {
			r.focused[iv.a] = true
			b.WriteString(` tabindex="0" aria-describedby="tip"`)
		}
	case kSpeaker:
		b.WriteString(`<span class="spk ` + s.Class() + `"`)
		r.common(iv.a, s)
	case kCue:
		b.WriteString(`<span class="cue ` + s.Class() + `"`)
		r.common(iv.a, s)
	}
	b.WriteString(">")
}

func (r *renderer) common(i int, s *speaker) {
	attr(&r.b, "data-a", strconv.Itoa(i))
	attr(&r.b, "data-s", strconv.Itoa(s.Index))
	attr(&r.b, "data-speaker", s.Name)
}

// label writes the speaker's tag after attribution i's last fragment.
func (r *renderer) label(i int) {
	s := r.spk[i]
	r.b.WriteString(`<span class="lbl ` + s.Class() + `" aria-hidden="true"`)
	r.common(i, s)
	r.b.WriteString("></span>")
}

// title is the plain-text summary of a.
func (r *renderer) title(a *whosaid.Attribution, s *speaker) string {
	var b strings.Builder
	name := s.Name
	if name == "" {
		name = "(none named)"
	}
	b.WriteString("Speaker: " + name)
	if m := a.Speaker.Text; m != "" && m != s.Name {
		b.WriteString("\nMention: " + m)
	}
	b.WriteString("\nSaid: " + said(a))
	b.WriteString("\nType: " + a.Type.String())
	if a.Cue.Text != "" {
		b.WriteString("\nCue: " + a.Cue.Text)
	}
	if a.Addressee.Text != "" {
		b.WriteString("\nTo: " + a.Addressee.Text)
	}
	b.WriteString("\nConfidence: " + strconv.FormatFloat(a.Confidence, 'f', 2, 64))
	if a.Rule != "" {
		b.WriteString("\nRule: " + a.Rule)
	}
	return b.String()
}

// saidLength is the most characters of the words said a tooltip shows.
const saidLength = 160

// said is the words said (the fragments without the narration between
// them) on one line, shortened to saidLength characters.
func said(a *whosaid.Attribution) string {
	s := strings.Join(strings.Fields(a.Text), " ")
	if utf8.RuneCountInString(s) <= saidLength {
		return s
	}
	n := 0
	for i := range s {
		if n == saidLength-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// attr writes ` key="value"` with value escaped.
func attr(b *strings.Builder, key, value string) {
	b.WriteString(" " + key + `="` + escape(value) + `"`)
}

// escape makes s safe as HTML text or a quoted attribute value. A carriage
// return is written as a reference, so that the page's text is the
// article's (a parser reads a bare CR LF as LF).
func escape(s string) string {
	s = html.EscapeString(clean(s))
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r", "&#13;")
	}
	return s
}

// clean returns s as valid UTF-8 without NUL or other control characters
// that HTML forbids (tab, newline and carriage return stay).
func clean(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for i := 0; i < len(s); i++ {
			if c := s[i]; (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size <= 1:
			b.WriteRune('\uFFFD')
		case (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f:
			b.WriteRune('\uFFFD')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
