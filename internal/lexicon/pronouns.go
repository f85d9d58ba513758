package lexicon

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed pronouns.txt
var pronounsData string

// Case is the set of grammatical cases a pronoun form stands in: "her" is
// both Object and Possessive.
type Case uint8

const (
	// Subject: I, we, you, he, she, it, they.
	Subject Case = 1 << iota
	// Object: me, us, you, him, her, it, them.
	Object
	// Possessive is the determiner: my, our, your, his, her, its, their.
	Possessive
	// Independent is the possessive that stands alone: mine, hers, theirs.
	Independent
	// Reflexive: myself, herself, themselves.
	Reflexive
)

var caseNames = map[string]Case{
	"subject": Subject, "object": Object, "possessive": Possessive,
	"independent": Independent, "reflexive": Reflexive,
}

// Number is the grammatical number of a pronoun.
type Number uint8

const (
	// EitherNumber: the form is singular or plural ("you").
	EitherNumber Number = iota
	// Singular: I, he, she, it.
	Singular
	// Plural: we, they.
	Plural
)

// Gender is the grammatical gender of a pronoun.
type Gender uint8

const (
	// AnyGender: I, you, they.
	AnyGender Gender = iota
	// Masculine: he, him, his.
	Masculine
	// Feminine: she, her, hers.
	Feminine
	// Neuter: it, its.
	Neuter
)

var (
	numberNames = map[string]Number{"-": EitherNumber, "s": Singular, "p": Plural}
	genderNames = map[string]Gender{"-": AnyGender, "m": Masculine, "f": Feminine, "n": Neuter}
)

// Pronoun is one form of a personal pronoun with its features.
type Pronoun struct {
	// Form is the pronoun in lower case ("his").
	Form string
	// Case holds every case the form stands in.
	Case Case
	// Base is the subject form the pronoun stands for ("he" for "his").
	Base   string
	Person int // 1, 2 or 3
	Number Number
	Gender Gender
}

// pronouns is pronouns.txt, parsed once when the package loads.
var pronouns = parsePronouns(pronounsData)

// parsePronouns reads pronouns.txt: FORM CASES BASE PERSON NUMBER GENDER,
// tab-separated. It panics on a malformed line: the data is embedded, and
// a test reads it.
func parsePronouns(data string) []Pronoun {
	var out []Pronoun
	for n, line := range entries(data) {
		line = strings.TrimSpace(line)
		p, err := parsePronoun(strings.ToLower(line))
		if err != nil {
			panic(fmt.Sprintf("lexicon: pronouns line %d: %v: %q", n+1, err, line))
		}
		out = append(out, p)
	}
	return out
}

func parsePronoun(line string) (Pronoun, error) {
	f := strings.Split(line, "\t")
	if len(f) != 6 {
		return Pronoun{}, fmt.Errorf("want FORM CASES BASE PERSON NUMBER GENDER, have %d fields", len(f))
	}
	p := Pronoun{Form: f[0], Base: f[2]}
	for _, c := range strings.Split(f[1], ",") {
		k, ok := caseNames[c]
		if !ok {
			return Pronoun{}, fmt.Errorf("unknown case %q", c)
		}
		p.Case |= k
	}
	var ok bool
	if len(f[3]) != 1 || f[3][0] < '1' || f[3][0] > '3' {
		return Pronoun{}, fmt.Errorf("bad person %q", f[3])
	}
	p.Person = int(f[3][0] - '0')
	if p.Number, ok = numberNames[f[4]]; !ok {
		return Pronoun{}, fmt.Errorf("bad number %q", f[4])
	}
	if p.Gender, ok = genderNames[f[5]]; !ok {
		return Pronoun{}, fmt.Errorf("bad gender %q", f[5])
	}
	return p, nil
}

// Pronouns returns the personal pronouns of pronouns.txt, in the order of
// the file. This is the one list of personal pronouns of the module; a
// reader keeps the forms it needs by their features (see [PronounSet]).
func Pronouns() []Pronoun { return slices.Clone(pronouns) }

// PronounSet returns the set of the forms of the pronouns for which keep
// is true, in lower case.
func PronounSet(keep func(Pronoun) bool) map[string]bool {
	m := map[string]bool{}
	for _, p := range pronouns {
		if keep(p) {
			m[p.Form] = true
		}
	}
	return m
}
