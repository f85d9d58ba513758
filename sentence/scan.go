package sentence

import (
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/blocks"
	"github.com/whosaid/whosaid/internal/space"
)

// scanner is the state of one Split call. Every look-ahead and look-back it
// makes is bounded by a small constant, or consumes what it reads, so a call
// costs time linear in the text.
type scanner struct {
	sp       *Splitter
	lx       *lexicon
	text     string
	out      []Sentence
	start    int // start of the current sentence, or -1 between sentences
	para     int // index of the current paragraph
	paraUsed bool
	list     listState // the in-line list the current paragraph opens, if any
	// Where the first word of the line being read starts (-1 before the
	// first).
	lineStart int
}

type listKind uint8

const (
	listNone   listKind = iota
	listBullet          // • first • second
	listDigit           // 1. first 2. second
	listLower           // a) first b) second
	listUpper           // A) first B) second
)

type listState struct {
	kind   listKind
	bullet string // the bullet, for listBullet
	style  string // ".)", ")" or ".", for enumerators
	next   int    // value of the next enumerator
}

// stopBytes are the bytes where the fast scan stops, indexed by whether an
// in-line list is open: terminators, line breaks, the lead byte of "…" and
// of the curly quote marks, and the straight double mark and backtick,
// which may open a quotation that a heading runs into; in a list, the
// space, before which an item may start. farBytes leave out the straight
// marks, for the rest of a sentence past a heading's reach.
var stopBytes, farBytes = func() (stop, far [2][256]bool) {
	for list := range 2 {
		for _, c := range []byte{'.', '!', '?', '\n', '\r', 0xE2} {
			stop[list][c], far[list][c] = true, true
		}
		stop[list][' '], far[list][' '] = list == 1, list == 1
		stop[list]['"'], stop[list]['`'] = true, true
	}
	return stop, far
}()

// plainStops are stopBytes[0], for blocks.Index.
var plainStops = func() *blocks.Set {
	var in []byte
	for c := range 256 {
		if stopBytes[0][c] {
			in = append(in, byte(c))
		}
	}
	return blocks.New(false, in...)
}()

func (sc *scanner) run() {
	text := sc.text
	n := len(text)
	i := 0
	for i < n {
		if sc.start < 0 {
			c := text[i]
			if c == '\n' || c == '\r' {
				i = sc.newline(i)
				continue
			}
			if w := spaceLen(text, i); w > 0 {
				i += w
				continue
			}
			if i = sc.begin(i); sc.start < 0 {
				continue
			}
		}
		stop := &stopBytes[0]
		if sc.list.kind != listNone {
			stop = &stopBytes[1]
		} else {
			// Outside a list, the blocks of sixteen bytes go first, where
			// blocks.Index finds the stop; the steps below read what they
			// leave, or stop at once at the stop it found.
			i += blocks.Index(text[i:], plainStops)
		}
		// Eight bytes a step while they hold no stop, then one at a
		// time: most of the text is passed here, in runs of dozens of
		// bytes.
		for ; i+8 <= n; i += 8 {
			b := text[i : i+8]
			if stop[b[0]] || stop[b[1]] || stop[b[2]] || stop[b[3]] || stop[b[4]] || stop[b[5]] || stop[b[6]] || stop[b[7]] {
				break
			}
		}
		for i < n && !stop[text[i]] {
			i++
		}
		if i >= n {
			break
		}
		switch text[i] {
		case '\n', '\r':
			i = sc.newline(i)
		case '.', '!', '?':
			i = sc.terminator(i)
		case ' ':
			i = sc.listItem(i)
		case '"', '`':
			i = sc.quoteMark(i)
		default: // 0xE2, the lead byte of "…" and of the curly quote marks
			switch {
			case i+2 < n && text[i+1] == 0x80 && text[i+2] == 0xA6:
				i = sc.terminator(i)
			case i+2 < n && text[i+1] == 0x80 && text[i+2] == 0x9C && i-sc.start <= headingFar:
				i = sc.quoteMark(i)
			default:
				i++
			}
		}
	}
	sc.flush(n)
}

