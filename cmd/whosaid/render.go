package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/htmlview"
)

// render formats the attributions of one document. withText adds the text
// to jsonl records (html input); header titles a text table with the id
// when there are several documents.
func (o *options) render(id, text string, attrs []whosaid.Attribution, withText, header bool) ([]byte, error) {
	switch o.format {
	case "json":
		rec := whosaid.NewRecord(id, attrs)
		rec.Text = text
		return encodeJSON(rec, "  ")
	case "jsonl":
		rec := whosaid.NewRecord(id, attrs)
		if withText {
			rec.Text = text
		}
		return rec.MarshalLine()
	case "tsv":
		return renderTSV(id, attrs), nil
	default:
		return renderTable(id, attrs, o.width, header), nil
	}
}

// encodeJSON encodes v as JSON ending in a newline, HTML characters left as
// they are, indented by indent when it is not empty.
func encodeJSON(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// speakerLabel is the speaker as a reader wants it, in at most width
// characters: the resolved name, with the mention as written when it is
// another form than the name and there is room ("Blinken (he)").
func speakerLabel(a whosaid.Attribution, width int) string {
	name, mention := oneLine(a.Entity.Name), oneLine(a.Speaker.Text)
	label := name
	switch {
	case name == "" && mention == "":
		return "-"
	case name == "":
		label = mention
	case mention == "" || mentions(name, mention):
	case utf8.RuneCountInString(name)+utf8.RuneCountInString(mention)+3 <= width:
		label = name + " (" + mention + ")"
	}
	return truncate(label, width)
}

// mentions reports whether one of name and mention contains the other, so
// that showing both would repeat it ("Ann Cole" and "Mayor Ann Cole" or
// "Cole").
func mentions(name, mention string) bool {
	n, m := strings.ToLower(name), strings.ToLower(mention)
	return strings.Contains(n, m) || strings.Contains(m, n)
}

// renderTable writes a table of speaker, cue, type and quotation.
func renderTable(id string, attrs []whosaid.Attribution, width int, header bool) []byte {
	var b bytes.Buffer
	if header {
		fmt.Fprintf(&b, "== %s ==\n", oneLine(id))
	}
	if len(attrs) == 0 {
		b.WriteString("no quotations found\n")
		if header {
			b.WriteByte('\n')
		}
		return b.Bytes()
	}
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "SPEAKER\tCUE\tTYPE\tQUOTATION")
	for _, a := range attrs {
		cue := oneLine(a.Cue.Text)
		if cue == "" {
			cue = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n",
			speakerLabel(a, 40), truncate(cue, 20), a.Type, truncate(contentLine(a), width))
	}
	tw.Flush()
	if header {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// contentLine is the content on one line: the fragments of a quotation
// interrupted by its speaker ("“...,” she said, “...”") joined by a space.
func contentLine(a whosaid.Attribution) string {
	if len(a.Spans) < 2 {
		return oneLine(a.Extent.Text)
	}
	parts := make([]string, len(a.Spans))
	for i, s := range a.Spans {
		parts[i] = s.Text
	}
	return oneLine(strings.Join(parts, " "))
}

// tsvHeader names the columns of --format tsv.
const tsvHeader = "id\ttype\tstart\tend\tspeaker_start\tspeaker_end\tspeaker\tname\tcue\tconfidence\trule\ttext\n"

// renderTSV writes one row per attribution, fields escaped by tsvField.
func renderTSV(id string, attrs []whosaid.Attribution) []byte {
	var b bytes.Buffer
	for _, a := range attrs {
		f := []string{
			tsvField(id), a.Type.String(),
			strconv.Itoa(a.Extent.Start), strconv.Itoa(a.Extent.End),
			strconv.Itoa(a.Speaker.Start), strconv.Itoa(a.Speaker.End),
			tsvField(a.Speaker.Text), tsvField(a.Entity.Name), tsvField(a.Cue.Text),
			strconv.FormatFloat(a.Confidence, 'f', 2, 64), tsvField(a.Rule),
			tsvField(a.Extent.Text),
		}
		if a.Speaker.Empty() {
			f[4], f[5] = "", ""
		}
		b.WriteString(strings.Join(f, "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// tsvField escapes backslash, tab, newline and carriage return as \\, \t,
// \n and \r, so that every row is one line of tab-separated fields.
func tsvField(s string) string {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return s
	}
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// oneLine collapses every run of white space (line breaks included) to one
// space and trims the ends.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// truncate shortens s to at most width characters, cutting at a word
// boundary where one is near and marking the cut with "…". A width of 0
// means no limit.
func truncate(s string, width int) string {
	if width <= 0 || utf8.RuneCountInString(s) <= width {
		return s
	}
	if width == 1 {
		return "…"
	}
	// Byte offset of the width-1'th rune: room for the ellipsis.
	cut, n := 0, 0
	for i := range s {
		if n == width-1 {
			cut = i
			break
		}
		n++
	}
	head := s[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp > len(head)*2/3 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " ,;:") + "…"
}

// writeHTML writes one page for a document.
func writeHTML(w io.Writer, title, text string, attrs []whosaid.Attribution) error {
	return htmlview.Write(w, title, text, attrs)
}
