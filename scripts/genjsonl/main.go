// Command genjsonl writes a JSON Lines stream of a given size for the
// streaming benchmarks: the articles of a source JSON Lines file, repeated
// under distinct ids ("ID#N"), with only their "id" and "text". With
// -article N, the texts are joined (by a blank line) into articles of at
// least N bytes each.
//
// Usage:
//
//	go run ./scripts/genjsonl -src ../shared/corpus/polnear/dev.jsonl -size 1G > stream.jsonl
//	go run ./scripts/genjsonl -src testdata/articles/gold.jsonl -size 100M -article 1M > big.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

func main() {
	src := flag.String("src", "", "JSON Lines `file` of {\"id\", \"text\"} articles to repeat")
	size := flag.String("size", "1G", "bytes to write, with an optional K, M or G suffix (powers of 1024)")
	articleSize := flag.String("article", "", "join the texts into articles of at least this many bytes (K, M or G suffix)")
	flag.Parse()
	n, err := parseSize(*size)
	var an int64
	if err == nil && *articleSize != "" {
		an, err = parseSize(*articleSize)
	}
	if err != nil || *src == "" {
		fmt.Fprintln(os.Stderr, "genjsonl: usage: genjsonl -src FILE [-size 1G] [-article 1M]")
		os.Exit(2)
	}
	if err := run(*src, n, an); err != nil {
		if errors.Is(err, syscall.EPIPE) {
			return
		}
		fmt.Fprintln(os.Stderr, "genjsonl:", err)
		os.Exit(1)
	}
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

// article is an input line; other fields of the source are dropped.
type article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func run(src string, size, articleSize int64) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var arts []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	if len(arts) == 0 {
		return fmt.Errorf("%s: no articles", src)
	}
	if articleSize > 0 {
		arts = join(arts, articleSize)
	}
	w := &countWriter{w: bufio.NewWriterSize(os.Stdout, 1<<20)}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for rep := 0; w.n < size; rep++ {
		for _, a := range arts {
			if w.n >= size {
				break
			}
			a.ID = fmt.Sprintf("%s#%d", a.ID, rep)
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
	}
	return w.w.Flush()
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w *bufio.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// join makes one article of at least size bytes out of the texts of arts,
// repeated.
func join(arts []article, size int64) []article {
	var b strings.Builder
	for i := 0; int64(b.Len()) < size; i++ {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(arts[i%len(arts)].Text)
	}
	return []article{{ID: "joined", Text: b.String()}}
}