// begin starts a sentence at i and returns where scanning resumes. The
// first sentence of a paragraph may open an in-line list, or be a
// dateline, a sentence of its own ended at once.
func (sc *scanner) begin(i int) int {
	sc.start = i
	if sc.lineStart < 0 {
		sc.lineStart = i
	}
	if !sc.paraUsed {
		if e := datelineEnd(sc.lx, sc.text, i); e > 0 {
			sc.flush(e)
			return e
		}
		if sc.list.kind == listNone {
			sc.list = listStart(sc.text, i)
		}
	}
	return i
}

// quoteMark is called at a double quote mark or backtick at i, inside a
// sentence. When the sentence so far is a heading run into the quotation
// that opens at i, the heading ends there and the quotation starts the
// next sentence. It returns where scanning resumes: past the mark, or,
// past a heading's reach, at the next byte that run stops at for other
// reasons.
func (sc *scanner) quoteMark(i int) int {
	if i-sc.start > headingFar {
		// Past a heading's reach: scan the rest of the sentence without
		// stopping at straight marks.
		far := &farBytes[0]
		if sc.list.kind != listNone {
			far = &farBytes[1]
		}
		text := sc.text
		for i++; i < len(text) && !far[text[i]]; i++ {
		}
		return i
	}
	l := 1
	switch {
	case sc.text[i] == 0xE2:
		l = 3
	case sc.text[i] == '`':
		if !hasAt(sc.text, i, "``") {
			return i + 1
		}
		l = 2
	}
	if e := sc.runInHeading(i, l); e > 0 {
		sc.cut(e, i)
	}
	return i + l
}

// flush ends the current sentence at end, trimming white space.
func (sc *scanner) flush(end int) {
	s := sc.start
	if s < 0 {
		return
	}
	sc.start = -1
	for end > s {
		w := lastSpaceLen(sc.text[s:end])
		if w == 0 {
			break
		}
		end -= w
	}
	if end <= s {
		return
	}
	sc.out = append(sc.out, Sentence{Start: s, End: end, Text: sc.text[s:end], Paragraph: sc.para})
	sc.paraUsed = true
}

// cut ends the current sentence at end and starts the next at next.
func (sc *scanner) cut(end, next int) {
	sc.flush(end)
	sc.start = next
}

func (sc *scanner) newParagraph() {
	if sc.paraUsed {
		sc.para++
		sc.paraUsed = false
	}
	sc.list = listState{}
}

// newline handles the line break at i and the white space after it, and
// returns where scanning resumes.
func (sc *scanner) newline(i int) int {
	text := sc.text
	n := len(text)
	j := i + 1
	if text[i] == '\r' && j < n && text[j] == '\n' {
		j++
	}
	blank := false
	for j < n {
		if c := text[j]; c == '\n' || c == '\r' {
			blank = true
			j++
			continue
		}
		w := spaceLen(text, j)
		if w == 0 {
			break
		}
		j += w
	}
	brk := blank || j >= n
	if !brk {
		switch sc.sp.lineBreaks {
		case LineBreaksEvery:
			brk = true
		case LineBreaksAuto:
			brk = !startsLower(text, j)
		}
	}
	switch {
	case brk:
		sc.flush(i)
		sc.newParagraph()
	case sc.start < 0 || j >= n:
	case sc.headingLine(i, j):
		// A heading on a line of its own, over the paragraph it heads.
		sc.flush(i)
		sc.newParagraph()
	case listLine(text, j) && (sc.lineStart >= 0 && listLine(text, sc.lineStart) || endsClause(text, sc.start, i)):
		// A list item on a line of its own, after the line that
		// introduces the list or after another item.
		sc.flush(i)
	}
	sc.lineStart = j
	return j
}

// listItem is called at a space inside a paragraph that opened a list: the
// next item of the list, if it starts after the space, starts a sentence.
func (sc *scanner) listItem(i int) int {
	text := sc.text
	j := i + 1
	switch sc.list.kind {
	case listBullet:
		if hasAt(text, j, sc.list.bullet) {
			sc.cut(i, j)
		}
	case listNone:
	default:
		v, kind, style, ok := enumerator(text, j)
		if ok && kind == sc.list.kind && style == sc.list.style && v == sc.list.next {
			sc.cut(i, j)
			sc.list.next++
		}
	}
	return j
}

