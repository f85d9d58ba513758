package lexicon

import (
	_ "embed"

	"github.com/whosaid/whosaid/internal/fold"
)

//go:embed abbreviations.txt
var abbreviationsData string

//go:embed documents.txt
var documentsData string

// documents is the set of documents.txt.
var documents = parseList(documentsData)

// Document reports whether w is a noun of a document, study or statement
// ("analysis", "report", "statement"), whose author follows it with "by".
// Case does not matter.
func Document(w string) bool { return fold.In(documents, w) }

// abbreviations is the set of abbreviations.txt, parsed once when the
// package loads: the tokenizer asks it of every word before a full stop.
var abbreviations = parseList(abbreviationsData)

// Abbreviation reports whether a full stop after w belongs to w: a title,
// month, state or company word written short ("Sen.", "Jan.", "Calif.",
// "Inc."). Case does not matter.
func Abbreviation(w string) bool { return fold.In(abbreviations, w) }
