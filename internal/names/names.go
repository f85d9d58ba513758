// Package names holds the word lists that entity and pronoun resolution
// read: given names by gender, titles and role nouns with the gender they
// imply, personal pronouns (the subject, object and possessive forms of
// internal/lexicon's list), words that head organization names, adjectives
// of nation and party, capitalised words that are not names, and the names
// of places (countries, states, capitals).
//
// The lists are plain text files embedded in the binary, parsed once on
// first use and read-only afterwards; every function is safe for concurrent
// use. Lookups ignore case, and the full stop of an abbreviation that a
// list writes without it ("Va." is "va").
package names

import (
	"bufio"
	"embed"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/bloom"
	lx "github.com/whosaid/whosaid/internal/lexicon"
)

//go:embed *.txt
var files embed.FS

// Gender is the grammatical gender a name, title or pronoun implies.
type Gender uint8

const (
	// Unknown: the word implies no gender.
	Unknown Gender = iota
	// Male: he, Mr., John.
	Male
	// Female: she, Mrs., Mary.
	Female
	// Neuter: it.
	Neuter
)

// Pronoun describes a personal pronoun.
type Pronoun struct {
	// Base is the subject form ("he" for "his").
	Base string
	// Person is 1, 2 or 3.
	Person int
	// Plural is set for we, us, our, they, them, their.
	Plural bool
	// Number is false when the pronoun may be singular or plural (you).
	Number bool
	// Possessive is set for my, our, your, his, her, its, their.
	Possessive bool
	// Object is set for the forms that are only object forms: me, us,
	// him, them. "You" and "it" are subjects too, and "her" is taken as
	// the possessive.
	Object bool
	Gender Gender
}

// pronounOf is the Pronoun of an entry of the module's list of pronouns
// (internal/lexicon), when it is a subject, object or possessive form: the
// independent possessives ("hers", "theirs") and the reflexives are no
// mentions that coreference resolves.
func pronounOf(p lx.Pronoun) (Pronoun, bool) {
	const forms = lx.Subject | lx.Object | lx.Possessive
	if p.Case&forms == 0 {
		return Pronoun{}, false
	}
	pr := Pronoun{
		Base: p.Base, Person: p.Person,
		Plural: p.Number == lx.Plural, Number: p.Number != lx.EitherNumber,
		Possessive: p.Case&lx.Possessive != 0, Object: p.Case&forms == lx.Object,
	}
	switch p.Gender {
	case lx.Masculine:
		pr.Gender = Male
	case lx.Feminine:
		pr.Gender = Female
	case lx.Neuter:
		pr.Gender = Neuter
	}
	return pr, true
}

type lexicon struct {
	male, female map[string]bool
	titles       map[string]Gender
	heads        map[string]string
	orgs         map[string]bool
	groups       map[string]bool
	stops        map[string]bool
	// places holds the names of places, one or more words each; Listed
	// does not speak for it.
	places   map[string]bool
	pronouns map[string]Pronoun
	// plurals maps the plural of every title to its singular, as
	// titlePlural finds it.
	plurals map[string]string
	// maybe filters the keys of every list: most words of a text are in
	// none, and the filter tells so without the look-ups.
	maybe *bloom.Filter
	// maybePlural filters the keys of plurals, which Listed does not
	// speak for, for TitlePlural.
	maybePlural *bloom.Filter
	// entryList holds what the lists above say of each of their words,
	// for FactsOf, and entries the index of each word's.
	entryList []entry
	entries   map[string]int32
}

// in reports whether fold(w) is in the set m, one of the lists of get().
func in(m map[string]bool, w string) bool {
	ok, _ := look(get(), m, w)
	return ok
}

// look returns m[fold(w)]; for an abbreviation that m lists without its
// full stop ("Va." for "va"), m of the word without it. It folds and looks
// up only when the filter lets the word through.
func look[V any](l *lexicon, m map[string]V, w string) (V, bool) {
	if l.maybe.HasFold(w) {
		if v, ok := m[fold(w)]; ok {
			return v, true
		}
	}
	if stem, ok := strings.CutSuffix(w, "."); ok && stem != "" {
		return look(l, m, stem)
	}
	var zero V
	return zero, false
}

var lex = sync.OnceValues(load)

// Err reports whether the embedded lists failed to parse; the lookups of a
// package whose lists failed answer as if the lists were empty.
func Err() error {
	_, err := lex()
	return err
}