// listStart returns the list that a paragraph starting at i opens: a bullet,
// or an enumerator of value 1 ("1.", "1)", "1.)", "a.", "A)").
func listStart(text string, i int) listState {
	if l := bulletLen(text, i); l > 0 {
		return listState{kind: listBullet, bullet: text[i : i+l]}
	}
	if v, kind, style, ok := enumerator(text, i); ok && v == 1 {
		return listState{kind: kind, style: style, next: 2}
	}
	return listState{}
}

// enumerator parses a list enumerator at i: up to three digits or one
// letter, then ".)", ")" or ".", then a space.
func enumerator(text string, i int) (v int, kind listKind, style string, ok bool) {
	n := len(text)
	j := i
	switch {
	case j < n && isDigit(text[j]):
		for j < n && j-i < 4 && isDigit(text[j]) {
			v = v*10 + int(text[j]-'0')
			j++
		}
		if j-i > 3 {
			return 0, 0, "", false
		}
		kind = listDigit
	case j+1 < n && isLetter(text[j]) && !isLetter(text[j+1]):
		c := text[j]
		if c >= 'a' {
			kind, v = listLower, int(c-'a')+1
		} else {
			kind, v = listUpper, int(c-'A')+1
		}
		j++
	default:
		return 0, 0, "", false
	}
	switch {
	case hasAt(text, j, ".)"):
		style = ".)"
	case hasAt(text, j, ")"):
		style = ")"
	case hasAt(text, j, "."):
		style = "."
	default:
		return 0, 0, "", false
	}
	j += len(style)
	if j >= n || text[j] != ' ' {
		return 0, 0, "", false
	}
	return v, kind, style, true
}

// terminator decides whether the run of sentence-final punctuation at i
// ends the current sentence, and returns where scanning resumes.
func (sc *scanner) terminator(i int) int {
	text := sc.text
	n := len(text)
	start := sc.start

	// The run of terminators: "." "?!" "..." "…" "....".
	j, dots, marks := i, 0, 0
run:
	for j < n {
		switch text[j] {
		case '.':
			dots++
			j++
			continue
		case '!', '?':
			marks++
			j++
			continue
		}
		if hasAt(text, j, "…") {
			dots += 3
			j += 3
			continue
		}
		break run
	}
	// An omission in brackets: "[...]".
	if marks == 0 && i > 0 && text[i-1] == '[' && j < n && text[j] == ']' {
		return j + 1
	}
	// A spaced ellipsis after a full stop: ". . .".
	chain := 0
	if text[j-1] == '.' {
		for j+1 < n && text[j] == ' ' && text[j+1] == '.' {
			chain++
			j += 2
		}
	}
	// Closing quote marks and brackets, and citation markers ("[6]",
	// "[12][13]", "[citation needed]"), belong to the sentence they end.
	k, quoted := j, false
	for k < n {
		l, q := closerLen(text, k)
		if l == 0 {
			l = citationLen(text, k)
		}
		if l == 0 {
			break
		}
		quoted = quoted || q
		k += l
	}
	if k < n && spaceLen(text, k) == 0 {
		return k // "Jane.Doe", "$100.00", "U.S", "Jr.'s", "mean...see"
	}
	if !hasContent(text, start, i) {
		return k // punctuation opening a sentence: "… Democratic groups"
	}
	nx := sc.peek(k)
	if nx.kind == kindEnd || nx.kind == kindLower || nx.kind == kindDash && quoted {
		// The text goes on in lower case, or a dash attributes the
		// quotation that ends here: "“...disgrace.” ― Azucena Gonzàlez".
		return k
	}
	attached := i > start && lastSpaceLen(text[:i]) == 0
	total := dots + chain
	switch {
	case attached && dots == 1 && marks == 0 && chain >= 2:
		// "compounds. . . . The": the full stop ends the sentence and the
		// ellipsis opens the next.
		sc.cut(i+1, i+2)
		return k
	case !attached && marks == 0 && total >= 3:
		// " . . . " or " ... ": an omission inside the sentence; four dots
		// are an omission and a full stop.
		if total == 3 {
			return k
		}
	case marks > 0:
		// "?” Graham asked.": a quoted question or exclamation followed by
		// its attribution.
		if quoted && nx.kind == kindUpper && sc.inverted(k) >= 0 {
			return k
		}
	case total >= 3:
		// "that.... She", "that… She"
	default:
		cl := sc.classify(i, start)
		switch cl {
		case classMarker, classInner, classTitle:
			return k
		case classInitial:
			// "Antony J. Blinken", "A. Philip Randolph", but "you and I. Did".
			if !sc.word(nx) {
				return k
			}
		case classNumeric:
			if nx.kind == kindDigit {
				return k
			}
		case classAbbr:
			if nx.kind == kindDigit || !sc.starter(nx) || sc.fronted(start, i) {
				return k
			}
		}
	}
	sc.flush(k)
	return k
}

