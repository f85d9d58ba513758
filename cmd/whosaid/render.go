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

// render formats the record of one document whose text is text. header
// titles a text table with the id when there are several documents.
func (o *options) render(rec whosaid.Record, text string, header bool) ([]byte, error) {
	rec, err := o.prepare(rec, text)
	if err != nil {
		return nil, err
	}
	switch o.format {
	case "json":
		return encodeJSON(rec, "  ")
	case "jsonl":
		return rec.MarshalLine()
	case "tsv":
		return renderTSV(rec), nil
	default:
		return renderTable(rec, o.width, header), nil
	}
}

// prepare makes rec as the format writes it: its offsets in the unit asked
// for and, for JSON (and JSON Lines with --text), its text.
func (o *options) prepare(rec whosaid.Record, text string) (whosaid.Record, error) {
	if o.format != "json" && o.format != "jsonl" && o.format != "tsv" {
		return rec, nil
	}
	if o.offsets != whosaid.UnitBytes {
		var err error
		if rec, err = rec.ConvertOffsets(text, o.offsets); err != nil {
			return rec, err
		}
	}
	if o.format == "json" || o.format == "jsonl" && o.withText {
		rec.Text = text
	}
	return rec, nil
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

// title names a document in a table: its id, else its input line.
func title(rec whosaid.Record) string {
	if rec.ID == "" && rec.Line > 0 {
		return fmt.Sprintf("line %d", rec.Line)
	}
	return oneLine(rec.ID)
}

// renderTable writes a table of speaker, cue, type, confidence and
// quotation, and a note of the cut if the text was cut.
func renderTable(rec whosaid.Record, width int, header bool) []byte {
	var b bytes.Buffer
	if header {
		fmt.Fprintf(&b, "== %s ==\n", title(rec))
	}
	if len(rec.Quotes) == 0 {
		b.WriteString("no quotations found\n")
	} else {
		tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "SPEAKER\tCUE\tTYPE\tCONF\tQUOTATION")
		for _, a := range rec.Quotes {
			cue := oneLine(a.Cue.Text)
			if cue == "" {
				cue = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%s\n",
				speakerLabel(a, 40), truncate(cue, 20), a.Type, a.Confidence, truncate(oneLine(a.Text), width))
		}
		tw.Flush()
	}
	if rec.Cut != nil {
		fmt.Fprintf(&b, "note: %s\n", rec.Cut)
	}
	if header {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// tsvHeader names the columns of --format tsv.
const tsvHeader = "id\ttype\tstart\tend\tspeaker_start\tspeaker_end\tspeaker\tname\tcue\tconfidence\trule\ttext\n"

// renderTSV writes one row per attribution, fields escaped by tsvField;
// text is the words said.
func renderTSV(rec whosaid.Record) []byte {
	var b bytes.Buffer
	for _, a := range rec.Quotes {
		f := []string{
			tsvField(rec.ID), a.Type.String(),
			strconv.Itoa(a.Extent.Start), strconv.Itoa(a.Extent.End),
			strconv.Itoa(a.Speaker.Start), strconv.Itoa(a.Speaker.End),
			tsvField(a.Speaker.Text), tsvField(a.Entity.Name), tsvField(a.Cue.Text),
			strconv.FormatFloat(a.Confidence, 'f', 2, 64), tsvField(a.Rule),
			tsvField(a.Text),
		}
		if a.Speaker.Empty() {
			f[4], f[5] = "", ""
		}
		b.WriteString(strings.Join(f, "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// tsvEscapes are the characters tsvField escapes: the backslash, the tab,
// and every character that a common reader takes for a line break
// (Python's str.splitlines splits on all of these; Unicode line and
// paragraph separators and NEL end lines in editors and JavaScript).
var tsvEscapes = strings.NewReplacer(
	`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`, "\v", `\v`, "\f", `\f`,
	"\x1c", `\u001c`, "\x1d", `\u001d`, "\x1e", `\u001e`,
	"\u0085", `\u0085`, "\u2028", `\u2028`, "\u2029", `\u2029`,
)

// tsvField escapes a field so that every row is one line of tab-separated
// fields for every common reader: backslash as \\, tab, LF, CR, VT and FF
// as \t \n \r \v \f, and the other line breaks as \uXXXX.
func tsvField(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r == '\\' || r < 0x20 && (r >= '\t' && r <= '\r' || r >= 0x1c && r <= 0x1e) || r == 0x85 || r == 0x2028 || r == 0x2029
	}) {
		return s
	}
	return tsvEscapes.Replace(s)
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
