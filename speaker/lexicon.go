package speaker

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed lexicon/nicknames.txt
var nicknamesFile string

// nicknames maps each folded given name to the numbers of the lines of
// lexicon/nicknames.txt that hold it: two names are one when they share a
// line.
var nicknames = sync.OnceValues(func() (map[string][]int, error) {
	m := map[string][]int{}
	sc := bufio.NewScanner(strings.NewReader(nicknamesFile))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(strings.ToLower(line))
		if len(f) < 2 {
			return nil, fmt.Errorf("speaker: nicknames.txt:%d: a name with no short form", n)
		}
		for _, w := range f {
			m[w] = append(m[w], n)
		}
	}
	return m, sc.Err()
})

// sameName reports whether two folded given names are one name, written
// in full or short ("joseph", "joe").
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	m, err := nicknames()
	if err != nil {
		return false
	}
	for _, x := range m[a] {
		for _, y := range m[b] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// isNickname reports whether a folded given name is in the list of given
// names and their short forms.
func isNickname(w string) bool {
	m, err := nicknames()
	return err == nil && len(m[w]) > 0
}