type nextKind uint8

const (
	kindEnd nextKind = iota
	kindLower
	kindUpper
	kindDigit
	kindDash // a dash: "—", "―", "–", "-" or "--" before white space
	kindOther
)

type next struct {
	kind  nextKind
	quote bool // an opening quote mark comes first
	w, e  int  // the capitalised ASCII word that comes next, for kindUpper
}

// word reports whether the next word is a likely sentence opener: a
// function word or a title.
func (sc *scanner) word(nx next) bool {
	if nx.kind != kindUpper || nx.e <= nx.w {
		return false
	}
	w := sc.text[nx.w:nx.e]
	if sc.lx.starters[w] {
		return true
	}
	return nx.e < len(sc.text) && sc.text[nx.e] == '.' && sc.lx.abbr[w] == classTitle
}

// starter reports whether a likely sentence opener comes next: a function
// word, a title or an opening quote mark.
func (sc *scanner) starter(nx next) bool { return nx.quote || sc.word(nx) }

// peek classifies what follows the white space at k.
func (sc *scanner) peek(k int) next {
	text := sc.text
	n := len(text)
	p := k
	for p < n {
		if p-k > 64 {
			return next{kind: kindOther}
		}
		w := spaceLen(text, p)
		if w == 0 {
			break
		}
		p += w
	}
	if p >= n {
		return next{kind: kindEnd}
	}
	quote := false
	for c := 0; c < 4 && p < n; c++ {
		l, q := openerLen(text, p)
		if l == 0 {
			break
		}
		quote = quote || q
		p += l
	}
	if p >= n {
		return next{kind: kindOther, quote: quote}
	}
	c := text[p]
	if l := dashLen(text, p); l > 0 && !quote {
		if q := p + l; q >= n || spaceLen(text, q) > 0 {
			return next{kind: kindDash}
		}
	}
	switch {
	case 'a' <= c && c <= 'z':
		return next{kind: kindLower}
	case isDigit(c):
		return next{kind: kindDigit, quote: quote}
	case 'A' <= c && c <= 'Z':
		q := p
		for q < n && q-p < 16 && isLetter(text[q]) {
			q++
		}
		return next{kind: kindUpper, quote: quote, w: p, e: q}
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(text[p:])
		if unicode.IsLower(r) {
			return next{kind: kindLower}
		}
		if unicode.IsLetter(r) {
			return next{kind: kindUpper, quote: quote}
		}
	}
	return next{kind: kindOther, quote: quote}
}

// classify returns the class of the token before the full stop at i.
func (sc *scanner) classify(i, start int) class {
	text := sc.text
	te := i
	for c := 0; c < 4 && te > start; c++ {
		l := closerBefore(text, te)
		if l == 0 {
			break
		}
		te -= l
	}
	ts := te
	for ts > start {
		if te-ts > 40 {
			return classPlain
		}
		if tokenEdgeBefore(text, ts) {
			break
		}
		ts--
	}
	// Bullets and stray quote marks glued to the token: "⁃9.", "”Mr.".
	for ts < te {
		l := bulletLen(text, ts)
		if l == 0 {
			l, _ = closerLen(text, ts)
		}
		if l == 0 {
			break
		}
		ts += l
	}
	tok := text[ts:te]
	if tok == "" {
		return classPlain
	}
	if atStart(text, start, ts) && (len(tok) <= 3 && isDigits(tok) || len(tok) == 1 && isLetter(tok[0])) {
		return classMarker
	}
	if c, ok := sc.lx.lookup(tok); ok {
		return c
	}
	if isAcronym(tok) {
		return classAbbr
	}
	if len(tok) == 1 && 'A' <= tok[0] && tok[0] <= 'Z' {
		return classInitial
	}
	return classPlain
}