// loaded is the lexicon once lex has loaded it: get reads it without the
// call through sync.OnceValues that every look-up would pay.
var loaded atomic.Pointer[lexicon]

func get() *lexicon {
	if l := loaded.Load(); l != nil {
		return l
	}
	return getFirst()
}

// getFirst is get until the lists are loaded, kept apart so that get
// inlines.
func getFirst() *lexicon {
	l, err := lex()
	if err != nil {
		return &lexicon{}
	}
	loaded.Store(l)
	return l
}

func load() (*lexicon, error) {
	l := &lexicon{titles: map[string]Gender{}, heads: map[string]string{}, pronouns: map[string]Pronoun{}}
	var err error
	if l.male, err = set("male.txt"); err != nil {
		return nil, err
	}
	if l.female, err = set("female.txt"); err != nil {
		return nil, err
	}
	if l.orgs, err = set("orgs.txt"); err != nil {
		return nil, err
	}
	if l.groups, err = set("groups.txt"); err != nil {
		return nil, err
	}
	if l.stops, err = set("stopcaps.txt"); err != nil {
		return nil, err
	}
	if l.places, err = set("places.txt"); err != nil {
		return nil, err
	}
	for _, s := range lx.StateNames() {
		l.places[s] = true
	}
	err = each("titles.txt", func(f []string) error {
		if len(f) != 2 && len(f) != 3 {
			return fmt.Errorf("want 2 or 3 fields, have %d", len(f))
		}
		g, err := gender(f[1])
		l.titles[f[0]] = g
		l.heads[f[0]] = f[0]
		if len(f) == 3 {
			l.heads[f[0]] = strings.Trim(f[2], "-")
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range lx.Pronouns() {
		if pr, ok := pronounOf(p); ok {
			l.pronouns[p.Form] = pr
		}
	}
	// The filter holds the keys of every list.
	keys := slices.Collect(iterConcat(maps.Keys(l.male), maps.Keys(l.female), maps.Keys(l.orgs),
		maps.Keys(l.groups), maps.Keys(l.stops), maps.Keys(l.titles),
		maps.Keys(l.heads), maps.Keys(l.pronouns)))
	l.maybe = bloom.New(len(keys))
	for _, w := range keys {
		l.maybe.Add(w)
	}
	// Every plural titlePlural accepts is a title with a plural ending in
	// place of its singular one.
	l.plurals = map[string]string{}
	for t := range l.titles {
		for _, r := range pluralRules {
			if stem, ok := strings.CutSuffix(t, r.sg); ok {
				if sg, ok := l.titlePlural(stem + r.pl); ok {
					l.plurals[stem+r.pl] = sg
				}
			}
		}
	}
	l.maybePlural = bloom.New(len(l.plurals))
	for p := range l.plurals {
		l.maybePlural.Add(p)
	}
	l.indexEntries()
	return l, nil
}

// pluralRules are the plural endings of titles and the singular endings
// they stand for, the first that fits first.
var pluralRules = [...]struct{ pl, sg string }{{"men", "man"}, {"women", "woman"}, {"ies", "y"}, {"es", ""}, {"s", ""}}

// titlePlural is TitlePlural of a lower-case w, by its ending: the first
// rule that turns it into a title.
func (l *lexicon) titlePlural(w string) (string, bool) {
	for _, r := range pluralRules {
		if stem, ok := strings.CutSuffix(w, r.pl); ok {
			if _, ok := l.titles[stem+r.sg]; ok {
				return stem + r.sg, true
			}
		}
	}
	return "", false
}

// iterConcat yields the words of each sequence in turn.
func iterConcat(seqs ...iter.Seq[string]) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, seq := range seqs {
			for w := range seq {
				if !yield(w) {
					return
				}
			}
		}
	}
}

func gender(s string) (Gender, error) {
	switch s {
	case "m":
		return Male, nil
	case "f":
		return Female, nil
	case "-":
		return Unknown, nil
	}
	return Unknown, fmt.Errorf("bad gender %q", s)
}

func set(name string) (map[string]bool, error) {
	m := map[string]bool{}
	err := each(name, func(f []string) error {
		m[strings.Join(f, " ")] = true
		return nil
	})
	return m, err
}

// each calls fn with the tab-separated, lower-cased fields of every line of
// the named file that is neither blank nor a # comment.
func each(name string, fn func([]string) error) error {
	f, err := files.Open(name)
	if err != nil {
		return fmt.Errorf("names: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(strings.ToLower(line), "\t")); err != nil {
			return fmt.Errorf("names: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("names: %s: %w", name, err)
	}
	return nil
}

// fold lower-cases w and turns a typographic apostrophe into a straight one,
// without allocating when w is already folded.
func fold(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		}
	}
	return w
}

// Given returns the gender of a given name ("John" is Male, "Mary" Female),
// Unknown when the name is not a common given name.
func Given(w string) Gender {
	l := get()
	if !l.maybe.HasFold(w) {
		return Unknown
	}
	switch w = fold(w); {
	case l.male[w]:
		return Male
	case l.female[w]:
		return Female
	}
	return Unknown
}

// Title reports whether w is a title or role noun ("Mr.", "Sen.",
// "spokesman", "official") and the gender it implies. Multi-word titles
// ("press secretary") are looked up with one space between words.
func Title(w string) (Gender, bool) {
	l := get()
	return look(l, l.titles, w)
}

// Head returns the noun a description uses for the title w: "senator" for
// "Sen.", "spokesman" for "spokesman", "" for an honorific such as "Mr."
// and for a word that is not a title.
func Head(w string) string {
	l := get()
	h, _ := look(l, l.heads, w)
	return h
}

// TitlePlural reports whether w is the plural of a role noun ("officials",
// "spokesmen", "lawmakers", "attorneys", "Sens.") and returns its singular,
// without the full stop of an abbreviation.
func TitlePlural(w string) (string, bool) {
	w = strings.TrimSuffix(w, ".")
	// Every plural suffix below ends in s or n, which folding keeps.
	if w == "" || w[len(w)-1]|0x20 != 's' && w[len(w)-1]|0x20 != 'n' {
		return "", false
	}
	l := get()
	if !l.maybePlural.HasFold(w) {
		return "", false
	}
	sg, ok := l.plurals[fold(w)]
	return sg, ok
}

// Org reports whether w heads or ends the name of an organization
// ("Department", "Times", "Party", "Inc.").
func Org(w string) bool { return in(get().orgs, w) }

// Group reports whether w is an adjective of nation, party or creed
// ("Republican", "French").
func Group(w string) bool { return in(get().groups, w) }

// GroupPlural reports whether w names a group of people by nation, party
// or creed in the plural ("Republicans", "Democrats", "Americans").
func GroupPlural(w string) bool {
	s, ok := strings.CutSuffix(fold(w), "s")
	if !ok {
		return false
	}
	l := get()
	group, _ := look(l, l.groups, s)
	return group
}

// Stop reports whether w, capitalised, is still not part of a name: a
// function word at the start of a sentence, a day or a month.
func Stop(w string) bool { return in(get().stops, w) }

// Place reports whether s is the name of a place that a text may make
// the subject of a verb of saying ("Israel", "Florida", "British
// Columbia", "Moscow"): a country, continent or region, a state of the
// United States, a province of Canada, or a capital. The words of s are
// compared with one space between them, ignoring case.
func Place(s string) bool {
	return get().places[fold(strings.Join(strings.Fields(s), " "))]
}

// Pronouns returns the personal pronouns [PronounOf] knows, in lower case
// and in order: the subject, object and possessive forms of
// internal/lexicon's list of pronouns.
func Pronouns() []string { return slices.Sorted(maps.Keys(get().pronouns)) }

// PronounOf describes w when it is a personal pronoun.
func PronounOf(w string) (Pronoun, bool) {
	l := get()
	return look(l, l.pronouns, w)
}

// Listed reports whether w may stand in one of the lists as it is written:
// when it is false, Given, Title, Head, Org, Group, Stop and PronounOf all
// answer no for w. (TitlePlural and GroupPlural look up other forms.) It
// costs one filter check, for callers that ask several of them.
func Listed(w string) bool {
	l := get()
	if l.maybe.HasFold(w) {
		return true
	}
	stem, ok := strings.CutSuffix(w, ".")
	return ok && stem != "" && Listed(stem)
}

// ListedHash is Listed of w, an ASCII word in lower case whose fold.Hash
// the caller has computed as h: the filter check is then that of h.
func ListedHash(w string, h uint32) bool {
	if get().maybe.HasHash(h) {
		return true
	}
	stem, ok := strings.CutSuffix(w, ".")
	return ok && stem != "" && Listed(stem)
}

// Capitalised reports whether w starts with an upper-case letter.
func Capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