// fronted reports whether the sentence so far, text[start:i], is a short
// fronted time or place phrase ("At 5 a.m."), with no verb of its own.
func (sc *scanner) fronted(start, i int) bool {
	text := sc.text
	if i-start > 40 {
		return false
	}
	p := start
	for c := 0; c < 4 && p < i; c++ {
		l, _ := openerLen(text, p)
		if l == 0 {
			break
		}
		p += l
	}
	q := p
	for q < i && isLetter(text[q]) {
		q++
	}
	if !sc.lx.fronting[text[p:q]] {
		return false
	}
	words := 1
	for x := q; x < i; x++ {
		switch text[x] {
		case ',', ';', ':':
			return false
		case ' ':
			words++
		}
	}
	return words <= 4
}

// inverted returns the end of the inverted attribution after the white
// space at p, or -1: up to four capitalised words (a name, a title) and a
// verb of saying ("Graham asked", "Sen. Lindsey Graham said"), with the
// full stops that follow the verb.
func (sc *scanner) inverted(p int) int {
	text := sc.text
	n := len(text)
	for c := 0; c < 8 && p < n && spaceLen(text, p) > 0; c++ {
		p += spaceLen(text, p)
	}
	for w := 0; w < 5 && p < n; w++ {
		q := p + nameCharsLen(text[p:min(n, p+24)])
		if q == p {
			return -1
		}
		word := text[p:q]
		for len(word) > 1 && word[len(word)-1] == '.' {
			word = word[:len(word)-1]
		}
		if w > 0 && sc.lx.said(word) {
			return q
		}
		if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
			return -1
		}
		l := space.Len(text, q)
		if l == 0 {
			return -1
		}
		p = q + l
	}
	return -1
}

// nameCharsLen returns the length of the word of a name or a verb that
// s starts with: letters of any script, and the full stops, hyphens and
// apostrophes, straight or curly, inside names ("Sen.", "Al-Assad",
// "O’Malley", "Gonzàlez").
func nameCharsLen(s string) int {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isLetter(c) && c != '.' && c != '-' && c != '\'' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && r != '’' {
			break
		}
		i += n
	}
	return i
}

// atStart reports whether text[start:ts] holds only bullets, openers and
// white space: the token at ts opens its sentence.
func atStart(text string, start, ts int) bool {
	if ts-start > 16 {
		return false
	}
	for p := start; p < ts; {
		if l := spaceLen(text, p); l > 0 {
			p += l
		} else if l := bulletLen(text, p); l > 0 {
			p += l
		} else if l, _ := openerLen(text, p); l > 0 {
			p += l
		} else {
			return false
		}
	}
	return true
}

// citationLen returns the byte length of the citation marker at text[i]:
// a reference number or a short editorial note in square brackets ("[6]",
// "[a]", "[citation needed]", "[note 3]"), or 0.
func citationLen(text string, i int) int {
	if text[i] != '[' {
		return 0
	}
	for j := i + 1; j < len(text) && j-i <= 32; j++ {
		switch c := text[j]; {
		case c == ']':
			if j == i+1 {
				return 0
			}
			return j + 1 - i
		case isLetter(c), isDigit(c), c == ' ' && j > i+1, c == '-' && j > i+1:
		default:
			return 0
		}
	}
	return 0
}

// hasContent reports whether text[start:i] holds a letter or digit.
func hasContent(text string, start, i int) bool {
	if i-start > 24 {
		return true
	}
	for p := start; p < i; {
		c := text[p]
		if c < utf8.RuneSelf {
			if isLetter(c) || isDigit(c) {
				return true
			}
			p++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[p:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		p += size
	}
	return false
}

// isAcronym reports whether tok (without its final full stop) is a
// multi-period abbreviation such as "U.S", "a.m", "Ph.D" or "J.F.K": two
// to six parts of one to three letters, joined by full stops.
func isAcronym(tok string) bool {
	parts, run := 1, 0
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case isLetter(c):
			run++
			if run > 3 {
				return false
			}
		case c == '.':
			if run == 0 {
				return false
			}
			parts++
			run = 0
		default:
			return false
		}
	}
	return run > 0 && parts >= 2 && parts <= 6
}

func startsLower(text string, j int) bool {
	c := text[j]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsLower(r)
}
